package cn.zhaoshang.project.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.ImportColumn;
import cn.zhaoshang.platform.ImportColumns;
import cn.zhaoshang.platform.ImportResult;
import cn.zhaoshang.platform.ImportTemplates;
import cn.zhaoshang.platform.Importer;

/**
 * Imports the monthly funds report (实际到位资金月报, issue 10) from an .xlsx workbook through the platform's import
 * kit: one row per project and month, the project matched by its code, else by its name within the importing
 * user's unit (or, for the city bureau, a name unique in the city); all or nothing. The rows' rules are
 * {@link FundsImportRows}; the writes are one batch of inserts and one of updates, then the projects' paid-in totals
 * ({@link PaidInTotals}) and one audit batch, all in this transaction.
 */
@Service
public class FundsImport {

	/** A city has some thousands of active projects; a monthly report with more rows is a mistake. */
	static final int MAX_ROWS = 20_000;

	private final Importer importer;
	private final ImportTemplates templates;
	private final MessageSource messages;
	private final NamedParameterJdbcOperations jdbc;
	private final DataScopes scopes;
	private final PaidInTotals paidIn;
	private final FundsSums sums;
	private final Auditor auditor;
	private final Clock clock;

	FundsImport(Importer importer, ImportTemplates templates, MessageSource messages,
			NamedParameterJdbcOperations jdbc, DataScopes scopes, PaidInTotals paidIn, FundsSums sums, Auditor auditor, Clock clock) {
		this.importer = importer;
		this.templates = templates;
		this.messages = messages;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.paidIn = paidIn;
		this.sums = sums;
		this.auditor = auditor;
		this.clock = clock;
	}

	@Transactional
	public ImportResult execute(byte[] bytes, CurrentUser user) {
		if (user == null || !user.role().isEditor()) {
			throw new BusinessException(403, "error.forbidden");
		}
		return importer.run(bytes, new FundsImportRows(columns(), jdbc, scopes.of(user), user, paidIn, sums, auditor, clock));
	}

	/** The template: the headers (required ones in red, notes as comments) and the example row on its own sheet. */
	public void template(OutputStream out) throws IOException {
		templates.write(t("fundsReport.import.sheet"), columns(), out);
	}

	public String templateFileName(Locale locale) {
		return templates.fileName("fundsReport.import.templateFileName", locale);
	}

	/** The columns of the monthly report, exactly as the province's form words them. */
	ImportColumns columns() {
		return ImportColumns.of(
				ImportColumn.of("code", t("fundsReport.import.header.code")).note(t("fundsReport.import.note.code"))
					.example("PY-2026-00123"),
				ImportColumn.of("name", t("fundsReport.import.header.name")).note(t("fundsReport.import.note.name"))
					.example(t("fundsReport.import.example.name")),
				ImportColumn.of("month", t("fundsReport.import.header.month")).required()
					.note(t("fundsReport.import.note.month")).example("2026-10"),
				ImportColumn.of("fundsInPlace", t("fundsReport.import.header.fundsInPlace")).required()
					.note(t("fundsReport.import.note.amount")).example("1200"),
				ImportColumn.of("outOfProvince", t("fundsReport.import.header.outOfProvince"))
					.note(t("fundsReport.import.note.outOfProvince")).example("800"),
				ImportColumn.of("foreignUsed", t("fundsReport.import.header.foreignUsed")).example("0"),
				ImportColumn.of("fixedAssets", t("fundsReport.import.header.fixedAssets")).example("950.5"),
				ImportColumn.of("note", t("fundsReport.import.header.note")).example(t("fundsReport.import.example.note")));
	}

	/** In Chinese, like the file. */
	private String t(String key) {
		return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
	}
}
