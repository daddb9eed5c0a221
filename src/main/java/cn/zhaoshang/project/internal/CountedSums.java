package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import cn.zhaoshang.project.FiguresTouched;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * The counted moves summed per landing unit ({@code project_counted_sum}, V39_1, ADR 0017): for each month's end E of
 * a move's effective year on which the move counts ({@code project_counted_move}: effective on or before E, one of its
 * intervals holding E), one move and its amount under (E, landing unit, stage, effective month). The supervision
 * figures of a month, quarter or year then sum the rows of one E instead of reading the year's counted moves.
 * <p>
 * Kept exact in the writers' transactions, the way {@link FundsSums} keeps the funds: {@link CountedMoves#refresh}
 * takes the projects' contribution before it rewrites their counted moves and adds the difference after; a project
 * whose landing unit changes moves its contribution to the new unit ({@link #follow}) before the project row is
 * written. {@link #rebuild} recomputes the table from the counted moves.
 */
@Component
public class CountedSums {

	/** A sum's key. */
	record Key(LocalDate asOf, long unit, String stage, LocalDate month) {

		static final Comparator<Key> ORDER = Comparator.comparing(Key::asOf)
			.thenComparingLong(Key::unit)
			.thenComparing(Key::stage)
			.thenComparing(Key::month);
	}

	/** A number of moves and their amounts; differences may be negative. */
	record Sum(long count, BigDecimal amount) {

		Sum plus(Sum o) {
			return new Sum(count + o.count, amount.add(o.amount));
		}

		Sum negate() {
			return new Sum(-count, amount.negate());
		}
	}

	/** One counted interval of a move, as the sums need it. */
	record Counted(long project, String stage, BigDecimal amount, LocalDate effective, LocalDate from, LocalDate to) {
	}

	private static final String COUNTED = """
			SELECT project_id, to_stage, amount, effective_date, counted_from, counted_to
			FROM project_counted_move WHERE project_id IN (:ids)""";

	private static final String UPDATE = """
			UPDATE project_counted_sum SET move_count = move_count + :n, amount = amount + :a
			WHERE as_of = :e AND unit_id = :u AND to_stage = :s AND effective_month = :m""";

	private static final String INSERT = """
			INSERT INTO project_counted_sum (as_of, unit_id, to_stage, effective_month, move_count, amount)
			VALUES (:e, :u, :s, :m, :n, :a)""";

	private final NamedParameterJdbcOperations jdbc;
	private final SharedSums shared;

	@org.springframework.beans.factory.annotation.Autowired
	CountedSums(NamedParameterJdbcOperations jdbc, SharedSums shared) {
		this.jdbc = jdbc;
		this.shared = shared;
	}

	/** For the V39_3 migration, which only {@link #rebuild rebuilds}. */
	CountedSums(NamedParameterJdbcOperations jdbc) {
		this(jdbc, null);
	}

	/** The projects' counted moves as stored now, by project (call before and after rewriting them). */
	Map<Long, List<Counted>> read(Collection<Long> projectIds) {
		Map<Long, List<Counted>> byProject = new HashMap<>();
		List<Long> ids = new ArrayList<>(new TreeSet<>(projectIds));
		for (int from = 0; from < ids.size(); from += CountedMoves.CHUNK) {
			jdbc.query(COUNTED, Map.of("ids", ids.subList(from, Math.min(ids.size(), from + CountedMoves.CHUNK))),
					rs -> {
						Counted c = new Counted(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3),
								rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
								rs.getObject(6, LocalDate.class));
						byProject.computeIfAbsent(c.project(), p -> new ArrayList<>()).add(c);
					});
		}
		return byProject;
	}

	/** The landing units of the projects as stored, locking their rows in id order. */
	Map<Long, Long> units(Collection<Long> projectIds) {
		Map<Long, Long> units = new HashMap<>();
		List<Long> ids = new ArrayList<>(new TreeSet<>(projectIds));
		for (int from = 0; from < ids.size(); from += CountedMoves.CHUNK) {
			jdbc.query("SELECT id, unit_id FROM project WHERE id IN (:ids) ORDER BY id FOR UPDATE",
					Map.of("ids", ids.subList(from, Math.min(ids.size(), from + CountedMoves.CHUNK))),
					rs -> {
						units.put(rs.getLong(1), rs.getLong(2));
					});
		}
		return units;
	}

	/** Adds the difference between the projects' counted moves after and before, under their landing units. */
	void update(Map<Long, Long> units, Map<Long, List<Counted>> before, Map<Long, List<Counted>> after) {
		Map<Key, Sum> delta = new HashMap<>();
		after.forEach((p, rows) -> add(delta, units.get(p), rows, false));
		before.forEach((p, rows) -> add(delta, units.get(p), rows, true));
		apply(delta);
	}

	/**
	 * Moves the sums of projects whose landing unit is about to change (new unit by project id) from the unit stored
	 * now to the new one. Call before the project rows are written.
	 */
	void follow(Map<Long, Long> next) {
		Map<Long, Long> stored = units(next.keySet());
		List<Long> moved = next.keySet()
			.stream()
			.filter(id -> stored.containsKey(id) && stored.get(id).longValue() != next.get(id).longValue())
			.toList();
		if (moved.isEmpty()) {
			return;
		}
		if (shared != null) {
			// the part of the projects that are not plain taken out of the landing unit moves too (ADR 0017)
			Map<Long, Long> nextOfMoved = new HashMap<>();
			moved.forEach(id -> nextOfMoved.put(id, next.get(id)));
			shared.follow(nextOfMoved);
		}
		Map<Key, Sum> delta = new HashMap<>();
		read(moved).forEach((p, rows) -> {
			add(delta, stored.get(p), rows, true);
			add(delta, next.get(p), rows, false);
		});
		apply(delta);
	}

	/** Recomputes the whole table from {@code project_counted_move} and the projects' landing units. */
	public void rebuild() {
		FiguresTouched.everything();
		jdbc.update("DELETE FROM project_counted_sum", Map.of());
		Map<Key, Sum> sums = new HashMap<>();
		jdbc.query("""
				SELECT c.project_id, c.to_stage, c.amount, c.effective_date, c.counted_from, c.counted_to, p.unit_id
				FROM project_counted_move c JOIN project p ON p.id = c.project_id""", Map.of(), rs -> {
			add(sums, rs.getLong(7), List.of(new Counted(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3),
					rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class))),
					false);
		});
		List<SqlParameterSource> rows = new ArrayList<>();
		TreeMap<Key, Sum> ordered = new TreeMap<>(Key.ORDER);
		ordered.putAll(sums);
		ordered.forEach((k, s) -> {
			if (s.count() != 0) {
				rows.add(params(k, s));
			}
		});
		for (int from = 0; from < rows.size(); from += CountedMoves.CHUNK) {
			jdbc.batchUpdate(INSERT,
					rows.subList(from, Math.min(rows.size(), from + CountedMoves.CHUNK)).toArray(SqlParameterSource[]::new));
		}
	}

	/**
	 * The month ends of the move's effective year on which it counts: on or after its effective day and inside the
	 * interval (from inclusive, to exclusive), as the figures' rule reads them.
	 */
	static List<LocalDate> monthEnds(Counted c) {
		List<LocalDate> ends = new ArrayList<>();
		for (YearMonth m = YearMonth.from(c.effective()); m.getYear() == c.effective().getYear(); m = m.plusMonths(1)) {
			LocalDate e = m.atEndOfMonth();
			if (!c.from().isAfter(e) && (c.to() == null || c.to().isAfter(e))) {
				ends.add(e);
			}
		}
		return ends;
	}

	private static void add(Map<Key, Sum> sums, Long unit, List<Counted> rows, boolean subtract) {
		if (unit == null) {
			return;
		}
		for (Counted c : rows) {
			BigDecimal amount = c.amount() == null ? BigDecimal.ZERO : c.amount();
			Sum one = subtract ? new Sum(-1, amount.negate()) : new Sum(1, amount);
			LocalDate month = c.effective().withDayOfMonth(1);
			for (LocalDate e : monthEnds(c)) {
				sums.merge(new Key(e, unit, c.stage(), month), one, Sum::plus);
			}
		}
	}

	/** Adds the differences in one key order (two writers never wait for each other crosswise; {@link SumRows}). */
	private void apply(Map<Key, Sum> delta) {
		TreeMap<Key, Sum> ordered = new TreeMap<>(Key.ORDER);
		delta.forEach((k, s) -> {
			if (s.count() != 0 || s.amount().signum() != 0) {
				ordered.put(k, s);
			}
		});
		List<MapSqlParameterSource> rows = new ArrayList<>(ordered.size());
		for (var e : ordered.entrySet()) {
			FiguresTouched.asOf(e.getKey().asOf());
			rows.add(params(e.getKey(), e.getValue()));
		}
		SumRows.add(jdbc, UPDATE, INSERT, rows);
	}

	private static MapSqlParameterSource params(Key k, Sum s) {
		return new MapSqlParameterSource().addValue("e", k.asOf(), Types.DATE)
			.addValue("u", k.unit(), Types.BIGINT)
			.addValue("s", k.stage(), Types.VARCHAR)
			.addValue("m", k.month(), Types.DATE)
			.addValue("n", s.count(), Types.BIGINT)
			.addValue("a", s.amount(), Types.NUMERIC);
	}
}
