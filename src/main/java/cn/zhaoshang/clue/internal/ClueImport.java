package cn.zhaoshang.clue.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
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

import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.clue.ClueSource;
import cn.zhaoshang.clue.ClueStatus;
import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.ImportRejected;
import cn.zhaoshang.platform.ImportResult;
import cn.zhaoshang.platform.ImportRejected.CellError;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.Uscc;
import cn.zhaoshang.platform.ImportSheet;
import cn.zhaoshang.platform.WorkbookReader;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports clues from an .xlsx workbook, by the ledger import's rules: row 1 holds the headers, matched by their
 * Chinese text in any order (those of the clue export, so an exported list imports again unchanged; extra columns
 * such as 最近跟进 are ignored); every following non-blank row is a clue.
 * <p>
 * <b>All or nothing.</b> Every row is checked first, by the form's rules and the user's scope, and every broken rule
 * is collected as (row as Excel numbers it, column header, reason); if there is any, nothing is saved and
 * {@link ImportRejected} lists them all. Otherwise every row is written in this one transaction through {@link ClueBook}
 * (audited, the creation events published as for the form).
 * <p>
 * <b>No duplicates.</b> A row is the clue of the same title and enterprise: an existing one is updated when one of
 * its facts differs (the user must be allowed to edit it), else counted unchanged; the same clue twice in the file
 * is refused. A column missing from the sheet, or an empty 承办单位/承办人 cell, leaves that part of an existing clue as
 * it is. Owner, assignee and status of an existing clue change only through their actions (assignment, follow-up,
 * confirmation), so a row that changes them is refused; a new clue may start 新线索, 跟进中 or 已确认意向.
 */
@Service
public class ClueImport {

	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** A city's clue database grows by hundreds a year; a sheet with more rows is a mistake. */
	static final int MAX_ROWS = 5000;

	/** The columns in the template's order; each with the header keys it is recognised by (the first shown). */
	private static final Map<String, List<String>> COLUMNS = columns();

	/** Columns a sheet must have. */
	private static final Set<String> REQUIRED = Set.of("title", "enterprise", "chain");

	private static final String REJECTED = "import.rejected";

	private static final Set<ClueStatus> IMPORTABLE = Set.of(ClueStatus.NEW, ClueStatus.FOLLOWING,
			ClueStatus.CONFIRMED);

	private final ClueBook book;
	private final ClueAccess access;
	private final ClueUsers users;
	private final Chains chains;
	private final Merchants merchants;
	private final UnitDirectory directory;
	private final Units units;
	private final DataScopes scopes;
	private final JdbcClient jdbc;
	private final Validator validator;
	private final MessageSource messages;
	private final WorkbookReader reader;

	ClueImport(ClueBook book, ClueAccess access, ClueUsers users, Chains chains, Merchants merchants,
			UnitDirectory directory, Units units, DataScopes scopes, JdbcClient jdbc, Validator validator,
			MessageSource messages, WorkbookReader reader) {
		this.reader = reader;
		this.book = book;
		this.access = access;
		this.users = users;
		this.chains = chains;
		this.merchants = merchants;
		this.directory = directory;
		this.units = units;
		this.scopes = scopes;
		this.jdbc = jdbc;
		this.validator = validator;
		this.messages = messages;
	}

	/** What an import did: clues created, clues changed, rows equal to their clue (nothing written). */
	@io.swagger.v3.oas.annotations.media.Schema(name = "ClueImportResult") // one name per type in the OpenAPI document
	public record Result(int created, int updated, int unchanged) implements Serializable {
	}

	/** A row that passed every check: the details to write, the clue it updates (null: a new one), its status. */
	private record Line(int row, ClueDetails details, Clue existing, ClueStatus status) {
	}

