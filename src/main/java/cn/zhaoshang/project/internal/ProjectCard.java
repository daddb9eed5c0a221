package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.document.DocumentFormat;
import cn.zhaoshang.platform.document.DocumentGenerator;
import cn.zhaoshang.platform.document.OfficialDocument;
import cn.zhaoshang.platform.document.OfficialDocument.Table;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The project information card (项目信息卡): the project page's facts as a .docx or .pdf to print or send, written
 * by the platform's document generator. Readable by whoever may read the project page (else not found).
 */
@Component
public class ProjectCard {

	/** How many progress reports the card lists, newest first. */
	static final int PROGRESS_ROWS = 10;

	/** A generated file: its name in the reader's language, an ASCII name for old clients, and its bytes. */
	public record File(String name, String asciiName, DocumentFormat format, byte[] content) {
	}

	private final ProjectAccess access;
	private final ProjectRecordQueries queries;
	private final DataScopes scopes;
	private final Attachments attachments;
	private final DocumentGenerator generator;
	private final MessageSource messages;
	private final Clock clock;

	ProjectCard(ProjectAccess access, ProjectRecordQueries queries, DataScopes scopes, Attachments attachments,
			DocumentGenerator generator, MessageSource messages, Clock clock) {
		this.access = access;
		this.queries = queries;
		this.scopes = scopes;
		this.attachments = attachments;
		this.generator = generator;
		this.messages = messages;
		this.clock = clock;
	}

	public File write(long id, CurrentUser user, DocumentFormat format, Locale locale) {
		access.readable(id, user);
		DataScope scope = scopes.of(user);
		OfficialDocument card = card(id, scope, locale);
		String code = queries.detail(id, scope).row().code();
		return new File(t(locale, "ledger.card.fileName", code) + "." + format.extension(),
				"project-card-" + code + "." + format.extension(), format, generator.write(card, format));
	}

	OfficialDocument card(long id, DataScope scope, Locale locale) {
		ProjectQueries.Detail d = queries.detail(id, scope);
		ProjectQueries.Row r = d.row();
		var doc = OfficialDocument.builder(t(locale, "ledger.card.title"), LocalDate.now(clock), locale)
			.issuer(r.unitName())
			.number(r.code());
		doc.heading(t(locale, "ledger.card.basic"));
		doc.table(Table.of(List.of(), List.of(
				List.of(t(locale, "field.name"), r.name(), t(locale, "field.projectCode"), r.code()),
				List.of(t(locale, "field.investorName"), r.investorName(), t(locale, "field.investorUscc"),
						text(r.investorUscc())),
				List.of(t(locale, "field.projectFilter.unit"), r.unitName(), t(locale, "field.introUnitId"),
						text(d.introUnitName())),
				List.of(t(locale, "field.chainId"), r.chainName() + (d.chainLink() == null ? "" : " · " + d.chainLink()),
						t(locale, "field.projectType"),
						r.typeLabels(ty -> t(locale, ty.messageKey()), t(locale, "projectType.separator"))),
				List.of(t(locale, "field.promotionMode"),
						d.promotionMode() == null ? "" : t(locale, d.promotionMode().messageKey()),
						t(locale, "field.keyProject"), t(locale, r.keyProject() ? "common.yes" : "common.no")),
				List.of(t(locale, "field.stage"), t(locale, r.stage().messageKey()), t(locale, "field.status"),
						t(locale, r.status().messageKey())),
				List.of(t(locale, "field.leaderId"), text(r.leaderName()), t(locale, "field.chiefAttendantId"),
						text(r.chiefAttendantName())),
				List.of(t(locale, "field.negotiationDate"), text(date(d.negotiationDate())),
						t(locale, "field.registeredDate"), text(date(d.registeredDate())))))
			.withWidths(2, 3, 2, 3));
		doc.heading(t(locale, "ledger.card.investment"));
		doc.table(Table.of(List.of(t(locale, "ledger.card.item"), t(locale, "ledger.card.value")), List.of(
				List.of(t(locale, "field.plannedInvestment"), amount(r.plannedInvestment())),
				List.of(t(locale, "field.foreignInvestment"), amount(r.foreignInvestment())),
				List.of(t(locale, "field.contractedInvestment"), amount(r.contractedInvestment())),
				List.of(t(locale, "field.paidInInvestment"), amount(r.paidInInvestment())),
				List.of(t(locale, "field.actualInvestment"), amount(d.actualInvestment())),
				List.of(t(locale, "field.annualOutput"), amount(d.annualOutput())),
				List.of(t(locale, "field.annualTax"), amount(d.annualTax())),
				List.of(t(locale, "field.jobs"), d.jobs() == null ? "" : String.valueOf(d.jobs())),
				List.of(t(locale, "field.landNeedMu"), amount(d.landNeedMu())),
				List.of(t(locale, "field.factoryNeedM2"), amount(d.factoryNeedM2()))))
			.withWidths(3, 2));
		doc.heading(t(locale, "ledger.card.stages"));
		List<List<String>> moves = new ArrayList<>();
		for (ProjectQueries.Move m : queries.timeline(id, scope, attachments)) {
			String change = m.statusChange()
					? t(locale, m.fromStatus().messageKey()) + " → " + t(locale, m.toStatus().messageKey())
					: t(locale, m.fromStage().messageKey()) + " → " + t(locale, m.toStage().messageKey());
			moves.add(List.of(m.date() == null ? "" : m.date().toString(), change, amount(m.amount()),
					text(m.submittedBy())));
		}
		doc.table(Table.of(List.of(t(locale, "field.date"), t(locale, "ledger.card.change"),
				t(locale, "ledger.card.amount"), t(locale, "ledger.card.by")), moves).withWidths(2, 3, 2, 2));
		doc.heading(t(locale, "ledger.card.progress"));
		List<List<String>> progress = queries.progress(id, scope, attachments).stream().limit(PROGRESS_ROWS)
			.map(p -> List.of(p.date().toString(), p.text(), amount(p.paidInInvestment())))
			.toList();
		doc.table(Table.of(List.of(t(locale, "field.date"), t(locale, "field.text"),
				t(locale, "field.paidInInvestment")), progress).withWidths(2, 5, 2));
		doc.appendix(t(locale, "ledger.card.appendix"));
		doc.subheading(t(locale, "field.description"));
		doc.paragraph(d.description() == null ? "—" : d.description());
		doc.subheading(t(locale, "field.problems"));
		doc.paragraph(d.problems() == null ? "—" : d.problems());
		return doc.build();
	}

	private String t(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	private static String date(LocalDate d) {
		return d == null ? null : d.toString();
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	/** As the page shows amounts: thousands separators and two decimals, empty for none. */
	private static String amount(BigDecimal value) {
		return value == null ? "" : String.format(Locale.ROOT, "%,.2f", value);
	}
}
