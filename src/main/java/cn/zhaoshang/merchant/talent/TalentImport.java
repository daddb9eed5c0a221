package cn.zhaoshang.merchant.talent;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.ImportRejected;
import cn.zhaoshang.platform.ImportResult;
import cn.zhaoshang.platform.ImportRejected.CellError;
import cn.zhaoshang.platform.ImportSheet;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.WorkbookReader;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports talents from an .xlsx workbook, by the ledger import's rules: row 1 holds the headers, matched by their
 * (Chinese) text in any order, extra columns ignored, so an exported list imports again; every following non-blank
 * row is a talent.
 * <p>
 * <b>All or nothing.</b> Every row is checked first, by the form's rules, and every broken rule is collected as (row
 * as Excel numbers it, column header, reason); if there is any, nothing is saved and {@link ImportRejected} lists them all.
 * Otherwise all rows are written in this one transaction, each audited like a registration or an edit.
 * <p>
 * <b>No duplicates.</b> A row is the talent of the same name and institution: an existing one is updated when
 * something changed (and the user may edit it), else counted unchanged; the same talent twice in the file is refused.
 * Enterprises are named exactly as registered, projects by their code (an exported "PY-2026-00011 name" works),
 * several separated by 、.
 */
@Service
public class TalentImport {

	public static final String CONTENT_TYPE = TalentWorkbook.CONTENT_TYPE;

	/** A city's directory is a few thousand talents; a sheet with more rows is a mistake. */
	static final int MAX_ROWS = 5000;

	private static final String REJECTED = "import.rejected";

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
	private final WorkbookReader reader;

	TalentImport(Talents talents, UnitDirectory units, JdbcClient jdbc, Validator validator,
			MessageSource messages, WorkbookReader reader) {
		this.reader = reader;
		this.talents = talents;
		this.units = units;
		this.jdbc = jdbc;
		this.validator = validator;
		this.messages = messages;
	}

	/** What an import did: talents created, talents changed, rows equal to their talent (nothing written). */
	public record Result(int imported, int updated, int unchanged) implements Serializable {
	}

	/** A row that passed every check, ready to write. */
	private record Line(int row, TalentForm form, Long existing) {
	}

	@Transactional
	public ImportResult execute(byte[] bytes, CurrentUser user) {
		try (var sheet = reader.firstSheet(bytes, "import.notXlsx", REJECTED)) {
			List<Map<Integer, String>> rows = new ArrayList<>();
			List<Integer> numbers = new ArrayList<>();
			for (ImportSheet.Row row : sheet.rows()) {
				rows.add(row.texts());
				numbers.add(row.number());
			}
			return execute(rows, numbers, user);
		}
	}

	private ImportResult execute(List<Map<Integer, String>> rows, List<Integer> numbers, CurrentUser user) {
		List<CellError> errors = new ArrayList<>();
		Map<String, Integer> columns = headers(rows.isEmpty() ? Map.of() : rows.get(0), errors);
		if (!errors.isEmpty()) {
			throw new ImportRejected(REJECTED, errors);
		}
		if (rows.size() < 2) {
			throw new BusinessException("import.noRows");
		}
		if (rows.size() - 1 > MAX_ROWS) {
			throw new BusinessException("import.tooManyRows", MAX_ROWS);
		}
		var reference = new Reference(units.all(), user);
		Map<String, Integer> seen = new HashMap<>();
		List<Line> lines = new ArrayList<>();
		for (int i = 1; i < rows.size(); i++) {
			int row = numbers.get(i);
			Map<Integer, String> cells = rows.get(i);
			Map<String, String> values = new LinkedHashMap<>();
			columns.forEach((field, column) -> values.put(field, cells.get(column)));
			TalentForm form = form(row, values, reference, errors);
			if (form == null) {
				continue;
			}
			String key = form.name().strip() + "\u0000" + form.institution().strip();
			Integer first = seen.putIfAbsent(key, row);
			if (first != null) {
				errors.add(new CellError(row, label("name"), "talent.import.error.duplicateRow", first));
				continue;
			}
			Long existing = existing(form);
			if (existing != null) {
				form = new TalentForm(form.name(), form.expertise(), form.title(), form.institution(), form.workCity(),
						form.relation(), form.relationNote(), form.level(), form.phone(), form.email(),
						form.wechatId(), form.remarks(), form.unitId(), form.enterpriseIds(), form.projectIds(),
						talents.get(existing, user).version());
			}
			try {
				talents.checkImport(existing, form, user);
				lines.add(new Line(row, form, existing));
			}
			catch (FieldException e) {
				errors.add(new CellError(row, label(e.field()), e.messageKey(), e.args()));
			}
			catch (BusinessException e) {
				errors.add(new CellError(row, label(existing != null ? "name" : "unitId"),
						existing != null ? "talent.import.error.otherUnit" : "talent.import.error.unitOutOfScope"));
			}
		}
		if (!errors.isEmpty()) {
			throw new ImportRejected(REJECTED, errors);
		}
		int imported = 0;
		int updated = 0;
		int unchanged = 0;
		for (Line line : lines) {
			if (line.existing() == null) {
				talents.create(line.form(), user);
				imported++;
			}
			else if (talents.sameAs(line.existing(), line.form(), user)) {
				unchanged++;
			}
			else {
				talents.update(line.existing(), line.form(), user);
				updated++;
			}
		}
		return ImportResult.of(imported, updated, unchanged);
	}

