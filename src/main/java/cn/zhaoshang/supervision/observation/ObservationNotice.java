package cn.zhaoshang.supervision.observation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.platform.document.OfficialDocument;
import cn.zhaoshang.platform.document.OfficialDocument.Table;

import org.springframework.context.MessageSource;

/**
 * The results notice of an observation as an official document (the platform's generator writes the .docx): the
 * event (date, route, judges, criteria and the averaging rule), the units' ranking and the projects' ranking. Every
 * word from the bundle in the reader's language; the scores are the results', two decimals.
 */
public final class ObservationNotice {

	private final MessageSource messages;
	private final Locale locale;

	public ObservationNotice(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	public OfficialDocument of(Observation event, ObservationResults results) {
		var doc = OfficialDocument.builder(t("observation.notice.title", event.title()), event.date(), locale)
			.issuer(t("observation.notice.issuer"));
		if (event.status() != ObservationStatus.CLOSED) {
			doc.paragraph(t("observation.notice.provisional"));
		}
		doc.heading(t("observation.notice.h.event"));
		doc.paragraph(t("observation.notice.event", event.date().toString(), event.projects().size(),
				event.judges().size()));
		if (!event.route().isEmpty()) {
			doc.paragraph(t("observation.notice.route", String.join(t("observation.notice.routeSeparator"),
					event.route())));
		}
		doc.paragraph(t("observation.notice.judges",
				String.join(t("observation.notice.listSeparator"), event.judges().stream().map(Observation.Judge::name).toList())));
		List<List<String>> criteria = new ArrayList<>();
		BigDecimal full = BigDecimal.ZERO;
		for (Observation.Criterion c : event.criteria()) {
			criteria.add(List.of(c.name(), points(c.maxPoints())));
			full = full.add(c.maxPoints());
		}
		doc.table(Table.of(List.of(t("observation.col.criterion"), t("observation.col.maxPoints")), criteria)
			.withCaption(t("observation.notice.criteria"))
			.withTotals(List.of(t("observation.total"), points(full)))
			.withWidths(4, 2));
		doc.paragraph(t(event.dropExtremes() ? "observation.rule.text.drop" : "observation.rule.text.mean"));
		doc.paragraph(t("observation.rule.text.unit"));

		doc.heading(t("observation.notice.h.units"));
		List<List<String>> units = new ArrayList<>();
		for (ObservationResults.UnitResult u : results.units()) {
			units.add(List.of(rank(u.rank()), u.unitName(), String.valueOf(u.projects()), score(u.score())));
		}
		doc.table(Table.of(List.of(t("observation.col.rank"), t("observation.col.unit"),
				t("observation.col.projects"), t("observation.col.score")), units).withWidths(1, 4, 2, 2));

		doc.heading(t("observation.notice.h.projects"));
		List<List<String>> projects = new ArrayList<>();
		for (ObservationResults.ProjectResult p : results.projects()) {
			projects.add(List.of(rank(p.rank()), p.code(), p.name(), p.unitName(), String.valueOf(p.counted()),
					score(p.score())));
		}
		doc.table(Table.of(List.of(t("observation.col.rank"), t("observation.col.code"), t("observation.col.project"),
				t("observation.col.unit"), t("observation.col.counted"), t("observation.col.score")), projects)
			.withWidths(1, 3, 4, 3, 2, 2));
		return doc.build();
	}

	/** A score as the notice prints it: two decimals, or a dash without one. */
	public static String score(BigDecimal score) {
		return score == null ? "—" : score.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
	}

	static String points(BigDecimal points) {
		return points.stripTrailingZeros().toPlainString();
	}

	private static String rank(int rank) {
		return rank == 0 ? "—" : String.valueOf(rank);
	}

	private String t(String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
