package cn.zhaoshang.supervision.ranking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.dispatch.DispatchRounds;
import cn.zhaoshang.dispatch.DispatchRounds.RoundSummary;
import cn.zhaoshang.dispatch.DispatchRounds.ScopeFacts;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.supervision.ReportingPeriod;
import cn.zhaoshang.supervision.internal.RankingFacts;
import cn.zhaoshang.supervision.internal.RankingFacts.FundsFigure;
import cn.zhaoshang.supervision.internal.RankingFacts.ProjectPart;
import cn.zhaoshang.supervision.internal.RankingFacts.StageFigure;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The projects behind one value of a score (ADR 0015), for a unit and quarter: the stage moves and funds rows the
 * figures read model counted (with the unit's share and part, so the parts add up to the value's figure), the
 * dispatch reports due, or the stalled projects. Computed from today's data: for a published ranking it shows
 * what lies behind the figure now, beside the frozen value.
 */
@Service
@Transactional(readOnly = true)
public class RankingDrillDown {

	/**
	 * One project behind a value.
	 *
	 * @param detail what about it counts (a stage, a round and its report status), as a message key and argument
	 * @param sharePercent the unit's credit share in percent (null where shares do not apply)
	 * @param whole the project's own value (1, an amount), null for dispatch lines
	 * @param part the unit's part of it
	 */
	public record Line(long projectId, String code, String name, String detail, String detailArg,
			BigDecimal sharePercent, BigDecimal whole, BigDecimal part) {
	}

	/** The lines of a drill-down and, for funds growth, last year's lines too. */
	public record Result(RankingCriterion criterion, String quarter, long unitId, List<Line> lines,
			List<Line> lastYear) {

		/** The sum of the unit's parts (null where the lines are not amounts or counts). */
		public BigDecimal total() {
			return sum(lines);
		}

		public BigDecimal lastYearTotal() {
			return sum(lastYear);
		}

		private static BigDecimal sum(List<Line> lines) {
			BigDecimal t = null;
			for (Line l : lines) {
				if (l.part() != null) {
					t = t == null ? l.part() : t.add(l.part());
				}
			}
			return t;
		}
	}

	private final RankingFacts facts;
	private final RankingInputs inputs;
	private final DispatchRounds dispatch;
	private final JdbcClient jdbc;

	RankingDrillDown(RankingFacts facts, RankingInputs inputs, DispatchRounds dispatch, JdbcClient jdbc) {
		this.facts = facts;
		this.inputs = inputs;
		this.dispatch = dispatch;
		this.jdbc = jdbc;
	}

	public Result of(ReportingPeriod quarter, long unitId, RankingCriterion criterion) {
		List<Line> lines;
		List<Line> lastYear = List.of();
		switch (criterion) {
			case COMPLETION_SIGNED_COUNT -> lines = stage(quarter, StageFigure.SIGNED_COUNT, false, false, unitId);
			case COMPLETION_CONTRACTED_INVESTMENT ->
				lines = stage(quarter, StageFigure.CONTRACTED_INVESTMENT, false, false, unitId);
			case COMPLETION_COMMENCED_COUNT -> lines = stage(quarter, StageFigure.COMMENCED_COUNT, false, false, unitId);
			case COMPLETION_PRODUCTION_COUNT ->
				lines = stage(quarter, StageFigure.PRODUCTION_COUNT, false, false, unitId);
			case COMPLETION_FUNDS_IN_PLACE -> lines = funds(quarter, FundsFigure.FUNDS_IN_PLACE, false, unitId);
			case COMPLETION_OUT_OF_PROVINCE -> lines = funds(quarter, FundsFigure.OUT_OF_PROVINCE, false, unitId);
			case COMPLETION_FOREIGN_USED -> lines = funds(quarter, FundsFigure.FOREIGN_USED, false, unitId);
			case KEY_PROJECTS_COMMENCED -> lines = stage(quarter, StageFigure.COMMENCED_COUNT, true, true, unitId);
			case FUNDS_GROWTH -> {
				lines = funds(quarter, FundsFigure.FUNDS_IN_PLACE, true, unitId);
				lastYear = funds(RankingInputs.lastYear(quarter), FundsFigure.FUNDS_IN_PLACE, true, unitId);
			}
			case DISPATCH_REPORTS -> lines = reports(quarter, unitId);
			case STALLED_PROJECTS -> lines = stalled(quarter, unitId);
			default -> throw new IllegalStateException(criterion.name());
		}
		return new Result(criterion, quarter.toString(), unitId, lines, lastYear);
	}

	private static List<Line> lines(List<ProjectPart> parts, String detail) {
		return parts.stream()
			.map(p -> new Line(p.projectId(), p.code(), p.name(), detail, null,
					BigDecimal.valueOf(p.shareBasisPoints()).movePointLeft(2).stripTrailingZeros(), p.whole(), p.part()))
			.toList();
	}

	private List<Line> stage(ReportingPeriod q, StageFigure f, boolean periodOnly, boolean keyOnly, long unitId) {
		return lines(facts.stageFacts(q, f, periodOnly, keyOnly, unitId), "ranking.detail." + f.name());
	}

	private List<Line> funds(ReportingPeriod q, FundsFigure f, boolean periodOnly, long unitId) {
		return lines(facts.fundsFacts(q, f, periodOnly, unitId), "ranking.detail." + f.name());
	}

	private List<Line> reports(ReportingPeriod quarter, long unitId) {
		List<ScopeFacts> mine = new ArrayList<>();
		Map<Long, String> roundNames = new HashMap<>();
		for (RoundSummary r : inputs.rounds(quarter)) {
			roundNames.put(r.id().value(), r.name());
			dispatch.scope(r.id()).stream().filter(s -> s.unitId().value() == unitId).forEach(mine::add);
		}
		Map<Long, String[]> names = names(mine.stream().map(s -> s.projectId().value()).toList());
		return mine.stream().map(s -> {
			String[] n = names.getOrDefault(s.projectId().value(), new String[] { "", "" });
			return new Line(s.projectId().value(), n[0], n[1], s.reportStatus().messageKey(),
					roundNames.get(s.roundId().value()), null, null,
					s.reportStatus().isSubmitted() ? BigDecimal.ONE : BigDecimal.ZERO);
		}).toList();
	}

	private List<Line> stalled(ReportingPeriod quarter, long unitId) {
		var round = inputs.stalledRound(quarter);
		if (round.isEmpty()) {
			return List.of();
		}
		Map<Long, Long> unitOf = new HashMap<>();
		dispatch.scope(round.get().id()).forEach(s -> unitOf.put(s.projectId().value(), s.unitId().value()));
		List<Long> ids = dispatch.stalledIn(round.get().id()).stream()
			.map(ProjectId::value)
			.filter(p -> Long.valueOf(unitId).equals(unitOf.get(p)))
			.toList();
		Map<Long, String[]> names = names(ids);
		return ids.stream().map(p -> {
			String[] n = names.getOrDefault(p, new String[] { "", "" });
			return new Line(p, n[0], n[1], "ranking.detail.stalled", round.get().name(), null, null, BigDecimal.ONE);
		}).toList();
	}

	private Map<Long, String[]> names(List<Long> ids) {
		Map<Long, String[]> out = new HashMap<>();
		if (ids.isEmpty()) {
			return out;
		}
		jdbc.sql("SELECT id, code, name FROM project WHERE id IN (:ids)")
			.param("ids", ids)
			.query(rs -> {
				out.put(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3) });
			});
		return out;
	}
}
