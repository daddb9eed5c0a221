package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import cn.zhaoshang.project.FiguresTouched;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Component;

/**
 * The funds totals' read model ({@code project_funds_sum}, V20, issue 10): the monthly sums of the funds rows per
 * landing unit, chain, primary type and set of types, with the number of rows summed. Every writer keeps it exact in
 * its own transaction:
 * <ul>
 * <li>writers of funds rows take a {@link #snapshot} of the projects they are about to write (which locks the
 * projects' rows, so that two writers of one project follow each other) and hand it to {@link #update} after their
 * writes, which adds the difference between the projects' rows now and then;</li>
 * <li>a project whose unit, chain or types change moves its rows' sums from the old key to the new one
 * ({@link #follow}), before the project row itself is written.</li>
 * </ul>
 * {@link #rebuild} recomputes the whole table from the rows (what V20 did once), for tools that write rows directly.
 */
@Component
public class FundsSums {

	/**
	 * The key of a project: what its funds rows are summed under (besides their month); status and signing month
	 * (the first of the month, null when not signed) for the signed-month sums ({@link SignedFundsSums}).
	 */
	public record ProjectKey(long unit, long chain, String type, String types, String status, LocalDate signed) {

		/** The key of a project as the writers hold it (the signing date cut to its month). */
		static ProjectKey of(long unit, long chain, String type, String types, String status, LocalDate signedDate) {
			return new ProjectKey(unit, chain, type, types, status,
					signedDate == null ? null : signedDate.withDayOfMonth(1));
		}
	}

	/** The key of a sum: {@code project_funds_sum}'s columns, then status and signing month. */
	record Key(LocalDate month, long unit, long chain, String type, String types, String status, LocalDate signed) {

		static final Comparator<Key> ORDER = Comparator.comparing(Key::month)
			.thenComparingLong(Key::unit)
			.thenComparingLong(Key::chain)
			.thenComparing(Key::type)
			.thenComparing(Key::types);

		Key(LocalDate month, ProjectKey p) {
			this(month, p.unit(), p.chain(), p.type(), p.types(), p.status(), p.signed());
		}

		/** This key without status and signing month: {@code project_funds_sum}'s key. */
		Key coarse() {
			return status == null && signed == null ? this : new Key(month, unit, chain, type, types, null, null);
		}
	}

	/** Amounts and a row count; differences may be negative. */
	record Amounts(BigDecimal in, BigDecimal out, BigDecimal foreign, BigDecimal fixed, long count) {

		static final Amounts ZERO = new Amounts(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0);

		Amounts plus(Amounts o) {
			return new Amounts(in.add(o.in), out.add(o.out), foreign.add(o.foreign), fixed.add(o.fixed),
					count + o.count);
		}

		Amounts negate() {
			return new Amounts(in.negate(), out.negate(), foreign.negate(), fixed.negate(), -count);
		}

		boolean isZero() {
			return count == 0 && in.signum() == 0 && out.signum() == 0 && foreign.signum() == 0
					&& fixed.signum() == 0;
		}
	}

	/** The sums of some projects' rows at a moment, to compare with the same projects after a write. */
	public static final class Snapshot {

		private final List<Long> projectIds;
		private final Map<Key, Amounts> sums;
		private final SharedSums.Snapshot shared;

		private Snapshot(List<Long> projectIds, Map<Key, Amounts> sums, SharedSums.Snapshot shared) {
			this.projectIds = projectIds;
			this.sums = sums;
			this.shared = shared;
		}
	}

	static final int CHUNK = 1_000;

	private static final String CONTRIBUTION = """
			SELECT f.funds_month, p.unit_id, p.chain_id, p.type, COALESCE(p.types, p.type), SUM(f.funds_in_place),
			       SUM(f.out_of_province), SUM(f.foreign_used), SUM(f.fixed_assets), COUNT(*), p.status, p.signed_date
			FROM project_funds f JOIN project p ON p.id = f.project_id
			WHERE f.project_id IN (:ids)
			GROUP BY f.funds_month, p.unit_id, p.chain_id, p.type, COALESCE(p.types, p.type), p.status, p.signed_date""";