	@Transactional
	public ImportResult execute(byte[] bytes, CurrentUser user) {
		if (!ClueAccess.editorRole(user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		try (var sheet = reader.firstSheet(bytes, "import.notXlsx", REJECTED)) {
			return execute(sheet.rows(), user);
		}
	}

	private ImportResult execute(List<ImportSheet.Row> rows, CurrentUser user) {
		List<CellError> errors = new ArrayList<>();
		Map<String, Integer> columns = headers(rows.isEmpty() ? Map.of() : rows.get(0).texts(), errors);
		if (!errors.isEmpty()) {
			throw new ImportRejected(REJECTED, errors);
		}
		if (rows.size() < 2) {
			throw new BusinessException("import.noRows");
		}
		if (rows.size() - 1 > MAX_ROWS) {
			throw new BusinessException("import.tooManyRows", MAX_ROWS);
		}
		var reference = new Reference(user);
		Map<String, Integer> seen = new HashMap<>();
		List<Line> lines = new ArrayList<>();
		for (ImportSheet.Row row : rows.subList(1, rows.size())) {
			Map<String, ImportSheet.Cell> cells = new LinkedHashMap<>();
			columns.forEach((field, column) -> {
				if (row.cells().containsKey(column)) {
					cells.put(field, row.cells().get(column));
				}
			});
			Line line = line(row.number(), cells, columns.keySet(), reference, errors);
			if (line == null) {
				continue;
			}
			String key = line.details().clueTitle().strip() + "\u0000" + line.details().enterpriseName().strip();
			Integer first = seen.putIfAbsent(key, row.number());
			if (first != null) {
				errors.add(new CellError(row.number(), label("title"), "clue.import.error.duplicateRow", first));
				continue;
			}
			lines.add(line);
		}
		if (!errors.isEmpty()) {
			throw new ImportRejected(REJECTED, errors);
		}
		return write(lines, user);
	}

	/** Writes the checked rows; a rule the checks missed still refuses the whole file (the transaction rolls back). */
	private ImportResult write(List<Line> lines, CurrentUser user) {
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		List<CellError> errors = new ArrayList<>();
		for (Line line : lines) {
			try {
				if (line.existing() == null) {
					book.create(line.details(), user, line.status());
					created++;
				}
				else if (same(line.existing(), line.details())) {
					unchanged++;
				}
				else {
					book.update(line.existing().id, line.details(), user);
					updated++;
				}
			}
			catch (FieldException e) {
				errors.add(new CellError(line.row(), label(FIELD_COLUMNS.getOrDefault(e.field(), "title")),
						e.messageKey(), e.args()));
			}
			catch (BusinessException e) {
				errors.add(new CellError(line.row(), label("title"), e.messageKey(), e.args()));
			}
		}
		if (!errors.isEmpty()) {
			throw new ImportRejected(REJECTED, errors);
		}
		return ImportResult.of(created, updated, unchanged);
	}

	/** The empty template: the headers (required ones in red), frozen. */
	public void template(OutputStream out) throws IOException {
		try (var workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet(t("clue.export.sheet"));
			CellStyle plain = headerStyle(workbook, false);
			CellStyle required = headerStyle(workbook, true);
			Row header = sheet.createRow(0);
			int c = 0;
			for (String field : COLUMNS.keySet()) {
				var cell = header.createCell(c);
				cell.setCellValue(label(field));
				cell.setCellStyle(REQUIRED.contains(field) ? required : plain);
				sheet.setColumnWidth(c++, 18 * 256);
			}
			sheet.createFreezePane(0, 1);
			workbook.write(out);
		}
	}

	public String templateFileName(Locale locale) {
		return messages.getMessage("clue.import.templateFileName", null, locale) + ".xlsx";
	}

	private static CellStyle headerStyle(XSSFWorkbook workbook, boolean required) {
		CellStyle style = workbook.createCellStyle();
		Font font = workbook.createFont();
		font.setBold(true);
		if (required) {
			font.setColor(IndexedColors.DARK_RED.getIndex());
		}
		style.setFont(font);
		return style;
	}

	// --- reading ------------------------------------------------------------------------------------------------

	private static Map<String, List<String>> columns() {
		Map<String, List<String>> m = new LinkedHashMap<>();
		m.put("title", List.of("clue.col.title"));
		m.put("enterprise", List.of("clue.col.enterprise", "clue.import.header.enterprise"));
		m.put("uscc", List.of("clue.import.header.uscc"));
		m.put("chain", List.of("clue.col.chain", "clue.import.header.chain"));
		m.put("chainLink", List.of("field.chainLink"));
		m.put("investment", List.of("clue.col.investment"));
		m.put("mode", List.of("clue.col.mode"));
		m.put("source", List.of("clue.col.source", "clue.import.header.source"));
		m.put("sourceCredit", List.of("field.sourceCredit", "clue.import.header.sourceCredit"));
		m.put("owner", List.of("clue.col.owner"));
		m.put("assignee", List.of("clue.col.assignee"));
		m.put("status", List.of("clue.col.status"));
		m.put("notes", List.of("field.notes", "clue.import.header.notes"));
		return m;
	}

	/** The column of each field of {@link ClueDetails}, for the errors of its rules. */
	private static final Map<String, String> FIELD_COLUMNS = Map.ofEntries(Map.entry("clueTitle", "title"),
			Map.entry("enterpriseName", "enterprise"), Map.entry("merchantId", "enterprise"),
			Map.entry("chainId", "chain"), Map.entry("chainLink", "chainLink"),
			Map.entry("estimatedInvestment", "investment"), Map.entry("source", "source"),
			Map.entry("sourceCredit", "sourceCredit"), Map.entry("ownerUnitId", "owner"),
			Map.entry("assigneeId", "assignee"), Map.entry("notes", "notes"));

	/** Field by column index, from row 1; a missing required column or a repeated header is an error. */
	private Map<String, Integer> headers(Map<Integer, String> header, List<CellError> errors) {
		Map<String, String> byLabel = new HashMap<>();
		COLUMNS.forEach((field, keys) -> keys.forEach(key -> byLabel.put(t(key), field)));
		Map<String, Integer> columns = new LinkedHashMap<>();
		header.forEach((column, text) -> {
			String field = byLabel.get(text.replace("*", "").strip());
			if (field != null && columns.putIfAbsent(field, column) != null) {
				errors.add(new CellError(1, text, "import.error.duplicateHeader"));
			}
		});
		for (String field : COLUMNS.keySet()) {
			if (REQUIRED.contains(field) && !columns.containsKey(field)) {
				errors.add(new CellError(1, label(field), "import.error.missingHeader"));
			}
		}
		return columns;
	}

	/** Units, labels and the user: what the rows are read against. */
	private final class Reference {

		final Map<String, UnitId> unitsByName = new HashMap<>();
		final Map<String, PromotionMode> modes = new HashMap<>();
		final Map<String, ClueSource> sources = new HashMap<>();
		final Map<String, ClueStatus> statuses = new HashMap<>();
		final String pool = t("clue.cityPool");
		final CurrentUser user;

		Reference(CurrentUser user) {
			this.user = user;
			for (UnitSummary u : directory.all()) {
				unitsByName.put(u.name(), u.id());
				if (u.shortName() != null) {
					unitsByName.putIfAbsent(u.shortName(), u.id());
				}
			}
			for (PromotionMode m : PromotionMode.values()) {
				modes.put(t(m.messageKey()), m);
			}
			for (ClueSource s : ClueSource.values()) {
				sources.put(t(s.messageKey()), s);
			}
			for (ClueStatus s : ClueStatus.values()) {
				statuses.put(t(s.messageKey()), s);
			}
		}
	}

	/** The row as the form would send it, checked by every rule of the form, the scope and the references. */
	private Line line(int row, Map<String, ImportSheet.Cell> cells, Set<String> present, Reference ref,
			List<CellError> errors) {
		int before = errors.size();
		Set<String> broken = new java.util.HashSet<>();
		Map<String, String> v = new HashMap<>();
		cells.forEach((field, cell) -> v.put(field, cell.text().strip()));
		Clue existing = existing(v.get("title"), v.get("enterprise"), v.get("uscc"));
		if (existing != null && !access.canEdit(existing, ref.user)) {
			errors.add(new CellError(row, label("title"), "clue.import.error.otherUnit"));
			return null;
		}
		Long merchantId = existing == null ? null : existing.merchantId;
		if (v.get("uscc") != null) {
			if (!Uscc.isValid(v.get("uscc"))) {
				errors.add(new CellError(row, label("uscc"), "clue.import.error.uscc"));
				broken.add("uscc");
			}
			else if (v.get("enterprise") != null) {
				var m = merchants.match(v.get("enterprise"), v.get("uscc"));
				if (m.isPresent()) {
					merchantId = m.get().id().value();
				}
			}
		}
		Long chainId = existing == null ? null : existing.chainId;
		if (v.get("chain") != null) {
			var chain = chains.findByName(v.get("chain"));
			if (chain.isEmpty()) {
				errors.add(new CellError(row, label("chain"), "clue.import.error.unknownChain", v.get("chain")));
				broken.add("chainId");
			}
			else {
				chainId = chain.get().id().value();
			}
		}
		BigDecimal investment = existing == null ? null : existing.estimatedInvestment;
		if (present.contains("investment")) {
			investment = amount(cells.get("investment"));
			if (investment == null && cells.get("investment") != null) {
				errors.add(new CellError(row, label("investment"), "clue.import.error.number"));
				broken.add("estimatedInvestment");
			}
		}
		PromotionMode mode = existing == null ? null : existing.promotionMode;
		if (present.contains("mode")) {
			mode = pick(ref.modes, v.get("mode"), row, "mode", "clue.import.error.mode", errors);
		}
		ClueSource source = existing == null ? ClueSource.OTHER : existing.source;
		if (v.get("source") != null) {
			source = pick(ref.sources, v.get("source"), row, "source", "clue.import.error.source", errors);
			if (source == null) {
				broken.add("source");
			}
		}
		ClueStatus status = existing == null ? ClueStatus.NEW : existing.status;
		if (v.get("status") != null) {
			status = pick(ref.statuses, v.get("status"), row, "status", "clue.import.error.status", errors);
		}
		if (status != null && (existing == null ? !IMPORTABLE.contains(status) : status != existing.status)) {
			errors.add(new CellError(row, label("status"), existing == null || !IMPORTABLE.contains(status)
					? "clue.import.error.statusRefused" : "clue.import.error.statusChange"));
		}
		UnitId owner = owner(row, v.get("owner"), existing, ref, errors);
		Long assigneeId = assignee(row, v.get("assignee"), owner, existing, errors);
		var details = new ClueDetails(text(v, "title"), text(v, "enterprise"), merchantId, chainId,
				keep(present, v, "chainLink", existing == null ? null : existing.chainLink), investment, mode, source,
				existing == null ? null : existing.sourceUnitId,
				keep(present, v, "sourceCredit", existing == null ? null : existing.sourceCredit),
				owner == null ? null : owner.value(), assigneeId,
				keep(present, v, "notes", existing == null ? null : existing.description),
				existing == null ? null : existing.version);
		for (ConstraintViolation<ClueDetails> violation : validator.validate(details)) {
			String field = violation.getPropertyPath().toString();
			if (!broken.contains(field)) {
				errors.add(new CellError(row, label(FIELD_COLUMNS.getOrDefault(field, "notes")), key(violation)));
			}
		}
		if (existing != null && !existing.status.isOpen() && errors.size() == before && !same(existing, details)) {
			errors.add(new CellError(row, label("title"), "clue.import.error.closed"));
		}
		return errors.size() == before ? new Line(row, details, existing, status) : null;
	}

	/** The owner: the named unit (in the user's scope), the city pool, or by default the clue's or the user's. */
	private UnitId owner(int row, String name, Clue existing, Reference ref, List<CellError> errors) {
		if (name == null) {
			if (existing != null) {
				return existing.owner();
			}
			return ClueAccess.cityBureau(ref.user) ? null : ref.user.unitId();
		}
		UnitId unit = null;
		if (!name.equals(ref.pool)) {
			unit = ref.unitsByName.get(name);
			if (unit == null) {
				errors.add(new CellError(row, label("owner"), "clue.import.error.unknownUnit", name));
				return null;
			}
		}
		if (unit == null ? !ClueAccess.cityBureau(ref.user) : !scopes.of(ref.user).canEdit(unit)) {
			errors.add(new CellError(row, label("owner"), "clue.import.error.unitOutOfScope"));
		}
		else if (existing != null && !Objects.equals(unit, existing.owner())) {
			errors.add(new CellError(row, label("owner"), "clue.import.error.ownerChange"));
		}
		return unit;
	}

	/** The assignee: a user of the owner unit (or a unit below it) by username or display name. */
	private Long assignee(int row, String name, UnitId owner, Clue existing, List<CellError> errors) {
		if (name == null) {
			return existing == null ? null : existing.assigneeId;
		}
		if (owner == null) {
			errors.add(new CellError(row, label("assignee"), "clue.import.error.assigneeNeedsUnit"));
			return null;
		}
		var found = users.named(units.selfAndDescendants(owner), name);
		if (found.isEmpty()) {
			errors.add(new CellError(row, label("assignee"), "clue.import.error.unknownAssignee", name));
			return null;
		}
		Long id = found.get().id().value();
		if (existing != null && !id.equals(existing.assigneeId)) {
			errors.add(new CellError(row, label("assignee"), "clue.import.error.assigneeChange"));
		}
		return id;
	}

	private <T> T pick(Map<String, T> labels, String text, int row, String field, String error,
			List<CellError> errors) {
		if (text == null) {
			return null;
		}
		T value = labels.get(text);
		if (value == null) {
			errors.add(new CellError(row, label(field), error, text));
		}
		return value;
	}

	/** A number cell's value, or a text cell's (thousands separators allowed); null when empty or no number. */
	private static BigDecimal amount(ImportSheet.Cell cell) {
		if (cell == null) {
			return null;
		}
		if (cell.number() != null) {
			return cell.number();
		}
		try {
			return new BigDecimal(cell.text().strip().replace(",", "").replace("\uFF0C", "").strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	/** Whether the details say nothing the clue does not already say (then the row changes nothing). */
	private static boolean same(Clue c, ClueDetails d) {
		return Objects.equals(c.title, d.clueTitle().strip())
				&& Objects.equals(c.enterpriseName, d.enterpriseName().strip())
				&& Objects.equals(c.merchantId, d.merchantId()) && Objects.equals(c.chainId, d.chainId())
				&& Objects.equals(c.chainLink, Clue.blankToNull(d.chainLink()))
				&& (c.estimatedInvestment == null ? d.estimatedInvestment() == null
						: d.estimatedInvestment() != null
								&& c.estimatedInvestment.compareTo(d.estimatedInvestment()) == 0)
				&& c.promotionMode == d.promotionMode() && c.source == d.source()
				&& Objects.equals(c.sourceCredit, Clue.blankToNull(d.sourceCredit()))
				&& Objects.equals(c.description, Clue.blankToNull(d.notes()));
	}

	/**
	 * The clue of this title and enterprise: by the enterprise's name as written, else — when the row gives a valid
	 * USCC — by the registered enterprise it names, whose clue stores the registered name rather than the row's.
	 */
	private Clue existing(String title, String enterprise, String uscc) {
		if (title == null || enterprise == null) {
			return null;
		}
		var id = firstClue(title, "enterprise_name", enterprise.strip());
		if (id.isEmpty() && uscc != null && Uscc.isValid(uscc)) {
			id = merchants.match(enterprise, uscc).flatMap(m -> firstClue(title, "merchant_id", m.id().value()));
		}
		return id.flatMap(book::find).orElse(null);
	}

	private java.util.Optional<Long> firstClue(String title, String column, Object value) {
		return jdbc.sql("SELECT id FROM clue WHERE title = :title AND " + column + " = :value ORDER BY id")
			.param("title", title.strip())
			.param("value", value)
			.query(Long.class)
			.list()
			.stream()
			.findFirst();
	}

	/** The message key of a rule of the form ("{validation.required}"), resolved in the reader's language later. */
	private static String key(ConstraintViolation<?> violation) {
		String template = violation.getMessageTemplate();
		return template.startsWith("{") && template.endsWith("}") ? template.substring(1, template.length() - 1)
				: violation.getMessage();
	}

	/** The cell's text when the sheet has the column, else what the clue has. */
	private static String keep(Set<String> present, Map<String, String> values, String field, String current) {
		return present.contains(field) ? values.get(field) : current;
	}

	private static String text(Map<String, String> values, String field) {
		return Objects.requireNonNullElse(values.get(field), "");
	}

	/** The column's header in the template and the errors: its first key, in Chinese like the file. */
	String label(String field) {
		return t(COLUMNS.get(field).get(0));
	}

	private String t(String key) {
		return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
	}
}
