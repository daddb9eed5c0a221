package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import cn.zhaoshang.platform.Amount;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.ImportColumns;
import cn.zhaoshang.platform.ImportResult;
import cn.zhaoshang.platform.ImportRow;
import cn.zhaoshang.platform.ImportRules;
import cn.zhaoshang.platform.ImportSheet;
import cn.zhaoshang.platform.UnitId;

/**
 * The rules of the funds import ({@link FundsImport}), one row at a time: the project (by code, else by name within
 * the user's unit, or unique in the city for the city bureau; never a project outside the user's scope), the month
 * (yyyy-MM, an Excel date or 2026年10月; not after the current one), the amounts ({@link Amount#parse}; of which from
 * outside the province at most the funds in place), one row per project and month. Writing compares each line with
 * the stored row and keeps the inserts and updates for {@link #finish}, which writes them in two JDBC batches.
 */
final class FundsImportRows implements ImportRules<FundsImportRows.Line> {

	/** A checked row: the project, the month's first day, the figures. */
	record Line(long projectId, String code, String name, LocalDate month, BigDecimal fundsInPlace,
			BigDecimal outOfProvince, BigDecimal foreignUsed, BigDecimal fixedAssets, String note) {

		/** The audited fields, named as the project page's funds writer names them (fundsMonth first). */
		Map<String, Object> audit() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("fundsMonth", YearMonth.from(month).toString());
			m.put("fundsInPlace", fundsInPlace.stripTrailingZeros().toPlainString());
			m.put("outOfProvince", outOfProvince.stripTrailingZeros().toPlainString());
			m.put("foreignUsed", foreignUsed.stripTrailingZeros().toPlainString());
			m.put("fixedAssets", fixedAssets.stripTrailingZeros().toPlainString());
			if (note != null) {
				m.put("fundsNote", note);
			}
			return m;
		}
	}

	private record Project(long id, String code, String name, long unitId) {
	}

	private record Stored(long id, BigDecimal fundsInPlace, BigDecimal outOfProvince, BigDecimal foreignUsed,
			BigDecimal fixedAssets, String note, int version) {

		boolean sameAs(Line l) {
			return fundsInPlace.compareTo(l.fundsInPlace()) == 0 && outOfProvince.compareTo(l.outOfProvince()) == 0
					&& foreignUsed.compareTo(l.foreignUsed()) == 0 && fixedAssets.compareTo(l.fixedAssets()) == 0
					&& java.util.Objects.equals(note == null ? "" : note, l.note() == null ? "" : l.note());
		}

		/** Before: without the month, so that the month always shows in the history. */
		Map<String, Object> audit(LocalDate month) {
			Map<String, Object> m = new Line(0, null, null, month, fundsInPlace, outOfProvince, foreignUsed,
					fixedAssets, note).audit();
			m.remove("fundsMonth");
			return m;
		}
	}

	static final int NOTE_MAX = 500;

	private static final Pattern MONTH = Pattern
		.compile("(\\d{4})\\s*(?:[-/.]|\\u5E74)\\s*(\\d{1,2})\\s*(?:\\u6708)?(?:\\s*(?:[-/.]\\s*)?(\\d{1,2})\\s*(?:\\u65E5)?)?");

	private static final String PROJECT = "SELECT id, code, name, unit_id FROM project";

	static final String INSERT = """
			INSERT INTO project_funds (project_id, funds_month, funds_in_place, out_of_province, foreign_used,
			    fixed_assets, note, historical, version, created_by, updated_by, created_at, updated_at)
			VALUES (:projectId, :month, :fundsInPlace, :outOfProvince, :foreignUsed, :fixedAssets, :note, FALSE, 0,
			    :user, :user, :at, :at)""";

	static final String UPDATE = """
			UPDATE project_funds SET funds_in_place = :fundsInPlace, out_of_province = :outOfProvince,
			    foreign_used = :foreignUsed, fixed_assets = :fixedAssets, note = :note, historical = FALSE,
			    version = version + 1, updated_by = :user, updated_at = :at
			WHERE id = :id AND version = :version""";

	private final ImportColumns columns;
	private final NamedParameterJdbcOperations jdbc;
	private final DataScope scope;
	private final CurrentUser user;
	private final PaidInTotals paidIn;
	private final FundsSums sums;
	private final Auditor auditor;
	private final YearMonth current;
	private final Timestamp now;

	private final List<SqlParameterSource> inserts = new ArrayList<>();
	private final List<SqlParameterSource> updates = new ArrayList<>();
	private final List<Line> inserted = new ArrayList<>();
	private final List<Auditor.Change> changes = new ArrayList<>();
	private final Set<Long> touched = new LinkedHashSet<>();

	FundsImportRows(ImportColumns columns, NamedParameterJdbcOperations jdbc, DataScope scope, CurrentUser user,
			PaidInTotals paidIn, FundsSums sums, Auditor auditor, Clock clock) {
		this.columns = columns;
		this.jdbc = jdbc;
		this.scope = scope;
		this.user = user;
		this.paidIn = paidIn;
		this.sums = sums;
		this.auditor = auditor;
		this.current = YearMonth.from(LocalDate.now(clock));
		this.now = Timestamp.from(clock.instant());
	}

	@Override
	public ImportColumns columns() {
		return columns;
	}

	@Override
	public int maxRows() {
		return FundsImport.MAX_ROWS;
	}

	@Override
	public Line check(ImportRow row) {
		Project project = project(row);
		LocalDate month = month(row);
		BigDecimal in = amount(row, "fundsInPlace");
		BigDecimal out = amount(row, "outOfProvince");
		BigDecimal foreign = amount(row, "foreignUsed");
		BigDecimal fixed = amount(row, "fixedAssets");
		String note = row.text("note");
		if (note != null && note.length() > NOTE_MAX) {
			row.refuse("note", "fundsReport.import.error.noteTooLong", NOTE_MAX);
		}
		if (in != null && out != null && out.compareTo(in) > 0) {
			row.refuse("outOfProvince", "fundsReport.import.error.outOfProvince", out.stripTrailingZeros().toPlainString(),
					in.stripTrailingZeros().toPlainString());
		}
		if (project == null || month == null || in == null || out == null || foreign == null || fixed == null) {
			return null;
		}
		return new Line(project.id(), project.code(), project.name(), month, in, out, foreign, fixed, note);
	}

	@Override
	public List<Object> sameKeys(Line line) {
		return List.of(line.projectId() + "/" + line.month());
	}

	@Override
	public void refuseRepeat(ImportRow row, int firstRow) {
		row.refuse("month", "fundsReport.import.error.duplicateRow", firstRow);
	}

	/** The project a row names: by code when it has one, else by name in the user's reach. */
	private Project project(ImportRow row) {
		String code = row.text("code");
		String name = row.text("name");
		String field = code != null ? "code" : "name";
		if (code == null && name == null) {
			row.refuse(row.has("code") ? "code" : "name", "fundsReport.import.error.noProject");
			return null;
		}
		Project p;
		if (code != null) {
			List<Project> found = find(" WHERE code = :v", code);
			if (found.isEmpty()) {
				row.refuse("code", "fundsReport.import.error.codeNotFound", code);
				return null;
			}
			p = found.get(0);
		}
		else {
			List<Project> named = find(" WHERE name = :v", name);
			List<Project> mine = scope.editAll() ? named
					: named.stream().filter(x -> scope.canEdit(new UnitId(x.unitId()))).toList();
			if (mine.size() > 1) {
				row.refuse("name", scope.editAll() ? "fundsReport.import.error.nameAmbiguousCity"
						: "fundsReport.import.error.nameAmbiguous", name, mine.size());
				return null;
			}
			if (mine.isEmpty()) {
				row.refuse("name", named.isEmpty() ? "fundsReport.import.error.nameNotFound"
						: "fundsReport.import.error.nameOtherUnit", name);
				return null;
			}
			p = mine.get(0);
		}
		if (!scope.canEdit(new UnitId(p.unitId()))) {
			row.refuse(field, "fundsReport.import.error.outOfScope", p.code());
			return null;
		}
		return p;
	}

	private List<Project> find(String where, String value) {
		return jdbc.query(PROJECT + where + " ORDER BY id", Map.of("v", value),
				(rs, n) -> new Project(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
	}

	/** The month's first day: a date cell, yyyy-MM (also / or .), 2026年10月, or a full date; none in the future. */
	private LocalDate month(ImportRow row) {
		ImportSheet.Cell cell = row.cell("month");
		if (cell == null || cell.text() == null || cell.text().isBlank()) {
			row.refuse("month", "validation.required");
			return null;
		}
		YearMonth month = parseMonth(cell);
		if (month == null) {
			row.refuse("month", "fundsReport.import.error.month", cell.text().strip());
			return null;
		}
		if (month.isAfter(current)) {
			row.refuse("month", "fundsReport.import.error.futureMonth", month.toString(), current.toString());
			return null;
		}
		return month.atDay(1);
	}

	static YearMonth parseMonth(ImportSheet.Cell cell) {
		if (cell.date() != null) {
			return YearMonth.from(cell.date());
		}
		String text = java.text.Normalizer.normalize(cell.text(), java.text.Normalizer.Form.NFKC).strip();
		Matcher m = MONTH.matcher(text);
		if (!m.matches()) {
			return null;
		}
		int year = Integer.parseInt(m.group(1));
		int month = Integer.parseInt(m.group(2));
		if (year < 1900 || year > 9999 || month < 1 || month > 12) {
			return null;
		}
		if (m.group(3) != null) {
			try {
				LocalDate.of(year, month, Integer.parseInt(m.group(3)));
			}
			catch (java.time.DateTimeException e) {
				return null;
			}
		}
		return YearMonth.of(year, month);
	}

	/** An amount cell by the one amount rule; a blank cell is zero. */
	private static BigDecimal amount(ImportRow row, String field) {
		ImportSheet.Cell cell = row.cell(field);
		if (cell == null || cell.text() == null || cell.text().isBlank()) {
			return BigDecimal.ZERO.setScale(2);
		}
		String text = cell.number() != null ? cell.number().toPlainString() : cell.text();
		try {
			return Amount.parse(text).value();
		}
		catch (BusinessException e) {
			row.refuse(field, e.messageKey(), e.args());
			return null;
		}
	}

	@Override
	public ImportResult.Outcome write(Line line, ImportRow row) {
		List<Stored> stored = jdbc.query("""
				SELECT id, funds_in_place, out_of_province, foreign_used, fixed_assets, note, version
				FROM project_funds WHERE project_id = :p AND funds_month = :m""",
				Map.of("p", line.projectId(), "m", Date.valueOf(line.month())),
				(rs, n) -> new Stored(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
						rs.getBigDecimal(5), rs.getString(6), rs.getInt(7)));
		String summary = line.code() + " " + YearMonth.from(line.month());
		if (stored.isEmpty()) {
			inserts.add(params(line));
			inserted.add(line);
			touched.add(line.projectId());
			return ImportResult.Outcome.CREATED;
		}
		Stored s = stored.get(0);
		if (s.sameAs(line)) {
			return ImportResult.Outcome.UNCHANGED;
		}
		updates.add(params(line).addValue("id", s.id()).addValue("version", s.version()));
		touched.add(line.projectId());
		changes.add(new Auditor.Change("project", line.projectId(), "IMPORT", summary, s.audit(line.month()),
				line.audit()));
		return ImportResult.Outcome.UPDATED;
	}

	private MapSqlParameterSource params(Line l) {
		return new MapSqlParameterSource().addValue("projectId", l.projectId())
			.addValue("month", Date.valueOf(l.month()))
			.addValue("fundsInPlace", l.fundsInPlace())
			.addValue("outOfProvince", l.outOfProvince())
			.addValue("foreignUsed", l.foreignUsed())
			.addValue("fixedAssets", l.fixedAssets())
			.addValue("note", l.note())
			.addValue("user", user.getUsername())
			.addValue("at", now);
	}

	/** The two batches, the paid-in totals of every touched project, one audit batch. */
	@Override
	public void finish() {
		var before = sums.snapshot(touched);
		if (!inserts.isEmpty()) {
			jdbc.batchUpdate(INSERT, inserts.toArray(SqlParameterSource[]::new));
			for (Line l : inserted) {
				changes.add(new Auditor.Change("project", l.projectId(), "IMPORT",
						l.code() + " " + YearMonth.from(l.month()), Map.of(), l.audit()));
			}
		}
		if (!updates.isEmpty()) {
			int[] counts = jdbc.batchUpdate(UPDATE, updates.toArray(SqlParameterSource[]::new));
			for (int c : counts) {
				if (c == 0) {
					throw new BusinessException(409, "error.conflict");
				}
			}
		}
		paidIn.recompute(touched);
		sums.update(before);
		auditor.recordAll(changes);
	}
}