	private static final String REBUILD = """
			INSERT INTO project_funds_sum (sum_month, unit_id, chain_id, type, types, funds_in_place, out_of_province,
			    foreign_used, fixed_assets, row_count)
			SELECT f.funds_month, p.unit_id, p.chain_id, p.type, COALESCE(p.types, p.type), SUM(f.funds_in_place),
			       SUM(f.out_of_province), SUM(f.foreign_used), SUM(f.fixed_assets), COUNT(*)
			FROM project_funds f JOIN project p ON p.id = f.project_id
			GROUP BY f.funds_month, p.unit_id, p.chain_id, p.type, COALESCE(p.types, p.type)""";

	private static final String UPDATE = """
			UPDATE project_funds_sum SET funds_in_place = funds_in_place + :in,
			    out_of_province = out_of_province + :out, foreign_used = foreign_used + :foreign,
			    fixed_assets = fixed_assets + :fixed, row_count = row_count + :count
			WHERE sum_month = :month AND unit_id = :unit AND chain_id = :chain AND type = :type AND types = :types""";

	private static final String INSERT = """
			INSERT INTO project_funds_sum (sum_month, unit_id, chain_id, type, types, funds_in_place, out_of_province,
			    foreign_used, fixed_assets, row_count)
			VALUES (:month, :unit, :chain, :type, :types, :in, :out, :foreign, :fixed, :count)""";

	private final NamedParameterJdbcOperations jdbc;
	private final SharedSums shared;
	private final SignedFundsSums signed;

	FundsSums(NamedParameterJdbcOperations jdbc, SharedSums shared, SignedFundsSums signed) {
		this.jdbc = jdbc;
		this.shared = shared;
		this.signed = signed;
	}

	/**
	 * Locks the projects' rows (in id order) and sums their funds rows as they are now. Call before writing funds rows
	 * of these projects, in the same transaction, and pass the result to {@link #update} after.
	 */
	public Snapshot snapshot(Collection<Long> projectIds) {
		List<Long> ids = List.copyOf(new LinkedHashSet<>(projectIds)).stream().sorted().toList();
		lock(ids);
		return new Snapshot(ids, contribution(ids), shared.snapshot(ids, SharedSums.Part.FUNDS));
	}

	/** A snapshot of projects that have no funds rows yet (new projects: nothing to lock or read). */
	Snapshot none(Collection<Long> projectIds) {
		return new Snapshot(List.copyOf(new LinkedHashSet<>(projectIds)), Map.of(), null);
	}

	/** Adds to the sums the difference between the snapshot's projects' rows now and at the snapshot. */
	public void update(Snapshot before) {
		Map<Key, Amounts> delta = new HashMap<>(contribution(before.projectIds));
		before.sums.forEach((k, a) -> delta.merge(k, a.negate(), Amounts::plus));
		apply(delta);
		if (before.shared != null) {
			// the corrections of the projects that are not plain (ADR 0017)
			shared.update(before.shared);
		}
	}

	/**
	 * Moves the sums of projects whose key is about to change (unit, chain, types, status or signing month; given by
	 * project id) from the key stored now to the new one. Call before the project rows are written; projects whose key stays are left alone.
	 */
	void follow(Map<Long, ProjectKey> next) {
		List<Long> ids = next.keySet().stream().sorted().toList();
		Map<Long, ProjectKey> stored = lock(ids);
		List<Long> moved = ids.stream().filter(id -> stored.containsKey(id) && !stored.get(id).equals(next.get(id)))
			.toList();
		if (moved.isEmpty()) {
			return;
		}
		Map<Key, Amounts> delta = new HashMap<>();
		for (int from = 0; from < moved.size(); from += CHUNK) {
			jdbc.query("""
					SELECT project_id, funds_month, funds_in_place, out_of_province, foreign_used, fixed_assets
					FROM project_funds WHERE project_id IN (:ids)""",
					Map.of("ids", moved.subList(from, Math.min(moved.size(), from + CHUNK))), rs -> {
						long id = rs.getLong(1);
						LocalDate month = rs.getObject(2, LocalDate.class);
						Amounts a = new Amounts(rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
								rs.getBigDecimal(6), 1);
						delta.merge(new Key(month, stored.get(id)), a.negate(), Amounts::plus);
						delta.merge(new Key(month, next.get(id)), a, Amounts::plus);
					});
		}
		apply(delta);
	}