	/** The empty template: the headers (required ones marked in red), a drop-down for the relation. */
	public void template(OutputStream out) throws IOException {
		try (var workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet(messages.getMessage("talent.export.sheet", null, Locale.CHINA));
			CellStyle plain = headerStyle(workbook, false);
			CellStyle required = headerStyle(workbook, true);
			Row header = sheet.createRow(0);
			for (int c = 0; c < COLUMNS.size(); c++) {
				Cell cell = header.createCell(c);
				cell.setCellValue(label(COLUMNS.get(c)));
				cell.setCellStyle(REQUIRED.contains(COLUMNS.get(c)) ? required : plain);
				sheet.setColumnWidth(c, 18 * 256 * 2 / 2);
			}
			sheet.createFreezePane(0, 1);
			var helper = sheet.getDataValidationHelper();
			String[] relations = java.util.Arrays.stream(TalentRelation.values())
				.map(r -> messages.getMessage("talent.relation." + r.name(), null, Locale.CHINA))
				.toArray(String[]::new);
			int column = COLUMNS.indexOf("relation");
			var validation = helper.createValidation(helper.createExplicitListConstraint(relations),
					new CellRangeAddressList(1, MAX_ROWS, column, column));
			validation.setShowErrorBox(true);
			sheet.addValidationData(validation);
			workbook.write(out);
		}
	}

	public String templateFileName(Locale locale) {
		return messages.getMessage("talent.import.templateFileName", null, locale) + ".xlsx";
	}

	private static CellStyle headerStyle(XSSFWorkbook workbook, boolean required) {
		CellStyle style = workbook.createCellStyle();
		Font font = workbook.createFont();
		font.setBold(true);
		if (required) {
			font.setColor(org.apache.poi.ss.usermodel.IndexedColors.DARK_RED.getIndex());
		}
		style.setFont(font);
		return style;
	}

	// --- reading ------------------------------------------------------------------------------------------------

	/** Field by column index, from row 1; a missing required column or a repeated header is an error. */
	private Map<String, Integer> headers(Map<Integer, String> header, List<CellError> errors) {
		Map<String, String> byLabel = new HashMap<>();
		COLUMNS.forEach(f -> byLabel.put(label(f), f));
		Map<String, Integer> columns = new LinkedHashMap<>();
		header.forEach((column, text) -> {
			String field = byLabel.get(text.replace("*", "").strip());
			if (field != null && columns.putIfAbsent(field, column) != null) {
				errors.add(new CellError(1, text, "import.error.duplicateHeader"));
			}
		});
		for (String field : COLUMNS) {
			if (REQUIRED.contains(field) && !columns.containsKey(field)) {
				errors.add(new CellError(1, label(field), "import.error.missingHeader"));
			}
		}
		return columns;
	}

