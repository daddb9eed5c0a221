package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import cn.zhaoshang.platform.Shares;
import cn.zhaoshang.project.FiguresTouched;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * What the projects that are not plain change in the sums per landing unit (V43, ADR 0017 "Shared projects"): the
 * supervision figures read {@code project_counted_sum} and {@code project_funds_sum} (every project under its landing
 * unit) and add these corrections, so that a project whose shares are not the landing unit's automatic 100 % costs
 * nothing at read time.
 * <p>
 * For each such project, as of each month's end E on which it has a figure, its figure is taken out of its landing
 * unit (a negative row) and split over its shares in force on E by largest remainder ({@link Shares}), exactly as the
 * figures split it: counts to a tenth and amounts to the fen, each project on its own. Stage figures are kept under
 * (E, unit, stage, effective month) — a project has at most one counted move per stage as of E, so the period and
 * the year to date are sums of the same split parts. Funds are split per window, because the split of a sum is not
 * the sum of the splits: under (E, unit, first month of the window) for the windows a period ending on E can ask
 * for — the year to date (1 January), the quarter and the month ending on E.
 * <p>
 * Kept in the writers' transactions like the other sums: a writer takes a {@link #snapshot} of the projects it is
 * about to change (locking their rows in id order) and hands it to {@link #update} after; the snapshot reads the
 * projects' contribution from the stored facts (counted moves, funds rows, shares in force, landing unit), the update
 * reads it again and adds the difference in one key order. A landing unit about to change moves the taken-out part
 * ({@link #follow}). Plain projects contribute nothing (taken out of and credited to the same unit), so only the
 * projects that are not plain are read. {@link #rebuild} recomputes both tables.
 */
@Component
public class SharedSums {

	/** Which facts a writer changes. */
	enum Part {
		STAGES, FUNDS, ALL;

		boolean stages() {
			return this != FUNDS;
		}

		boolean funds() {
			return this != STAGES;
		}
	}

	/** A count (to a tenth) and an amount. */
	record StageSum(BigDecimal count, BigDecimal amount) {

		StageSum plus(StageSum o) {
			return new StageSum(count.add(o.count), amount.add(o.amount));
		}

		StageSum negate() {
			return new StageSum(count.negate(), amount.negate());
		}

		boolean isZero() {
			return count.signum() == 0 && amount.signum() == 0;
		}
	}

	/** A funds sum's key: as of E, the window from {@code from} (a month's first day) to E. */
	record FundsKey(LocalDate asOf, long unit, LocalDate from) {

		static final Comparator<FundsKey> ORDER = Comparator.comparing(FundsKey::asOf)
			.thenComparingLong(FundsKey::unit)
			.thenComparing(FundsKey::from);
	}

	/** Funds in place, of which from outside the province, foreign capital used. */
	record FundsSum(BigDecimal in, BigDecimal out, BigDecimal foreign) {

		static final FundsSum ZERO = new FundsSum(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

		FundsSum plus(FundsSum o) {
			return new FundsSum(in.add(o.in), out.add(o.out), foreign.add(o.foreign));
		}

		FundsSum minus(FundsSum o) {
			return new FundsSum(in.subtract(o.in), out.subtract(o.out), foreign.subtract(o.foreign));
		}

		FundsSum negate() {
			return new FundsSum(in.negate(), out.negate(), foreign.negate());
		}

		boolean isZero() {
			return in.signum() == 0 && out.signum() == 0 && foreign.signum() == 0;
		}
	}

	/** Some projects' corrections, both tables. */
	record Contribution(Map<CountedSums.Key, StageSum> stages, Map<FundsKey, FundsSum> funds) {

		Contribution() {
			this(new HashMap<>(), new HashMap<>());
		}
	}

	/** The corrections of some projects at a moment, to compare with the same projects after a write. */
	public static final class Snapshot {

		private final List<Long> projectIds;
		private final Part part;
		private final Contribution before;

		private Snapshot(List<Long> projectIds, Part part, Contribution before) {
			this.projectIds = projectIds;
			this.part = part;
			this.before = before;
		}
	}

	private record ShareRow(long unit, int basisPoints, LocalDate from, LocalDate to) {

		boolean inForce(LocalDate e) {
			return (from == null || !from.isAfter(e)) && (to == null || !to.isBefore(e));
		}
	}

	/** The same test as the figures' NOT_PLAIN: a share that is not the automatic, lifelong 100 %. */
	static final String NOT_PLAIN = "NOT (default_share = TRUE AND share_bp = 10000 AND valid_from IS NULL"
			+ " AND valid_to IS NULL)";

	private static final String STAGE_UPDATE = """
			UPDATE project_shared_counted_sum SET move_count = move_count + :n, amount = amount + :a
			WHERE as_of = :e AND unit_id = :u AND to_stage = :s AND effective_month = :m""";

	private static final String STAGE_INSERT = """
			INSERT INTO project_shared_counted_sum (as_of, unit_id, to_stage, effective_month, move_count, amount)
			VALUES (:e, :u, :s, :m, :n, :a)""";

	private static final String FUNDS_UPDATE = """
			UPDATE project_shared_funds_sum SET funds_in_place = funds_in_place + :in,
			    out_of_province = out_of_province + :out, foreign_used = foreign_used + :foreign
			WHERE as_of = :e AND unit_id = :u AND from_month = :f""";

	private static final String FUNDS_INSERT = """
			INSERT INTO project_shared_funds_sum (as_of, unit_id, from_month, funds_in_place, out_of_province,
			    foreign_used)
			VALUES (:e, :u, :f, :in, :out, :foreign)""";

	private final NamedParameterJdbcOperations jdbc;

	SharedSums(NamedParameterJdbcOperations jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the projects' rows (in id order) and reads their corrections as the stored facts give them now. Call
	 * before changing their counted moves, funds rows or shares, in the same transaction, and pass the result to
	 * {@link #update} after.
	 */
	Snapshot snapshot(Collection<Long> projectIds, Part part) {
		List<Long> ids = new ArrayList<>(new TreeSet<>(projectIds));
		lock(ids);
		return new Snapshot(ids, part, contribution(ids, part, Map.of()));
	}

	/** Adds the difference between the snapshot's projects' corrections now and at the snapshot. */
	void update(Snapshot snapshot) {
		apply(contribution(snapshot.projectIds, snapshot.part, Map.of()), snapshot.before);
	}

	/**
	 * Moves the part taken out of the landing unit for projects whose landing unit is about to change (the new unit
	 * by project id; only projects whose unit changes). Call before the project rows are written.
	 */
	void follow(Map<Long, Long> next) {
		if (next.isEmpty()) {
			return;
		}
		List<Long> ids = new ArrayList<>(new TreeSet<>(next.keySet()));
		apply(contribution(ids, Part.ALL, next), contribution(ids, Part.ALL, Map.of()));
	}

	/** Recomputes both tables from the stored facts of every project that is not plain. */
	public void rebuild() {
		FiguresTouched.everything();
		jdbc.update("DELETE FROM project_shared_counted_sum", Map.of());
		jdbc.update("DELETE FROM project_shared_funds_sum", Map.of());
		List<Long> ids = jdbc.queryForList("SELECT DISTINCT project_id FROM project_credit_share WHERE " + NOT_PLAIN
				+ " ORDER BY project_id", Map.of(), Long.class);
		Contribution all = contribution(ids, Part.ALL, Map.of());
		insert(all);
	}

	/** The tables' rows recomputed from the stored facts, as {@link #rebuild} would write them (for tests). */
	Contribution recomputed() {
		List<Long> ids = jdbc.queryForList("SELECT DISTINCT project_id FROM project_credit_share WHERE " + NOT_PLAIN
				+ " ORDER BY project_id", Map.of(), Long.class);
		return contribution(ids, Part.ALL, Map.of());
	}

	// ------------------------------------------------------------------------------------------- computing

	/**
	 * The corrections of the projects that are not plain among {@code ids}, from the stored facts; {@code landing}
	 * overrides the stored landing unit of some projects.
	 */
	private Contribution contribution(List<Long> ids, Part part, Map<Long, Long> landing) {
		Contribution c = new Contribution();
		for (int from = 0; from < ids.size(); from += CountedMoves.CHUNK) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CountedMoves.CHUNK));
			List<Long> shared = jdbc.queryForList("SELECT DISTINCT project_id FROM project_credit_share"
					+ " WHERE project_id IN (:ids) AND " + NOT_PLAIN, Map.of("ids", chunk), Long.class);
			if (!shared.isEmpty()) {
				contribute(c, shared, part, landing);
			}
		}
		return c;
	}

	private void contribute(Contribution c, List<Long> ids, Part part, Map<Long, Long> override) {
		Map<String, Object> p = Map.of("ids", ids);
		Map<Long, Long> landing = new HashMap<>();
		jdbc.query("SELECT id, unit_id FROM project WHERE id IN (:ids)", p,
				rs -> {
					landing.put(rs.getLong(1), rs.getLong(2));
				});
		landing.putAll(override);
		Map<Long, List<ShareRow>> shares = new HashMap<>();
		jdbc.query("""
				SELECT project_id, unit_id, share_bp, valid_from, valid_to FROM project_credit_share
				WHERE project_id IN (:ids) ORDER BY project_id, unit_id""", p, rs -> {
			shares.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new ShareRow(rs.getLong(2), rs.getInt(3), rs.getObject(4, LocalDate.class),
						rs.getObject(5, LocalDate.class)));
		});
		if (part.stages()) {
			jdbc.query("""
					SELECT project_id, to_stage, amount, effective_date, counted_from, counted_to
					FROM project_counted_move WHERE project_id IN (:ids)""", p, rs -> {
				long project = rs.getLong(1);
				CountedSums.Counted counted = new CountedSums.Counted(project, rs.getString(2), rs.getBigDecimal(3),
						rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
						rs.getObject(6, LocalDate.class));
				stages(c.stages(), counted, landing.get(project), shares.getOrDefault(project, List.of()));
			});
		}
		if (part.funds()) {
			Map<Long, Map<YearMonth, FundsSum>> months = new HashMap<>();
			jdbc.query("""
					SELECT project_id, funds_month, SUM(funds_in_place), SUM(out_of_province), SUM(foreign_used)
					FROM project_funds WHERE project_id IN (:ids) GROUP BY project_id, funds_month""", p, rs -> {
				months.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
					.merge(YearMonth.from(rs.getObject(2, LocalDate.class)),
							new FundsSum(rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)), FundsSum::plus);
			});
			months.forEach((project, byMonth) -> funds(c.funds(), byMonth, landing.get(project),
					shares.getOrDefault(project, List.of())));
		}
	}

	/** A counted move: out of the landing unit and split over the shares in force, at each E on which it counts. */
	private static void stages(Map<CountedSums.Key, StageSum> sums, CountedSums.Counted counted, Long landing,
			List<ShareRow> shares) {
		BigDecimal one = BigDecimal.ONE.setScale(1);
		BigDecimal amount = (counted.amount() == null ? BigDecimal.ZERO : counted.amount()).setScale(2);
		LocalDate month = counted.effective().withDayOfMonth(1);
		for (LocalDate e : CountedSums.monthEnds(counted)) {
			if (landing != null) {
				sums.merge(new CountedSums.Key(e, landing, counted.stage(), month), new StageSum(one, amount).negate(),
						StageSum::plus);
			}
			List<Shares.Share> inForce = inForce(shares, e);
			Map<Long, BigDecimal> counts = split(one, inForce, 1);
			Map<Long, BigDecimal> amounts = split(amount, inForce, 2);
			for (Shares.Share s : inForce) {
				sums.merge(new CountedSums.Key(e, s.key(), counted.stage(), month),
						new StageSum(counts.getOrDefault(s.key(), BigDecimal.ZERO.setScale(1)),
								amounts.getOrDefault(s.key(), BigDecimal.ZERO.setScale(2))),
						StageSum::plus);
			}
		}
	}

	/**
	 * A project's funds rows by month: for each year with rows, each month's end E of that year and each window a
	 * period ending on E can ask for, the window's sums out of the landing unit and split over the shares in force.
	 */
	private static void funds(Map<FundsKey, FundsSum> sums, Map<YearMonth, FundsSum> byMonth, Long landing,
			List<ShareRow> shares) {
		for (int year : new TreeSet<>(byMonth.keySet().stream().map(YearMonth::getYear).toList())) {
			// running sums: upTo[m] holds January to month m
			FundsSum[] upTo = new FundsSum[13];
			upTo[0] = FundsSum.ZERO;
			for (int m = 1; m <= 12; m++) {
				upTo[m] = upTo[m - 1].plus(byMonth.getOrDefault(YearMonth.of(year, m), FundsSum.ZERO));
			}
			for (int m = 1; m <= 12; m++) {
				LocalDate e = YearMonth.of(year, m).atEndOfMonth();
				List<Shares.Share> inForce = null;
				for (int first : windowStarts(m)) {
					FundsSum window = upTo[m].minus(upTo[first - 1]);
					if (window.isZero()) {
						continue;
					}
					LocalDate from = LocalDate.of(year, first, 1);
					if (landing != null) {
						sums.merge(new FundsKey(e, landing, from), window.negate(), FundsSum::plus);
					}
					if (inForce == null) {
						inForce = inForce(shares, e);
					}
					Map<Long, BigDecimal> in = split(window.in(), inForce, 2);
					Map<Long, BigDecimal> out = split(window.out(), inForce, 2);
					Map<Long, BigDecimal> foreign = split(window.foreign(), inForce, 2);
					BigDecimal zero = BigDecimal.ZERO.setScale(2);
					for (Shares.Share s : inForce) {
						sums.merge(new FundsKey(e, s.key(), from), new FundsSum(in.getOrDefault(s.key(), zero),
								out.getOrDefault(s.key(), zero), foreign.getOrDefault(s.key(), zero)), FundsSum::plus);
					}
				}
			}
		}
	}

	/**
	 * The first months of the windows that a period ending with month {@code m} can ask for: 1 January (the year to
	 * date and the year), the quarter's first month, and the month itself (distinct).
	 */
	static List<Integer> windowStarts(int m) {
		return List.copyOf(new LinkedHashSet<>(List.of(1, (m - 1) / 3 * 3 + 1, m)));
	}

	/** The shares in force on E, by unit id (the order the figures split in). */
	private static List<Shares.Share> inForce(List<ShareRow> shares, LocalDate e) {
		return shares.stream()
			.filter(s -> s.inForce(e))
			.sorted(Comparator.comparingLong(ShareRow::unit))
			.map(s -> new Shares.Share(s.unit(), s.basisPoints()))
			.toList();
	}

	/** A value over the shares as the figures split it: whole to a single share, by largest remainder otherwise. */
	private static Map<Long, BigDecimal> split(BigDecimal value, List<Shares.Share> shares, int scale) {
		if (shares.isEmpty() || value.signum() == 0) {
			return Map.of();
		}
		if (shares.size() == 1) {
			return Map.of(shares.get(0).key(), value.setScale(scale));
		}
		return Shares.split(value.setScale(scale), shares, scale);
	}

	// ------------------------------------------------------------------------------------------- writing

	private void lock(List<Long> ids) {
		for (int from = 0; from < ids.size(); from += CountedMoves.CHUNK) {
			jdbc.queryForList("SELECT id FROM project WHERE id IN (:ids) ORDER BY id FOR UPDATE",
					Map.of("ids", ids.subList(from, Math.min(ids.size(), from + CountedMoves.CHUNK))), Long.class);
		}
	}

	/** Adds {@code after - before}, key by key in one order (two writers never wait for each other crosswise). */
	private void apply(Contribution after, Contribution before) {
		TreeMap<CountedSums.Key, StageSum> stages = new TreeMap<>(CountedSums.Key.ORDER);
		after.stages().forEach((k, s) -> stages.merge(k, s, StageSum::plus));
		before.stages().forEach((k, s) -> stages.merge(k, s.negate(), StageSum::plus));
		for (var e : stages.entrySet()) {
			if (!e.getValue().isZero()) {
				FiguresTouched.asOf(e.getKey().asOf());
				MapSqlParameterSource params = params(e.getKey(), e.getValue());
				if (jdbc.update(STAGE_UPDATE, params) == 0) {
					jdbc.update(STAGE_INSERT, params);
				}
			}
		}
		TreeMap<FundsKey, FundsSum> funds = new TreeMap<>(FundsKey.ORDER);
		after.funds().forEach((k, s) -> funds.merge(k, s, FundsSum::plus));
		before.funds().forEach((k, s) -> funds.merge(k, s.negate(), FundsSum::plus));
		for (var e : funds.entrySet()) {
			if (!e.getValue().isZero()) {
				FiguresTouched.asOf(e.getKey().asOf());
				MapSqlParameterSource params = params(e.getKey(), e.getValue());
				if (jdbc.update(FUNDS_UPDATE, params) == 0) {
					jdbc.update(FUNDS_INSERT, params);
				}
			}
		}
	}

	private void insert(Contribution c) {
		List<SqlParameterSource> rows = new ArrayList<>();
		TreeMap<CountedSums.Key, StageSum> stages = new TreeMap<>(CountedSums.Key.ORDER);
		stages.putAll(c.stages());
		stages.forEach((k, s) -> {
			if (!s.isZero()) {
				rows.add(params(k, s));
			}
		});
		batch(STAGE_INSERT, rows);
		rows.clear();
		TreeMap<FundsKey, FundsSum> funds = new TreeMap<>(FundsKey.ORDER);
		funds.putAll(c.funds());
		funds.forEach((k, s) -> {
			if (!s.isZero()) {
				rows.add(params(k, s));
			}
		});
		batch(FUNDS_INSERT, rows);
	}

	private void batch(String sql, List<SqlParameterSource> rows) {
		for (int from = 0; from < rows.size(); from += CountedMoves.CHUNK) {
			jdbc.batchUpdate(sql,
					rows.subList(from, Math.min(rows.size(), from + CountedMoves.CHUNK)).toArray(SqlParameterSource[]::new));
		}
	}

	private static MapSqlParameterSource params(CountedSums.Key k, StageSum s) {
		return new MapSqlParameterSource().addValue("e", k.asOf(), Types.DATE)
			.addValue("u", k.unit(), Types.BIGINT)
			.addValue("s", k.stage(), Types.VARCHAR)
			.addValue("m", k.month(), Types.DATE)
			.addValue("n", s.count(), Types.NUMERIC)
			.addValue("a", s.amount(), Types.NUMERIC);
	}

	private static MapSqlParameterSource params(FundsKey k, FundsSum s) {
		return new MapSqlParameterSource().addValue("e", k.asOf(), Types.DATE)
			.addValue("u", k.unit(), Types.BIGINT)
			.addValue("f", k.from(), Types.DATE)
			.addValue("in", s.in(), Types.NUMERIC)
			.addValue("out", s.out(), Types.NUMERIC)
			.addValue("foreign", s.foreign(), Types.NUMERIC);
	}
}
