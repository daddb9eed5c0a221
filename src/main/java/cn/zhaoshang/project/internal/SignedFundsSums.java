package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Component;

import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.list.SqlFilter;
import cn.zhaoshang.project.ProjectStatus;

/**
 * The funds in place of projects by the month they were signed ({@code project_funds_signed_sum}, V47, issue 15):
 * per funds month, landing unit, status and signing month, the sum of the funds rows and their number. It answers
 * the yearly per-county summary ("projects signed in 2025 and their funds in 2025", {@code GET
 * /api/v1/projects/groups?by=unit&dateOf=signed&from=2025-01-01&to=2025-12-31}) from a few hundred rows instead of
 * the half million funds rows of those projects (431 ms → docs/benchmarks.md). Kept exact by {@link FundsSums}, in
 * the same transactions and from the same differences as {@code project_funds_sum} (ADR 0013): its keys carry status
 * and signing month, so a project whose status or signing date changes moves its sums like a project whose unit
 * does. Projects without a signing date are not summed here (no signed-in filter selects them).
 */
@Component
class SignedFundsSums {

	private static final String UPDATE = """
			UPDATE project_funds_signed_sum SET funds_in_place = funds_in_place + :in, row_count = row_count + :count
			WHERE sum_month = :month AND unit_id = :unit AND status = :status AND signed_month = :signed""";

	private static final String INSERT = """
			INSERT INTO project_funds_signed_sum (sum_month, unit_id, status, signed_month, funds_in_place, row_count)
			VALUES (:month, :unit, :status, :signed, :in, :count)""";

	/** The key of a sum. */
	private record Key(LocalDate month, long unit, String status, LocalDate signed) {

		static final Comparator<Key> ORDER = Comparator.comparing(Key::month)
			.thenComparingLong(Key::unit)
			.thenComparing(Key::status)
			.thenComparing(Key::signed);
	}

	private final NamedParameterJdbcOperations jdbc;

	SignedFundsSums(NamedParameterJdbcOperations jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds {@link FundsSums}' differences (keys with status and signing month), in one key order ({@link SumRows}). */
	void apply(Map<FundsSums.Key, FundsSums.Amounts> delta) {
		TreeMap<Key, FundsSums.Amounts> ordered = new TreeMap<>(Key.ORDER);
		delta.forEach((k, a) -> {
			if (k.signed() != null) {
				ordered.merge(new Key(k.month(), k.unit(), k.status(), k.signed()), a, FundsSums.Amounts::plus);
			}
		});
		ordered.values().removeIf(FundsSums.Amounts::isZero);
		List<MapSqlParameterSource> rows = new ArrayList<>(ordered.size());
		for (var e : ordered.entrySet()) {
			Key k = e.getKey();
			MapSqlParameterSource params = new MapSqlParameterSource().addValue("month", k.month(), Types.DATE)
				.addValue("unit", k.unit(), Types.BIGINT)
				.addValue("status", k.status(), Types.VARCHAR)
				.addValue("signed", k.signed(), Types.DATE)
				.addValue("in", e.getValue().in(), Types.NUMERIC)
				.addValue("count", e.getValue().count(), Types.BIGINT);
			rows.add(params);
		}
		SumRows.add(jdbc, UPDATE, INSERT, rows);
	}

	/** Recomputes the whole table from the funds rows (as V47 did). */
	void rebuild() {
		jdbc.update("DELETE FROM project_funds_signed_sum", Map.of());
		jdbc.update("""
				INSERT INTO project_funds_signed_sum (sum_month, unit_id, status, signed_month, funds_in_place, row_count)
				SELECT f.funds_month, p.unit_id, p.status, CAST(DATE_TRUNC('MONTH', p.signed_date) AS DATE),
				       SUM(f.funds_in_place), COUNT(*)
				FROM project_funds f JOIN project p ON p.id = f.project_id
				WHERE p.signed_date IS NOT NULL
				GROUP BY f.funds_month, p.unit_id, p.status, CAST(DATE_TRUNC('MONTH', p.signed_date) AS DATE)""",
				Map.of());
	}

	/**
	 * The funds in place per landing unit of the filtered set over the filter's period, when this table can answer
	 * it: projects signed in whole months ({@code dateOf=signed}, {@code from} a first and {@code to} a last day of a
	 * month, either open), selected by nothing else than unit, status (or leaving dropped projects out) and the
	 * reader's units. Empty otherwise (the caller sums the rows).
	 */
	Optional<Map<Long, BigDecimal>> byUnit(ProjectFilter f, DataScope scope) {
		if (!answers(f)) {
			return Optional.empty();
		}
		SqlFilter where = SqlFilter.where();
		if (!scope.readAll()) {
			where.in("s.unit_id", "scopeUnits", scope.readable().stream().map(UnitId::value).toList());
		}
		LocalDate from = f.from() == null ? null : f.from().withDayOfMonth(1);
		LocalDate to = f.to() == null ? null : f.to().withDayOfMonth(1);
		where.eq("s.unit_id", "unit", f.unit())
			.eq("s.status", "status", f.status() == null ? null : f.status().name())
			.andIf(f.excludesDropped(), "s.status <> '" + ProjectStatus.DROPPED.name() + "'")
			.range("s.signed_month", "signedFrom", from, "signedTo", to)
			.range("s.sum_month", "fundsFrom", from, "fundsTo", to);
		Map<Long, BigDecimal> sums = new HashMap<>();
		jdbc.query("SELECT s.unit_id, SUM(s.funds_in_place) FROM project_funds_signed_sum s" + where.sql()
				+ " GROUP BY s.unit_id", where.params(), (ResultSet rs) -> {
					sums.put(rs.getLong(1), rs.getBigDecimal(2));
				});
		return Optional.of(sums);
	}

	/** Whether the filter selects projects by signing month and unit/status alone. */
	static boolean answers(ProjectFilter f) {
		boolean wholeMonths = (f.from() != null || f.to() != null)
				&& (f.from() == null || f.from().getDayOfMonth() == 1)
				&& (f.to() == null || f.to().getDayOfMonth() == f.to().lengthOfMonth());
		return "signed".equals(f.dateOf()) && wholeMonths && blank(f.q()) && f.stage() == null && f.chain() == null
				&& (f.type() == null || f.type().isEmpty()) && f.key() == null && f.attendant() == null
				&& f.leader() == null && f.min() == null && f.max() == null && f.pending() == null
				&& !Boolean.TRUE.equals(f.stalled()) && !Boolean.TRUE.equals(f.outsidePositioning());
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
