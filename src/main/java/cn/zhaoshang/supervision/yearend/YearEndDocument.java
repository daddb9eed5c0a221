package cn.zhaoshang.supervision.yearend;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.zhaoshang.platform.document.OfficialDocument;
import cn.zhaoshang.platform.document.OfficialDocument.Table;
import cn.zhaoshang.supervision.Completion;
import cn.zhaoshang.supervision.RankingHistory;
import cn.zhaoshang.supervision.SupervisionFigures;
import cn.zhaoshang.supervision.TargetIndicator;
import cn.zhaoshang.supervision.observation.ObservationNotice;
import cn.zhaoshang.supervision.observation.ObservationResults;
import cn.zhaoshang.supervision.observation.Observations;

import org.springframework.context.MessageSource;

/**
 * The year-end summary as an official document: the city's figures against the targets, the same per unit, the
 * quarterly rankings, the observations' results, the commendations and the fault-tolerance exemptions. Figures are
 * the read model's, formatted as {@link #figure} and {@link #percent} say (tests read them back with POI).
 */
public final class YearEndDocument {

	/** The indicators the figures count, in the targets' order. */
	public static final List<TargetIndicator> INDICATORS = java.util.Arrays.stream(TargetIndicator.values())
		.filter(i -> SupervisionFigures.Figures.ZERO.of(i) != null)
		.toList();

	private final MessageSource messages;
	private final Locale locale;

	public YearEndDocument(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	public OfficialDocument of(YearEndSummary s, LocalDate date) {
		var doc = OfficialDocument.builder(t("yearEnd.doc.title", String.valueOf(s.year())), date, locale)
			.issuer(t("observation.notice.issuer"));
		doc.paragraph(t("yearEnd.doc.intro", String.valueOf(s.year()), s.figures().asOf().toString()));

		doc.heading(t("yearEnd.h.city", n(1)));
		doc.table(indicatorTable(s.figures().totalsYearToDate(), s.figures().totalsCompletion())
			.withCaption(t("yearEnd.city.caption")));

		doc.heading(t("yearEnd.h.units", n(2)));
		int i = 1;
		for (SupervisionFigures.UnitRow row : s.figures().rows()) {
			doc.subheading(t("yearEnd.sub", n(i++), row.unitName()));
			doc.table(indicatorTable(row.yearToDate(), row.completion()));
		}

		doc.heading(t("yearEnd.h.rankings", n(3)));
		if (s.rankings().isEmpty()) {
			doc.paragraph(t("yearEnd.rankings.none"));
		}
		else {
			doc.table(rankingTable(s.rankings()));
		}

		doc.heading(t("yearEnd.h.observations", n(4)));
		if (s.observations().isEmpty()) {
			doc.paragraph(t("yearEnd.observations.none"));
		}
		int j = 1;
		for (Observations.Closed o : s.observations()) {
			doc.subheading(t("yearEnd.sub", n(j++), o.title() + " (" + o.date() + ")"));
			List<List<String>> rows = new ArrayList<>();
			for (ObservationResults.UnitResult u : o.results().units()) {
				rows.add(List.of(u.rank() == 0 ? "—" : String.valueOf(u.rank()), u.unitName(),
						String.valueOf(u.projects()), ObservationNotice.score(u.score())));
			}
			doc.table(Table.of(List.of(t("observation.col.rank"), t("observation.col.unit"),
					t("observation.col.projects"), t("observation.col.score")), rows).withWidths(1, 4, 2, 2));
		}

		doc.heading(t("yearEnd.h.commendations", n(5)));
		if (s.commendations().isEmpty()) {
			doc.paragraph(t("yearEnd.commendations.none"));
		}
		else {
			List<List<String>> rows = new ArrayList<>();
			for (YearEndRecords.Commendation c : s.commendations()) {
				rows.add(List.of(t("yearEnd.kind." + c.kind().name()), c.subject(), c.reason()));
			}
			doc.table(Table.of(List.of(t("yearEnd.col.kind"), t("yearEnd.col.subject"), t("yearEnd.col.reason")),
					rows).withWidths(2, 3, 6));
		}

		doc.heading(t("yearEnd.h.exemptions", n(6)));
		doc.paragraph(t("yearEnd.exemptions.basis"));
		if (s.exemptions().isEmpty()) {
			doc.paragraph(t("yearEnd.exemptions.none"));
		}
		else {
			List<List<String>> rows = new ArrayList<>();
			for (YearEndRecords.Exemption e : s.exemptions()) {
				rows.add(List.of(e.person(), e.matter(), e.decision(), e.decidedOn().toString()));
			}
			doc.table(Table.of(List.of(t("yearEnd.col.person"), t("yearEnd.col.matter"), t("yearEnd.col.decision"),
					t("yearEnd.col.decidedOn")), rows).withWidths(2, 4, 4, 2));
		}
		return doc.build();
	}

	private Table indicatorTable(SupervisionFigures.Figures figures, Map<String, Completion> completion) {
		List<List<String>> rows = new ArrayList<>();
		for (TargetIndicator indicator : INDICATORS) {
			Completion c = completion.get(indicator.field());
			rows.add(List.of(t("supervision.field." + indicator.field()), figure(indicator, figures.of(indicator)),
					c == null || c.target() == null ? "—" : figure(indicator, c.target()), percent(c)));
		}
		return Table.of(List.of(t("yearEnd.col.indicator"), t("yearEnd.col.achieved"), t("yearEnd.col.target"),
				t("yearEnd.col.completion")), rows).withWidths(4, 3, 3, 2);
	}

	private Table rankingTable(List<RankingHistory.QuarterRanking> rankings) {
		Map<Long, String> names = new LinkedHashMap<>();
		List<String> header = new ArrayList<>();
		header.add(t("observation.col.unit"));
		for (RankingHistory.QuarterRanking q : rankings) {
			header.add(t("yearEnd.col.quarter", q.quarter(), q.formulaVersion()));
			q.places().forEach(p -> names.putIfAbsent(p.unitId().value(), p.unitName()));
		}
		List<List<String>> rows = new ArrayList<>();
		names.forEach((unit, name) -> {
			List<String> row = new ArrayList<>();
			row.add(name);
			for (RankingHistory.QuarterRanking q : rankings) {
				row.add(q.places()
					.stream()
					.filter(p -> p.unitId().value() == unit)
					.findFirst()
					.map(p -> t("yearEnd.place", p.rank(), p.score() == null ? "—" : p.score().toPlainString()))
					.orElse("—"));
			}
			rows.add(row);
		});
		return Table.of(header, rows);
	}

	/** A figure as the summary prints it: counts as credited (a tenth where shared), amounts with two decimals. */
	public static String figure(TargetIndicator indicator, BigDecimal value) {
		if (value == null) {
			return "—";
		}
		if (indicator.kind().amount()) {
			return String.format(Locale.ROOT, "%,.2f", value);
		}
		return value.stripTrailingZeros().scale() <= 0 ? value.setScale(0, RoundingMode.UNNECESSARY).toPlainString()
				: value.stripTrailingZeros().toPlainString();
	}

	/** A completion as a percentage to one decimal, or a dash without a target. */
	public static String percent(Completion c) {
		return c == null || c.percent() == null ? "—" : c.percent().toPlainString() + "%";
	}

	String n(int number) {
		String[] digits = t("packet.numerals").split(",");
		return digits.length >= 10 && number <= 10 ? digits[number - 1] : String.valueOf(number);
	}

	private String t(String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
