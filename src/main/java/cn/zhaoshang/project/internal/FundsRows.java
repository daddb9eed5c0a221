package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Component;

/**
 * The rows of {@code project_funds} (funds actually in place, one row per project and month, issue 10), read and
 * written by plain SQL. Who may write, and what, is the use cases' ({@link RecordFunds}, {@link CumulativeFunds});
 * they call {@link PaidInTotals#recompute} after writing.
 */
@Component
public class FundsRows {

	/** One project's month as stored; amounts in 万元 except {@code foreignUsed} (万美元). */
	public record Row(long projectId, YearMonth month, BigDecimal fundsInPlace, BigDecimal outOfProvince,
			BigDecimal foreignUsed, BigDecimal fixedAssets, String note, boolean historical, int version,
			String updatedBy, Instant updatedAt) {

		/** The fields the audit trail records, the month first (see {@link RecordFunds}). */
		Map<String, Object> auditView() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("fundsMonth", month.toString());
			m.put("fundsInPlace", plain(fundsInPlace));
			m.put("outOfProvince", plain(outOfProvince));
			m.put("foreignUsed", plain(foreignUsed));
			m.put("fixedAssets", plain(fixedAssets));
			if (note != null) {
				m.put("fundsNote", note);
			}
			return m;
		}
	}

	/** The four amounts of a set of rows, added up. */
	public record Totals(BigDecimal fundsInPlace, BigDecimal outOfProvince, BigDecimal foreignUsed,
			BigDecimal fixedAssets) {

		public static Totals of(Collection<Row> rows) {
			BigDecimal in = zero(), out = zero(), foreign = zero(), fixed = zero();
			for (Row r : rows) {
				in = in.add(r.fundsInPlace());
				out = out.add(r.outOfProvince());
				foreign = foreign.add(r.foreignUsed());
				fixed = fixed.add(r.fixedAssets());
			}
			return new Totals(in, out, foreign, fixed);
		}

		private static BigDecimal zero() {
			return BigDecimal.ZERO.setScale(2);
		}
	}

	/** The amounts and note a writer sets; null amounts are stored as 0. */
	record Values(BigDecimal fundsInPlace, BigDecimal outOfProvince, BigDecimal foreignUsed, BigDecimal fixedAssets,
			String note) {
	}

	private static final String SELECT = """
			SELECT project_id, funds_month, funds_in_place, out_of_province, foreign_used, fixed_assets, note,
			       historical, version, updated_by, updated_at
			FROM project_funds""";

	private final NamedParameterJdbcOperations jdbc;

	FundsRows(NamedParameterJdbcOperations jdbc) {
		this.jdbc = jdbc;
	}

	/** A project of a unit's monthly grid. */
	public record GridProject(long id, String code, String name, String stage) {
	}

	/** The unit's active projects (active), by code: the rows of its monthly grid. */
	public List<GridProject> activeOf(long unitId) {
		return jdbc.query("SELECT id, code, name, stage FROM project WHERE unit_id = :u AND status = 'ACTIVE' ORDER BY code",
				Map.of("u", unitId), (rs, n) -> new GridProject(rs.getLong("id"), rs.getString("code"),
						rs.getString("name"), rs.getString("stage")));
	}

	/** A project's rows, oldest month first. */
	public List<Row> of(long projectId) {
		return jdbc.query(SELECT + " WHERE project_id = :p ORDER BY funds_month", Map.of("p", projectId),
				(rs, n) -> row(rs));
	}

	public Optional<Row> find(long projectId, YearMonth month) {
		return jdbc.query(SELECT + " WHERE project_id = :p AND funds_month = :m",
				new MapSqlParameterSource("p", projectId).addValue("m", month.atDay(1), Types.DATE), (rs, n) -> row(rs))
			.stream()
			.findFirst();
	}

	/** A row written by the load-data generator, in JDBC batches. */
	record BatchRow(long projectId, YearMonth month, BigDecimal fundsInPlace, BigDecimal outOfProvince,
			BigDecimal foreignUsed, BigDecimal fixedAssets, String by, Instant at) {
	}

	/** Inserts generated rows in batches (the generator recomputes nothing: it writes paid-in as their sum). */
	void insertAll(List<BatchRow> batch) {
		for (int from = 0; from < batch.size(); from += ProjectRows.BATCH) {
			jdbc.batchUpdate("""
					INSERT INTO project_funds (project_id, funds_month, funds_in_place, out_of_province, foreign_used,
					    fixed_assets, note, historical, version, created_by, updated_by, created_at, updated_at)
					VALUES (:p, :m, :in, :out, :foreign, :fixed, :note, FALSE, 0, :by, :by, :at, :at)""",
					batch.subList(from, Math.min(batch.size(), from + ProjectRows.BATCH))
						.stream()
						.map(r -> params(r.projectId(), r.month(), new Values(r.fundsInPlace(), r.outOfProvince(),
								r.foreignUsed(), r.fixedAssets(), null), r.by(), r.at()))
						.toArray(org.springframework.jdbc.core.namedparam.SqlParameterSource[]::new));
		}
	}

	/** The rows of one month of the given projects, by project id. */
	public Map<Long, Row> ofMonth(Collection<Long> projectIds, YearMonth month) {
		Map<Long, Row> result = new LinkedHashMap<>();
		if (projectIds.isEmpty()) {
			return result;
		}
		jdbc.query(SELECT + " WHERE funds_month = :m AND project_id IN (:ids)",
				new MapSqlParameterSource("ids", List.copyOf(projectIds)).addValue("m", month.atDay(1), Types.DATE),
				(rs, n) -> row(rs))
			.forEach(r -> result.put(r.projectId(), r));
		return result;
	}

	/** The sum of a project's funds in place over all its rows (0 without rows). */
	BigDecimal sum(long projectId) {
		BigDecimal sum = jdbc.queryForObject("SELECT SUM(funds_in_place) FROM project_funds WHERE project_id = :p",
				Map.of("p", projectId), BigDecimal.class);
		return sum == null ? BigDecimal.ZERO : sum;
	}

	void insert(long projectId, YearMonth month, Values v, String user, Instant now) {
		jdbc.update("""
				INSERT INTO project_funds (project_id, funds_month, funds_in_place, out_of_province, foreign_used,
				    fixed_assets, note, historical, version, created_by, updated_by, created_at, updated_at)
				VALUES (:p, :m, :in, :out, :foreign, :fixed, :note, FALSE, 0, :by, :by, :at, :at)""",
				params(projectId, month, v, user, now));
	}

	/** @return whether the row had the expected version (and so was changed) */
	boolean update(long projectId, YearMonth month, Values v, int expectedVersion, String user, Instant now) {
		return jdbc.update("""
				UPDATE project_funds SET funds_in_place = :in, out_of_province = :out, foreign_used = :foreign,
				    fixed_assets = :fixed, note = :note, version = version + 1, updated_by = :by, updated_at = :at
				WHERE project_id = :p AND funds_month = :m AND version = :v""",
				params(projectId, month, v, user, now).addValue("v", expectedVersion)) == 1;
	}

	private static MapSqlParameterSource params(long projectId, YearMonth month, Values v, String user, Instant now) {
		return new MapSqlParameterSource("p", projectId).addValue("m", month.atDay(1), Types.DATE)
			.addValue("in", orZero(v.fundsInPlace()), Types.NUMERIC)
			.addValue("out", orZero(v.outOfProvince()), Types.NUMERIC)
			.addValue("foreign", orZero(v.foreignUsed()), Types.NUMERIC)
			.addValue("fixed", orZero(v.fixedAssets()), Types.NUMERIC)
			.addValue("note", v.note(), Types.VARCHAR)
			.addValue("by", user, Types.VARCHAR)
			.addValue("at", now.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
	}

	static BigDecimal orZero(BigDecimal v) {
		return v == null ? BigDecimal.ZERO : v;
	}

	private static Row row(ResultSet rs) throws SQLException {
		LocalDate month = rs.getObject("funds_month", LocalDate.class);
		var at = rs.getTimestamp("updated_at");
		return new Row(rs.getLong("project_id"), YearMonth.from(month), scaled(rs.getBigDecimal("funds_in_place")),
				scaled(rs.getBigDecimal("out_of_province")), scaled(rs.getBigDecimal("foreign_used")),
				scaled(rs.getBigDecimal("fixed_assets")), rs.getString("note"), rs.getBoolean("historical"),
				rs.getInt("version"), rs.getString("updated_by"), at == null ? null : at.toInstant());
	}

	private static BigDecimal scaled(BigDecimal v) {
		return v == null ? null : v.setScale(2, java.math.RoundingMode.HALF_UP);
	}

	private static String plain(BigDecimal v) {
		return v == null ? null : v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
	}
}
