package cn.zhaoshang.merchant.talent;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Validator;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ImportColumn;
import cn.zhaoshang.platform.ImportColumns;
import cn.zhaoshang.platform.ImportResult;
import cn.zhaoshang.platform.ImportTemplates;
import cn.zhaoshang.platform.Importer;
import cn.zhaoshang.platform.UnitDirectory;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports talents from an .xlsx workbook through the platform's import kit ({@link Importer}): row 1 holds the
 * headers (the form's labels, in Chinese), matched in any order, extra columns ignored, so an exported list imports
 * again; all or nothing. The rows' rules are {@link TalentRows}: a row is the talent of the same name and
 * institution (updated when something changed and the user may edit it, else counted unchanged); enterprises are
 * named exactly as registered, projects by their code (an exported "PY-2026-00011 name" works), several separated
 * by 、.
 */
@Service
public class TalentImport {

	public static final String CONTENT_TYPE = TalentWorkbook.CONTENT_TYPE;

	/** A city's directory is a few thousand talents; a sheet with more rows is a mistake. */
	static final int MAX_ROWS = 5000;

	/** The columns in the template's order: the form's fields (labels {@code field.talentForm.*}). */
	static final List<String> COLUMNS = List.of("name", "expertise", "title", "institution", "workCity", "relation",
			"relationNote", "level", "phone", "email", "wechatId", "remarks", "unitId", "enterpriseIds", "projectIds");

	/** Columns a sheet must have; the others may be left out (an absent one is empty). */
	static final Set<String> REQUIRED = Set.of("name", "expertise", "institution", "workCity", "relation");

	private final Talents talents;
	private final UnitDirectory units;
	private final JdbcClient jdbc;
	private final Validator validator;
	private final MessageSource messages;
	private final Importer importer;
	private final ImportTemplates templates;

	TalentImport(Talents talents, UnitDirectory units, JdbcClient jdbc, Validator validator, MessageSource messages,
			Importer importer, ImportTemplates templates) {
		this.talents = talents;
		this.units = units;
		this.jdbc = jdbc;
		this.validator = validator;
		this.messages = messages;
		this.importer = importer;
		this.templates = templates;
	}

	@Transactional
	public ImportResult execute(byte[] bytes, CurrentUser user) {
		return importer.run(bytes, new TalentRows(columns(), talents, units.all(), jdbc, validator, this::relation,
				user));
	}

	/** The empty template: the headers (required ones in red), a drop-down for the relation. */
	public void template(OutputStream out) throws IOException {
		templates.write(messages.getMessage("talent.export.sheet", null, Locale.CHINA), columns(), out);
	}

	public String templateFileName(Locale locale) {
		return templates.fileName("talent.import.templateFileName", locale);
	}

	ImportColumns columns() {
		return new ImportColumns(COLUMNS.stream().map(field -> {
			var column = ImportColumn.of(field, messages.getMessage("field.talentForm." + field, null, field,
					Locale.CHINA));
			column = REQUIRED.contains(field) ? column.required() : column;
			return field.equals("relation")
					? column.choices(Arrays.stream(TalentRelation.values()).map(this::relation).toList()) : column;
		}).toList());
	}

	private String relation(TalentRelation relation) {
		return messages.getMessage("talent.relation." + relation.name(), null, Locale.CHINA);
	}
}