	/** Units, relations, the user: what the rows are read against. */
	private final class Reference {

		final Map<String, Long> unitsByName = new HashMap<>();
		final Map<String, TalentRelation> relations = new HashMap<>();
		final CurrentUser user;

		Reference(List<UnitSummary> all, CurrentUser user) {
			this.user = user;
			for (UnitSummary u : all) {
				unitsByName.put(u.name(), u.id().value());
				if (u.shortName() != null) {
					unitsByName.putIfAbsent(u.shortName(), u.id().value());
				}
			}
			for (TalentRelation r : TalentRelation.values()) {
				relations.put(messages.getMessage("talent.relation." + r.name(), null, Locale.CHINA), r);
				relations.put(r.name(), r);
			}
		}
	}

	/** The row as the form would send it, with every rule of the form and the references checked; null if broken. */
	private TalentForm form(int row, Map<String, String> v, Reference ref, List<CellError> errors) {
		int before = errors.size();
		TalentRelation relation = null;
		if (v.get("relation") != null) {
			relation = ref.relations.get(v.get("relation"));
			if (relation == null) {
				errors.add(new CellError(row, label("relation"), "talent.import.error.relation"));
			}
		}
		Long unitId = null;
		if (v.get("unitId") != null) {
			unitId = ref.unitsByName.get(v.get("unitId"));
			if (unitId == null) {
				errors.add(new CellError(row, label("unitId"), "talent.import.error.unknownUnit", v.get("unitId")));
			}
		}
		List<Long> enterpriseIds = new ArrayList<>();
		for (String name : list(v.get("enterpriseIds"))) {
			List<Long> ids = jdbc.sql("SELECT id FROM merchant WHERE name = :name").param("name", name)
				.query(Long.class).list();
			if (ids.isEmpty()) {
				errors.add(new CellError(row, label("enterpriseIds"), "talent.import.error.unknownEnterprise", name));
			}
			else {
				enterpriseIds.add(ids.get(0));
			}
		}
		List<Long> projectIds = new ArrayList<>();
		for (String entry : list(v.get("projectIds"))) {
			String code = entry.split("\\s+", 2)[0];
			var found = talents.searchProjects(code, 5).stream().filter(p -> p.code().equals(code)).findFirst();
			if (found.isEmpty()) {
				errors.add(new CellError(row, label("projectIds"), "talent.import.error.unknownProject", code));
			}
			else {
				projectIds.add(found.get().id());
			}
		}
		var form = new TalentForm(text(v, "name"), text(v, "expertise"), v.get("title"), text(v, "institution"),
				text(v, "workCity"), relation, v.get("relationNote"), v.get("level"), v.get("phone"), v.get("email"),
				v.get("wechatId"), v.get("remarks"), unitId, enterpriseIds, projectIds, null);
		for (ConstraintViolation<TalentForm> violation : validator.validate(form)) {
			String field = violation.getPropertyPath().toString();
			if (!(field.equals("relation") && v.get("relation") != null)) {
				errors.add(new CellError(row, label(field), violation.getMessage()));
			}
		}
		return errors.size() == before ? form : null;
	}

	private Long existing(TalentForm form) {
		return jdbc.sql("SELECT id FROM talent WHERE name = :name AND institution = :institution ORDER BY id")
			.param("name", form.name().strip())
			.param("institution", form.institution().strip())
			.query(Long.class)
			.list()
			.stream()
			.findFirst()
			.orElse(null);
	}

	private static String text(Map<String, String> values, String field) {
		return Objects.requireNonNullElse(values.get(field), "");
	}

	/** Names or codes of one cell, separated by 、，, ; or new lines. */
	private static List<String> list(String cell) {
		if (cell == null) {
			return List.of();
		}
		return java.util.Arrays.stream(cell.split("[\\u3001\\uFF0C,;\\uFF1B\\n]+"))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.distinct()
			.toList();
	}

	/** The column's header: the form's label, in Chinese like the file. */
	String label(String field) {
		return messages.getMessage("field.talentForm." + field, null, field, Locale.CHINA);
	}
}