	/** Recomputes the whole table from the funds rows (as V20 did). */
	public void rebuild() {
		FiguresTouched.everything();
		jdbc.update("DELETE FROM project_funds_sum", Map.of());
		jdbc.update(REBUILD, Map.of());
		signed.rebuild();
	}

	/** Locks the projects' rows in id order and reads their keys as stored. */
	private Map<Long, ProjectKey> lock(List<Long> ids) {
		Map<Long, ProjectKey> keys = new HashMap<>();
		for (int from = 0; from < ids.size(); from += CHUNK) {
			jdbc.query("SELECT id, unit_id, chain_id, type, COALESCE(types, type), status, signed_date FROM project"
					+ " WHERE id IN (:ids) ORDER BY id FOR UPDATE",
					Map.of("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK))), rs -> {
						keys.put(rs.getLong(1), ProjectKey.of(rs.getLong(2), rs.getLong(3), rs.getString(4),
								rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class)));
					});
		}
		return keys;
	}

	private Map<Key, Amounts> contribution(List<Long> ids) {
		Map<Key, Amounts> sums = new HashMap<>();
		for (int from = 0; from < ids.size(); from += CHUNK) {
			jdbc.query(CONTRIBUTION, Map.of("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK))), rs -> {
				LocalDate signedDate = rs.getObject(12, LocalDate.class);
				Key k = new Key(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getString(4),
						rs.getString(5), rs.getString(11), signedDate == null ? null : signedDate.withDayOfMonth(1));
				sums.merge(k, new Amounts(rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
						rs.getBigDecimal(9), rs.getLong(10)), Amounts::plus);
			});
		}
		return sums;
	}

	/**
	 * Adds the differences in one key order (so that two writers never wait for each other crosswise; {@link SumRows})
	 * to {@code project_funds_sum} and then to the signed-month sums.
	 */
	private void apply(Map<Key, Amounts> delta) {
		TreeMap<Key, Amounts> ordered = new TreeMap<>(Key.ORDER);
		delta.forEach((k, a) -> ordered.merge(k.coarse(), a, Amounts::plus));
		ordered.values().removeIf(Amounts::isZero);
		List<MapSqlParameterSource> rows = new ArrayList<>(ordered.size());
		for (var e : ordered.entrySet()) {
			FiguresTouched.fundsMonth(e.getKey().month());
			rows.add(params(e.getKey(), e.getValue()));
		}
		SumRows.add(jdbc, UPDATE, INSERT, rows);
		signed.apply(delta);
	}

	private static MapSqlParameterSource params(Key k, Amounts a) {
		return new MapSqlParameterSource().addValue("month", k.month(), Types.DATE).addValue("unit", k.unit(), Types.BIGINT)
			.addValue("chain", k.chain(), Types.BIGINT)
			.addValue("type", k.type(), Types.VARCHAR)
			.addValue("types", Objects.requireNonNull(k.types()), Types.VARCHAR)
			.addValue("in", a.in(), Types.NUMERIC)
			.addValue("out", a.out(), Types.NUMERIC)
			.addValue("foreign", a.foreign(), Types.NUMERIC)
			.addValue("fixed", a.fixed(), Types.NUMERIC)
			.addValue("count", a.count(), Types.BIGINT);
	}
}
