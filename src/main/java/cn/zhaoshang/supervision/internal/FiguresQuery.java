package cn.zhaoshang.supervision.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.supervision.ReportingPeriod;
import cn.zhaoshang.supervision.SupervisionFigures;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures read model (issue 11, ADR 0012): for a period, as of its last day E, per unit through the credit
 * shares in force on E, from dated facts only.
 * <ul>
 * <li>A stage move counts from its <em>effective day</em>: its date, or, when it was approved by the city bureau
 * later, the day of approval (the later of the two). Moves submitted and not (yet) approved, or returned, never
 * count; a move approved after E does not count as of E.</li>
 * <li>A project counts as signed (commenced, in production) in a window when its move into that stage is effective
 * within the window and, as of E, nothing undid it: no later effective move took it back below that stage or into
 * it again, and it was not dropped (终止) as of E (a drop that was later resumed does not undo). Moves are taken in
 * the order they were recorded. A project signed in September and moved back or dropped in November still counts in
 * September's figures; the year to date as of November no longer counts it.</li>
 * <li>Contracted investment is the amount of the counted signing move.</li>
 * <li>Funds in place, from outside the province and foreign capital used are the sums of the funds rows whose
 * month lies in the window (a dropped project's funds still count: the money arrived).</li>
 * <li>Each project's figures are split over its shares by largest remainder: amounts to the fen, counts to a
 * tenth.</li>
 * </ul>
 * How (docs/benchmarks.md "Issue 11 — figures", ADR 0017): from read models kept by the writers in their
 * transaction, so that the work grows with the units and months, not with the projects. The stage figures of every
 * project are summed per landing unit in {@code project_counted_sum} (the counted moves as of each month's end), the
 * funds in {@code project_funds_sum} (monthly sums per landing unit). A project is <em>plain</em> when its only share
 * is the landing unit's automatic 100 % (every project unless allocation changed its shares); for the others the
 * writers keep corrections ({@code project_shared_counted_sum}, {@code project_shared_funds_sum}, V43): their part
 * taken out of the landing unit's sums and split over the shares in force on each month's end, project by project.
 * One statement sums the four tables for E (a few hundred rows).
 */
@Service
@Transactional(readOnly = true)
public class FiguresQuery implements SupervisionFigures {

	private final JdbcClient jdbc;
	private final UnitDirectory units;
	private final Clock clock;

	FiguresQuery(JdbcClient jdbc, UnitDirectory units, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.clock = clock;
	}

	/** The shares in force on E of alias {@code s}. */
	private static final String IN_FORCE = "(s.valid_from IS NULL OR s.valid_from <= :e) AND (s.valid_to IS NULL OR s.valid_to >= :e)";

	/**
	 * The counted moves {@code c} of the year to date as of E: rows of {@code project_counted_move} (ADR 0016) whose
	 * effective day lies in the year to date and one of whose intervals holds E.
	 */
	private static final String COUNTED = """
			c.effective_date >= :y AND c.effective_date <= :e AND c.counted_from <= :e
			  AND (c.counted_to IS NULL OR c.counted_to > :e)""";

	/**
	 * The stage figures of every project by landing unit, as of E (a month's end), from the counted moves' sums
	 * (part 1): count and amount for the year to date ({@code v1}, {@code v3}) and the period ({@code v2},
	 * {@code v4}).
	 */
	static final String STAGES_WHOLE = """
			SELECT 1 AS fig_part, unit_id, to_stage AS fig_stage, CAST(NULL AS DATE) AS fig_month,
			       SUM(move_count) AS v1, SUM(CASE WHEN effective_month >= :s THEN move_count ELSE 0 END) AS v2,
			       SUM(amount) AS v3,
			       SUM(CASE WHEN effective_month >= :s THEN amount ELSE 0 END) AS v4
			FROM project_counted_sum
			WHERE as_of = :e
			GROUP BY unit_id, to_stage""";

	/**
	 * The corrections of the projects that are not plain to {@link #STAGES_WHOLE}, as of E (part 2, the same
	 * columns): taken out of their landing unit and split over their shares in force on E, project by project, by
	 * the writers ({@code project_shared_counted_sum}, V43); counts in tenths.
	 */
	static final String STAGES_SHARED = STAGES_WHOLE.replace("SELECT 1 AS fig_part", "SELECT 2 AS fig_part")
		.replace("FROM project_counted_sum", "FROM project_shared_counted_sum");

	/**
	 * The funds of the year to date by landing unit and month, from the monthly sums of every project (part 3):
	 * funds in place, from outside the province, foreign capital used ({@code v1} to {@code v3}).
	 */
	static final String FUNDS_WHOLE = """
			SELECT 3, unit_id, CAST(NULL AS VARCHAR(20)), sum_month, SUM(funds_in_place), SUM(out_of_province),
			       SUM(foreign_used), CAST(NULL AS NUMERIC(16, 2))
			FROM project_funds_sum
			WHERE sum_month >= :y AND sum_month <= :e
			GROUP BY unit_id, sum_month""";

	/**
	 * The corrections of the projects that are not plain to {@link #FUNDS_WHOLE}, as of E (part 4, month = the
	 * window's first month), for the windows from 1 January (the year to date) and from the period's start
	 * ({@code project_shared_funds_sum}, V43: each project's window sums taken out of its landing unit and split over
	 * its shares in force on E by the writers).
	 */
	static final String FUNDS_SHARED = """
			SELECT 4, unit_id, CAST(NULL AS VARCHAR(20)), from_month, SUM(funds_in_place), SUM(out_of_province),
			       SUM(foreign_used), CAST(NULL AS NUMERIC(16, 2))
			FROM project_shared_funds_sum
			WHERE as_of = :e AND (from_month = :y OR from_month = :s)
			GROUP BY unit_id, from_month""";

	/**
	 * The four parts in one statement (one round trip: with statements of a millisecond, the round trips and the
	 * scheduling of a loaded machine are what a call costs).
	 */
	static final String FIGURES = String.join("\nUNION ALL\n", STAGES_WHOLE, STAGES_SHARED, FUNDS_WHOLE,
			FUNDS_SHARED);

	/**
	 * The drill-down behind the stage figures (the rankings' explanations): one row per counted move and share in
	 * force, with {@code in_period} 1 when the move is effective in the period. The {@code COUNTED} rule (ADR 0017) the
	 * counted sums hold.
	 */
	static final String STAGE_FACTS = """
			SELECT c.project_id, c.to_stage, c.amount, CASE WHEN c.effective_date >= :s THEN 1 ELSE 0 END AS in_period,
			       s.unit_id, s.share_bp
			FROM project_counted_move c
			JOIN project_credit_share s ON s.project_id = c.project_id AND %s
			WHERE %s
			ORDER BY c.project_id, c.to_stage, s.unit_id""".formatted(IN_FORCE, COUNTED);

	/** The drill-down behind the funds figures: per project and share in force, year to date and period sums. */
	static final String FUNDS_FACTS = """
			SELECT f.project_id, f.fip, f.oop, f.fu, f.fip_p, f.oop_p, f.fu_p, s.unit_id, s.share_bp
			FROM (SELECT project_id, SUM(funds_in_place) AS fip, SUM(out_of_province) AS oop, SUM(foreign_used) AS fu,
			             SUM(CASE WHEN funds_month >= :s THEN funds_in_place ELSE 0 END) AS fip_p,
			             SUM(CASE WHEN funds_month >= :s THEN out_of_province ELSE 0 END) AS oop_p,
			             SUM(CASE WHEN funds_month >= :s THEN foreign_used ELSE 0 END) AS fu_p
			      FROM project_funds
			      WHERE funds_month >= :y AND funds_month <= :e
			      GROUP BY project_id) f
			JOIN project_credit_share s ON s.project_id = f.project_id AND %s
			ORDER BY f.project_id, s.unit_id""".formatted(IN_FORCE);

	/** Accumulates one unit's figures: index 0-6 the period, 7-13 the year to date. */
	private static final class Sums {

		final BigDecimal[] v = new BigDecimal[14];

		Sums() {
			for (int i = 0; i < v.length; i++) {
				v[i] = BigDecimal.ZERO.setScale(i % 7 == 0 || i % 7 == 2 || i % 7 == 3 ? 1 : 2);
			}
		}

		void add(int i, BigDecimal x) {
			v[i] = v[i].add(x);
		}

		Figures figures(int offset) {
			return new Figures(v[offset], v[offset + 1], v[offset + 2], v[offset + 3], v[offset + 4], v[offset + 5],
					v[offset + 6]);
		}
	}

	/** The statements {@link #of} runs for a period, with their parameters (for the benchmark's raw run). */
	List<Map.Entry<String, Map<String, Object>>> statements(ReportingPeriod period) {
		Map<String, Object> params = params(period);
		return List.of(Map.entry(FIGURES, params));
	}

	private Map<String, Object> params(ReportingPeriod period) {
		LocalDate e = period.end();
		LocalDate s = period.start();
		LocalDate y = period.yearStart();
		var zone = clock.getZone();
		Map<String, Object> params = new HashMap<>();
		params.put("e", e);
		params.put("s", s);
		params.put("y", y);
		params.put("eAt", OffsetDateTime.from(e.plusDays(1).atStartOfDay(zone)));
		params.put("sAt", OffsetDateTime.from(s.atStartOfDay(zone)));
		params.put("yAt", OffsetDateTime.from(y.atStartOfDay(zone)));
		return params;
	}

	@Override
	public Result of(ReportingPeriod period) {
		LocalDate e = period.end();
		Map<String, Object> params = params(period);
		LocalDate s = period.start();
		Map<Long, Sums> byUnit = new HashMap<>();
		LocalDate y = period.yearStart();
		jdbc.sql(FIGURES).params(params).query(rs -> {
			int part = rs.getInt(1);
			Sums sums = byUnit.computeIfAbsent(rs.getLong(2), u -> new Sums());
			if (part <= 2) {
				// stage sums and the corrections of the projects that are not plain
				String stage = rs.getString(3);
				int count = stageIndex(stage);
				sums.add(count + 7, rs.getBigDecimal(5).setScale(1));
				sums.add(count, rs.getBigDecimal(6).setScale(1));
				if (stage.equals("SIGNED")) {
					sums.add(1 + 7, rs.getBigDecimal(7).setScale(2));
					sums.add(1, rs.getBigDecimal(8).setScale(2));
				}
				return;
			}
			LocalDate month = rs.getObject(4, LocalDate.class);
			// part 3, a month's funds: in the year to date, and in the period from its start; part 4, a window's
			// corrections: from 1 January the year to date, from the period's start the period (both for a year)
			boolean ytd = part == 3 || month.equals(y);
			boolean inPeriod = part == 3 ? !month.isBefore(s) : month.equals(s);
			for (int i = 0; i < 3; i++) {
				BigDecimal v = rs.getBigDecimal(5 + i).setScale(2);
				if (ytd) {
					sums.add(4 + i + 7, v);
				}
				if (inPeriod) {
					sums.add(4 + i, v);
				}
			}
		});
		List<UnitRow> rows = new ArrayList<>();
		Map<Long, UnitSummary> known = new LinkedHashMap<>();
		for (UnitSummary u : units.all()) {
			known.put(u.id().value(), u);
		}
		Figures total = Figures.ZERO;
		Figures totalYtd = Figures.ZERO;
		for (UnitSummary u : known.values()) {
			Sums sums = byUnit.remove(u.id().value());
			boolean listed = u.active() && !"INTERMEDIARY".equals(u.type());
			if (sums == null && !listed) {
				continue;
			}
			Sums v = sums == null ? new Sums() : sums;
			rows.add(new UnitRow(u.id(), u.name(), v.figures(0), v.figures(7), Map.of()));
			total = total.plus(v.figures(0));
			totalYtd = totalYtd.plus(v.figures(7));
		}
		for (var left : byUnit.entrySet()) {
			// a unit the directory no longer knows: its figures still count
			rows.add(new UnitRow(new UnitId(left.getKey()), null, left.getValue().figures(0), left.getValue().figures(7),
					Map.of()));
			total = total.plus(left.getValue().figures(0));
			totalYtd = totalYtd.plus(left.getValue().figures(7));
		}
		return new Result(period, e, rows, total, totalYtd);
	}

	/** The index of a stage's count in {@link Sums}: signed 0, commenced 2, in production 3. */
	private static int stageIndex(String stage) {
		return switch (stage) {
			case "SIGNED" -> 0;
			case "COMMENCED" -> 2;
			default -> 3;
		};
	}
}
