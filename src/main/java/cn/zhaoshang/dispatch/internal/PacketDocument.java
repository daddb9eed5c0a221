package cn.zhaoshang.dispatch.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.platform.document.OfficialDocument;
import cn.zhaoshang.platform.document.OfficialDocument.Table;

import org.springframework.context.MessageSource;

/**
 * Lays out a {@link Packet} as an official document (the platform's generator writes it as .docx or .pdf): the round
 * header, the summary table per unit, a section per unit with each project's report, the problems with proposed
 * owners, the stalled list with the rule, and each responsible leader's projects. Every word comes from the
 * message bundle, in the reader's language; the figures are the packet's, formatted as the pages show them.
 */
final class PacketDocument {

	private final MessageSource messages;
	private final Locale locale;

	PacketDocument(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	OfficialDocument of(Packet p) {
		Packet.Header h = p.header();
		var doc = OfficialDocument.builder(t("packet.title", h.name()), h.date(), locale).issuer(h.issuer());
		doc.heading(t("packet.h.overview", n(1)));
		doc.paragraph(t("packet.overview", h.periodFrom().toString(), h.periodTo().toString(),
				h.deadline().toString(), h.chairName() == null ? "—" : h.chairName(),
				p.units().stream().mapToInt(Packet.UnitSummary::projects).sum(),
				p.units().stream().mapToInt(Packet.UnitSummary::reported).sum()));
		doc.paragraph(t(h.closed() ? "packet.figures.frozen" : "packet.figures.live"));

		doc.heading(t("packet.h.summary", n(2)));
		List<List<String>> summary = new ArrayList<>();
		int projects = 0;
		int reported = 0;
		int moves = 0;
		BigDecimal funds = BigDecimal.ZERO;
		for (Packet.UnitSummary u : p.units()) {
			summary.add(List.of(u.unitName(), count(u.projects()), count(u.reported()), count(u.stageMoves()),
					amount(u.funds())));
			projects += u.projects();
			reported += u.reported();
			moves += u.stageMoves();
			funds = funds.add(u.funds() == null ? BigDecimal.ZERO : u.funds());
		}
		doc.table(Table.of(List.of(t("packet.col.unit"), t("packet.col.projects"), t("packet.col.reported"),
				t("packet.col.stageMoves"), t("packet.col.funds")), summary)
			.withCaption(t("packet.summary.caption"))
			.withTotals(List.of(t("packet.total"), count(projects), count(reported), count(moves), amount(funds)))
			.withWidths(3, 2, 2, 2, 3));

		doc.heading(t("packet.h.units", n(3)));
		int i = 1;
		for (Packet.UnitSection s : p.sections()) {
			doc.subheading(t("packet.sub", n(i++), s.unitName()));
			List<List<String>> rows = new ArrayList<>();
			for (Packet.ProjectReport r : s.projects()) {
				rows.add(List.of(r.code() + "\n" + r.name(), r.stage() + "\n" + r.reportStatus(),
						amount(r.funds()), text(r.summary()),
						r.problems().isEmpty() ? "—" : String.join("\n", r.problems()), text(r.nextSteps())));
			}
			doc.table(Table.of(List.of(t("packet.col.project"), t("packet.col.stage"), t("packet.col.funds"),
					t("packet.col.summary"), t("packet.col.problems"), t("packet.col.nextSteps")), rows)
				.withWidths(3, 2, 2, 4, 3, 3));
		}

		doc.heading(t("packet.h.problems", n(4)));
		if (p.problems().isEmpty()) {
			doc.paragraph(t("packet.none"));
		}
		else {
			List<List<String>> rows = new ArrayList<>();
			int k = 1;
			for (Packet.ProblemLine q : p.problems()) {
				rows.add(List.of(String.valueOf(k++), q.unitName(), q.projectName(), q.text(), text(q.proposedOwner()),
						q.due() == null ? "" : q.due().toString(), text(q.decision()), text(q.status())));
			}
			doc.table(Table.of(List.of(t("packet.col.no"), t("packet.col.unit"), t("packet.col.project"),
					t("packet.col.problem"), t("packet.col.owner"), t("packet.col.due"), t("packet.col.decision"),
					t("packet.col.status")), rows).withWidths(1, 2, 3, 4, 2, 2, 3, 1));
		}

		doc.heading(t("packet.h.stalled", n(5)));
		doc.paragraph(t("stalled.rule", h.stalledAfterRounds()));
		if (p.stalled().isEmpty()) {
			doc.paragraph(t(h.closed() ? "packet.stalled.none" : "packet.stalled.open"));
		}
		else {
			List<List<String>> rows = new ArrayList<>();
			for (Packet.StalledLine s : p.stalled()) {
				rows.add(List.of(s.unitName(), s.code(), s.name(), count(s.rounds()), s.roundNames()));
			}
			doc.table(Table.of(List.of(t("packet.col.unit"), t("packet.col.code"), t("packet.col.name"),
					t("packet.col.rounds"), t("packet.col.countingRounds")), rows).withWidths(2, 3, 4, 2, 5));
		}

		doc.heading(t("packet.h.leaders", n(6)));
		if (p.leaders().isEmpty()) {
			doc.paragraph(t("packet.none"));
		}
		int j = 1;
		for (Packet.LeaderProjects l : p.leaders()) {
			doc.subheading(t("packet.sub", n(j++), l.leaderName()));
			List<List<String>> rows = new ArrayList<>();
			for (Packet.LeaderProject lp : l.projects()) {
				rows.add(List.of(lp.code() + "\n" + lp.name(), lp.unitName(), lp.stage(),
						count(lp.stageMoves()), amount(lp.funds()),
						t(lp.progress() ? "packet.progress.yes" : "packet.progress.no")));
			}
			doc.table(Table.of(List.of(t("packet.col.project"), t("packet.col.unit"), t("packet.col.stage"),
					t("packet.col.stageMoves"), t("packet.col.funds"), t("packet.col.progress")), rows)
				.withWidths(4, 2, 2, 2, 2, 2));
		}
		return doc.build();
	}

	/** The n-th heading number in the reader's language (一, 二 … in Chinese; 1, 2 … in English). */
	String n(int number) {
		String[] digits = t("packet.numerals").split(",");
		if (digits.length < 10) {
			return String.valueOf(number);
		}
		if (number <= 10) {
			return digits[number - 1];
		}
		if (number < 20) {
			return digits[9] + digits[number - 11];
		}
		if (number < 100) {
			return digits[number / 10 - 1] + digits[9] + (number % 10 == 0 ? "" : digits[number % 10 - 1]);
		}
		return String.valueOf(number);
	}

	private String t(String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	private static String text(String value) {
		return value == null || value.isBlank() ? "—" : value;
	}

	/** As the pages show amounts: thousands separators and two decimals (the document kit's format). */
	static String amount(BigDecimal value) {
		return OfficialDocument.amount(value);
	}

	/** Counts with thousands separators, like the amounts (the document kit's format): 2,000. */
	static String count(long value) {
		return OfficialDocument.count(value);
	}
}
