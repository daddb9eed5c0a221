package cn.zhaoshang.supervision.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.zhaoshang.activity.OutboundTrips;
import cn.zhaoshang.dispatch.DispatchRounds;
import cn.zhaoshang.platform.document.OfficialDocument;
import cn.zhaoshang.platform.document.OfficialDocument.Table;
import cn.zhaoshang.supervision.Completion;
import cn.zhaoshang.supervision.SupervisionFigures;
import cn.zhaoshang.supervision.SupervisionFigures.Figures;
import cn.zhaoshang.supervision.SupervisionFigures.UnitRow;
import cn.zhaoshang.supervision.TargetIndicator;

import org.springframework.context.MessageSource;

/**
 * Lays out a monthly notification as an official document (the platform generator writes .docx and .pdf): the
 * bureau's opening text, then per indicator a table of each unit's month and year-to-date figure, annual target,
 * completion and the expected pace with the city's totals, the ranking on completion ({@link MonthlyRanking}), the
 * stalled projects (listed in the appendix), the leaders' outbound trips against the clause XV minimums (per unit,
 * each person in the second appendix) and the bureau's closing text. Every figure is the figures read model's,
 * as of the month's end; every word comes from the bundle.
 */
final class MonthlyDocument {

	/** The indicators the figures count, in the targets' order. */
	static final List<TargetIndicator> INDICATORS = List.of(TargetIndicator.SIGNED_COUNT,
			TargetIndicator.CONTRACTED_INVESTMENT, TargetIndicator.COMMENCED_COUNT, TargetIndicator.PRODUCTION_COUNT,
			TargetIndicator.FUNDS_IN_PLACE, TargetIndicator.OUT_OF_PROVINCE, TargetIndicator.FOREIGN_USED);

	private final MessageSource messages;
	private final Locale locale;

