package cn.zhaoshang.merchant.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;

import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.merchant.internal.MerchantSheet.Column;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ImportColumn;
import cn.zhaoshang.platform.ImportColumns;
import cn.zhaoshang.platform.ImportResult;
import cn.zhaoshang.platform.ImportTemplates;
import cn.zhaoshang.platform.Importer;
import cn.zhaoshang.platform.UnitDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports enterprises through the platform's import kit ({@link Importer}) from a workbook in the
 * {@link MerchantSheet} format: row 1 holds the headers (matched by text, in any order; unknown ones ignored; 企业名称
 * required); all or nothing. The rows' rules are {@link MerchantRows} (no duplicates, ADR 0004).
 */
@Service
public class MerchantImport {

	private final MerchantRegistry registry;
	private final MerchantSheet sheet;
	private final Chains chains;
	private final UnitDirectory units;
	private final JdbcClient jdbc;
	private final Auditor auditor;
	private final Importer importer;
	private final ImportTemplates templates;

	MerchantImport(MerchantRegistry registry, MerchantSheet sheet, Chains chains, UnitDirectory units,
			JdbcClient jdbc, Auditor auditor, Importer importer, ImportTemplates templates) {
		this.registry = registry;
		this.sheet = sheet;
		this.chains = chains;
		this.units = units;
		this.jdbc = jdbc;
		this.auditor = auditor;
		this.importer = importer;
		this.templates = templates;
	}

	@Transactional
	public ImportResult execute(byte[] bytes, CurrentUser user) {
		if (!MerchantRegistry.canCreate(user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		return importer.run(bytes, new MerchantRows(columns(), registry, sheet, chains.all(), units.all(), jdbc,
				auditor, user));
	}

	/** The header row only (企业名称 in red): the import template. */
	public void template(OutputStream out) throws IOException {
		templates.write(sheet.zh("merchant.sheet.title"), columns(), out);
	}

	public String templateFileName(Locale locale) {
		return templates.fileName("merchant.sheet.templateFile", locale);
	}

	/** The sheet's columns by the field of {@link MerchantInput} they fill. */
	ImportColumns columns() {
		return new ImportColumns(Arrays.stream(Column.values()).map(c -> {
			var column = ImportColumn.of(c.field, sheet.header(c));
			return c == Column.NAME ? column.required() : column;
		}).toList());
	}
}
