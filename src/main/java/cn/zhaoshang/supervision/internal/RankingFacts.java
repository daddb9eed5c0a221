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

import cn.zhaoshang.platform.Shares;
import cn.zhaoshang.supervision.ReportingPeriod;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The projects behind the figures of a period, for the quarterly ranking (ADR 0015): which stage moves and funds
 * rows the figures read model counted for a unit, with the unit's part of each. It wraps the read model's own SQL
 * ({@link FiguresQuery#STAGE_FACTS}, {@link FiguresQuery#FUNDS_FACTS}) and splits over the shares the same way, so
 * a drill-down adds up to the figure it explains and no counting rule is written twice.
 */
@Service
@Transactional(readOnly = true)
public class RankingFacts {

	/** One project behind a figure: the unit's share and its part of the project's value. */
	public record ProjectPart(long projectId, String code, String name, boolean keyProject, int shareBasisPoints,
			BigDecimal whole, BigDecimal part) {
	}

	/** Which figure of the stage facts. */
	public enum StageFigure {
		SIGNED_COUNT("SIGNED", false), CONTRACTED_INVESTMENT("SIGNED", true), COMMENCED_COUNT("COMMENCED", false),
		PRODUCTION_COUNT("IN_PRODUCTION", false);

		final String stage;
		final boolean amount;

		StageFigure(String stage, boolean amount) {
			this.stage = stage;
			this.amount = amount;
		}
	}

	/** Which figure of the funds facts. */
	public enum FundsFigure {
		FUNDS_IN_PLACE("fip"), OUT_OF_PROVINCE("oop"), FOREIGN_USED("fu");

		final String column;

		FundsFigure(String column) {
			this.column = column;
		}
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	RankingFacts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
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

	private record Fact(long projectId, String code, String name, boolean key, long unit, int bp, BigDecimal value) {
	}

	/**
	 * The stage facts behind a figure for a unit: in the period only ({@code periodOnly}) or the year to date, and
	 * optionally key projects only. Each project's value (1, or the contracted amount) split over its shares.
	 */
	public List<ProjectPart> stageFacts(ReportingPeriod period, StageFigure figure, boolean periodOnly, boolean keyOnly,
			long unitId) {
		return parts(stageRows(period, figure, periodOnly, keyOnly), figure.amount ? 2 : 1, unitId);
	}

	/** Key projects commenced in the period, per unit (a tenth per 10 % share). */
	public Map<Long, BigDecimal> keyCommenced(ReportingPeriod period) {
		return totals(stageRows(period, StageFigure.COMMENCED_COUNT, true, true), 1);
	}

	/** The funds rows behind a funds figure for a unit, the period's or the year to date's. */
	public List<ProjectPart> fundsFacts(ReportingPeriod period, FundsFigure figure, boolean periodOnly, long unitId) {
		String column = figure.column + (periodOnly ? "_p" : "");
		List<Fact> rows = jdbc.sql("SELECT x.project_id, p.code, p.name, p.key_project, x.unit_id, x.share_bp, x."
				+ column + " AS v FROM (" + FiguresQuery.FUNDS_FACTS + ") x JOIN project p ON p.id = x.project_id")
			.params(params(period))
			.query((rs, n) -> new Fact(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getLong(5),
					rs.getInt(6), rs.getBigDecimal(7)))
			.list();
		return parts(rows, 2, unitId);
	}

	private List<Fact> stageRows(ReportingPeriod period, StageFigure figure, boolean periodOnly, boolean keyOnly) {
		String sql = "SELECT x.project_id, p.code, p.name, p.key_project, x.unit_id, x.share_bp, "
				+ (figure.amount ? "x.amount" : "1") + " AS v FROM (" + FiguresQuery.STAGE_FACTS
				+ ") x JOIN project p ON p.id = x.project_id WHERE x.to_stage = :stage"
				+ (periodOnly ? " AND x.in_period = 1" : "") + (keyOnly ? " AND p.key_project = TRUE" : "");
		Map<String, Object> params = params(period);
		params.put("stage", figure.stage);
		return jdbc.sql(sql).params(params).query((rs, n) -> new Fact(rs.getLong(1), rs.getString(2), rs.getString(3),
				rs.getBoolean(4), rs.getLong(5), rs.getInt(6), rs.getBigDecimal(7))).list();
	}

	/** Groups the rows by project (shares consecutive, as the fragments order them) and splits each value. */
	private static Map<Long, List<Fact>> byProject(List<Fact> rows) {
		Map<Long, List<Fact>> map = new LinkedHashMap<>();
		for (Fact f : rows) {
			map.computeIfAbsent(f.projectId(), k -> new ArrayList<>()).add(f);
		}
		return map;
	}

	private static Map<Long, BigDecimal> split(List<Fact> shares, int scale) {
		BigDecimal value = shares.get(0).value();
		if (value == null || value.signum() == 0) {
			return Map.of();
		}
		List<Shares.Share> list = shares.stream().map(f -> new Shares.Share(f.unit(), f.bp())).toList();
		return Shares.split(value.setScale(scale), list, scale);
	}

	private static List<ProjectPart> parts(List<Fact> rows, int scale, long unitId) {
		List<ProjectPart> out = new ArrayList<>();
		for (List<Fact> shares : byProject(rows).values()) {
			BigDecimal part = split(shares, scale).get(unitId);
			if (part == null) {
				continue;
			}
			Fact mine = shares.stream().filter(f -> f.unit() == unitId).findFirst().orElseThrow();
			out.add(new ProjectPart(mine.projectId(), mine.code(), mine.name(), mine.key(), mine.bp(),
					mine.value().setScale(scale), part));
		}
		out.sort(java.util.Comparator.comparing(ProjectPart::code));
		return out;
	}

	private static Map<Long, BigDecimal> totals(List<Fact> rows, int scale) {
		Map<Long, BigDecimal> out = new HashMap<>();
		for (List<Fact> shares : byProject(rows).values()) {
			split(shares, scale).forEach((unit, part) -> out.merge(unit, part, BigDecimal::add));
		}
		return out;
	}
}