	MonthlyDocument(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	/** The document's parts other than the figures. */
	record Text(String issuer, String number, String title, java.time.LocalDate date, String opening,
			String closing) {
	}

	OfficialDocument of(Text text, SupervisionFigures.Result figures, Optional<DispatchRounds.StalledList> stalled,
			List<OutboundTrips.Compliance> trips) {
		int month = figures.period().number();
		var doc = OfficialDocument.builder(text.title(), text.date(), locale).issuer(text.issuer()).number(text.number());
		doc.heading(t("monthly.h.overview"));
		paragraphs(doc, text.opening());

		doc.heading(t("monthly.h.indicators"));
		int i = 1;
		for (TargetIndicator indicator : INDICATORS) {
			doc.subheading(t("monthly.sub", n(i++), t("supervision.field." + indicator.field())));
			doc.table(indicatorTable(indicator, figures, month));
		}

		doc.heading(t("monthly.h.ranking"));
		doc.paragraph(t("monthly.ranking.rule"));
		List<List<String>> ranks = new ArrayList<>();
		for (MonthlyRanking.Place p : MonthlyRanking.of(figures)) {
			ranks.add(List.of(p.rank() == null ? "—" : String.valueOf(p.rank()), p.unitName(),
					p.score() == null ? "—" : percent(p.score()), String.valueOf(p.indicators())));
		}
		doc.table(Table.of(List.of(t("monthly.col.rank"), t("monthly.col.unit"), t("monthly.col.score"),
				t("monthly.col.indicators")), ranks).withWidths(1, 3, 2, 2));

		doc.heading(t("monthly.h.stalled"));
		int count = stalled.map(s -> s.projects().size()).orElse(0);
		doc.paragraph(stalled.isEmpty() ? t("monthly.stalled.noRound")
				: t("monthly.stalled.summary", stalled.get().round().name(), count));

		doc.heading(t("monthly.h.trips"));
		List<TripTally> tallies = TripTally.of(trips);
		long compliant = trips.stream().filter(OutboundTrips.Compliance::compliant).count();
		doc.paragraph(trips.isEmpty() ? t("monthly.trips.none")
				: t("monthly.trips.summary", trips.size(), compliant, trips.size() - compliant));
		if (!trips.isEmpty()) {
			List<List<String>> lines = new ArrayList<>();
			for (TripTally u : tallies) {
				lines.add(List.of(u.unitName(), String.valueOf(u.people()), String.valueOf(u.compliant()),
						u.behind().isEmpty() ? "—" : String.join(t("monthly.listSeparator"), u.behind())));
			}
			doc.table(Table.of(List.of(t("monthly.col.unit"), t("monthly.col.tripPeople"),
					t("monthly.col.tripCompliant"), t("monthly.col.tripBehind")), lines).withWidths(3, 2, 2, 5));
		}

		doc.heading(t("monthly.h.next"));
		paragraphs(doc, text.closing());

		doc.appendix(t("monthly.appendix.stalled"));
		if (count == 0) {
			doc.paragraph(t("monthly.stalled.none"));
		}
		else {
			List<List<String>> rows = new ArrayList<>();
			int k = 1;
			for (DispatchRounds.StalledProject p : stalled.get().projects()) {
				rows.add(List.of(String.valueOf(k++), p.unitName(), p.code(), p.name(), t("stage." + p.stage()),
						String.valueOf(p.roundsWithoutProgress())));
			}
			doc.table(Table.of(List.of(t("monthly.col.no"), t("monthly.col.unit"), t("monthly.col.code"),
					t("monthly.col.project"), t("monthly.col.stage"), t("monthly.col.rounds")), rows)
				.withWidths(1, 3, 3, 5, 2, 2));
		}
		if (!trips.isEmpty()) {
			doc.appendix(t("monthly.appendix.trips"));
			List<List<String>> rows = new ArrayList<>();
			int k = 1;
			for (OutboundTrips.Compliance c : trips) {
				rows.add(List.of(String.valueOf(k++), c.unitName(), c.name(), t(c.positionKey()),
						required(c), String.valueOf(c.trips()), String.valueOf(c.days()),
						t(c.compliant() ? "monthly.trips.met" : "monthly.trips.notMet")));
			}
			doc.table(Table.of(List.of(t("monthly.col.no"), t("monthly.col.unit"), t("monthly.col.person"),
					t("monthly.col.position"), t("monthly.col.required"), t("monthly.col.trips"),
					t("monthly.col.days"), t("monthly.col.met")), rows).withWidths(1, 3, 2, 3, 3, 2, 2, 2));
		}
		return doc.build();
	}

	/** The minimum a person is held to, in words: trips, days out, or both. */
	private String required(OutboundTrips.Compliance c) {
		if (c.requiredTrips() > 0 && c.requiredDays() > 0) {
			return t("monthly.trips.requiredBoth", c.requiredTrips(), c.requiredDays());
		}
		return c.requiredTrips() > 0 ? t("monthly.trips.requiredTrips", c.requiredTrips())
				: t("monthly.trips.requiredDays", c.requiredDays());
	}

	private Table indicatorTable(TargetIndicator indicator, SupervisionFigures.Result figures, int month) {
		List<List<String>> rows = new ArrayList<>();
		for (UnitRow row : figures.rows()) {
			rows.add(cells(row.unitName(), indicator, row.period(), row.yearToDate(), row.completion()));
		}
		List<String> totals = cells(t("monthly.total"), indicator, figures.totals(), figures.totalsYearToDate(),
				figures.totalsCompletion());
		return Table.of(List.of(t("monthly.col.unit"), t("monthly.col.month"), t("monthly.col.ytd"),
				t("monthly.col.target"), t("monthly.col.completion"), t("monthly.col.pace")), rows)
			.withCaption(t("monthly.table.caption", t("supervision.field." + indicator.field()),
					String.valueOf(month)))
			.withTotals(totals)
			.withWidths(3, 2, 2, 2, 2, 2);
	}

	private List<String> cells(String name, TargetIndicator indicator, Figures period, Figures ytd,
			Map<String, Completion> completion) {
		Completion c = completion.get(indicator.field());
		boolean count = indicator.kind() == TargetIndicator.Kind.COUNT;
		return List.of(name, figure(period.of(indicator), count), figure(ytd.of(indicator), count),
				c == null || c.target() == null ? "—" : figure(c.target(), count),
				c == null || c.percent() == null ? "—" : percent(c.percent()),
				c == null ? "—" : percent(c.pace()));
	}

	private static void paragraphs(OfficialDocument.Builder doc, String text) {
		if (text == null || text.isBlank()) {
			return;
		}
		for (String p : text.strip().split("\\R\\s*\\R")) {
			doc.paragraph(p.strip());
		}
	}

	/**
	 * A figure as the notification prints it: counts without a needless decimal ({@code 3}, {@code 1.6}, credited
	 * through shares), amounts with thousands separators and two decimals ({@code 1,060.01}).
	 */
	static String figure(BigDecimal value, boolean count) {
		if (value == null) {
			return "—";
		}
		if (count) {
			BigDecimal v = value.stripTrailingZeros();
			return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
		}
		var format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return format.format(value.setScale(2, RoundingMode.HALF_UP));
	}

	/** A percentage to one decimal with the sign ({@code 83.3%}). */
	static String percent(BigDecimal value) {
		return value.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
	}

	/** Sub-heading numbers: Chinese numerals in Chinese (from the bundle, as the dispatch packet does), digits else. */
	String n(int number) {
		String[] digits = t("packet.numerals").split(",");
		if (digits.length < 10 || number > 19) {
			return String.valueOf(number);
		}
		return number <= 10 ? digits[number - 1] : digits[9] + digits[number - 11];
	}

	private String t(String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
