package cn.zhaoshang.supervision.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhaoshang.dispatch.DispatchRounds;
import cn.zhaoshang.dispatch.DispatchRounds.RoundSummary;
import cn.zhaoshang.dispatch.DispatchRounds.ScopeFacts;
import cn.zhaoshang.dispatch.RoundStatus;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.supervision.Completion;
import cn.zhaoshang.supervision.ReportingPeriod;
import cn.zhaoshang.supervision.SupervisionFigures;
import cn.zhaoshang.supervision.SupervisionFigures.UnitRow;
import cn.zhaoshang.supervision.internal.RankingFacts;
import cn.zhaoshang.supervision.internal.TargetUnits;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inputs of a quarter's ranking per unit (ADR 0015), each from the one place that owns it: completion and funds
 * from the figures read model ({@link SupervisionFigures}), key projects commenced from the read model's own stage
 * facts ({@link RankingFacts}), report completeness and stalled projects from the dispatch rounds
 * ({@link DispatchRounds}). The units ranked are those that take targets (counties and zones).
 */
@Service
@Transactional(readOnly = true)
public class RankingInputs {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final SupervisionFigures figures;
	private final RankingFacts facts;
	private final DispatchRounds dispatch;
	private final UnitDirectory units;

	RankingInputs(SupervisionFigures figures, RankingFacts facts, DispatchRounds dispatch, UnitDirectory units) {
		this.figures = figures;
		this.facts = facts;
		this.dispatch = dispatch;
		this.units = units;
	}

	/** The dispatch rounds whose period ends within the quarter, the latest first. */
	public List<RoundSummary> rounds(ReportingPeriod quarter) {
		return dispatch.all().stream()
			.filter(r -> !r.periodTo().isBefore(quarter.start()) && !r.periodTo().isAfter(quarter.end()))
			.toList();
	}

	/** The newest closed round of the quarter, whose stalled verdict the deduction reads. */
	public Optional<RoundSummary> stalledRound(ReportingPeriod quarter) {
		return rounds(quarter).stream().filter(r -> r.status() == RoundStatus.CLOSED).findFirst();
	}

	/** The same quarter a year before, for the growth of funds in place. */
	public static ReportingPeriod lastYear(ReportingPeriod quarter) {
		return new ReportingPeriod(quarter.kind(), quarter.year() - 1, quarter.number());
	}

	public List<Scoring.UnitInputs> of(ReportingPeriod quarter) {
		SupervisionFigures.Result now = figures.of(quarter);
		Map<Long, UnitRow> before = new HashMap<>();
		figures.of(lastYear(quarter)).rows().forEach(r -> before.put(r.unitId().value(), r));
		Map<Long, BigDecimal> key = facts.keyCommenced(quarter);
		Map<Long, int[]> reports = new HashMap<>();
		for (RoundSummary round : rounds(quarter)) {
			for (ScopeFacts s : dispatch.scope(round.id())) {
				int[] c = reports.computeIfAbsent(s.unitId().value(), u -> new int[2]);
				c[1]++;
				if (s.reportStatus().isSubmitted()) {
					c[0]++;
				}
			}
		}
		Map<Long, Integer> stalled = new HashMap<>();
		stalledRound(quarter).ifPresent(round -> {
			Map<Long, Long> unitOf = new HashMap<>();
			dispatch.scope(round.id()).forEach(s -> unitOf.put(s.projectId().value(), s.unitId().value()));
			for (ProjectId p : dispatch.stalledIn(round.id())) {
				Long unit = unitOf.get(p.value());
				if (unit != null) {
					stalled.merge(unit, 1, Integer::sum);
				}
			}
		});
		Map<Long, UnitSummary> ranked = new LinkedHashMap<>();
		units.all().stream().filter(TargetUnits::takesTargets).forEach(u -> ranked.put(u.id().value(), u));
		List<Scoring.UnitInputs> out = new ArrayList<>();
		for (UnitRow row : now.rows()) {
			UnitSummary unit = ranked.get(row.unitId().value());
			if (unit == null) {
				continue;
			}
			long id = unit.id().value();
			Map<RankingCriterion, Scoring.Input> in = new EnumMap<>(RankingCriterion.class);
			for (RankingCriterion c : RankingCriterion.values()) {
				c.indicator().ifPresent(indicator -> {
					Completion done = row.completion().get(indicator.field());
					in.put(c, done == null ? new Scoring.Input(null, row.yearToDate().of(indicator), null)
							: new Scoring.Input(done.percent(), done.achieved(), done.target()));
				});
			}
			BigDecimal keyCount = key.getOrDefault(id, BigDecimal.ZERO.setScale(1));
			in.put(RankingCriterion.KEY_PROJECTS_COMMENCED, new Scoring.Input(keyCount, keyCount, null));
			BigDecimal funds = row.period().fundsInPlace();
			UnitRow last = before.get(id);
			BigDecimal base = last == null ? BigDecimal.ZERO.setScale(2) : last.period().fundsInPlace();
			in.put(RankingCriterion.FUNDS_GROWTH, new Scoring.Input(base.signum() > 0
					? funds.subtract(base).multiply(HUNDRED).divide(base, 1, RoundingMode.HALF_UP) : null, funds, base));
			int[] r = reports.getOrDefault(id, new int[2]);
			// nothing due: nothing missing (a unit without projects in the rounds is not marked down)
			BigDecimal completeness = r[1] == 0 ? HUNDRED.setScale(1)
					: BigDecimal.valueOf(r[0]).multiply(HUNDRED).divide(BigDecimal.valueOf(r[1]), 1, RoundingMode.HALF_UP);
			in.put(RankingCriterion.DISPATCH_REPORTS,
					new Scoring.Input(completeness, BigDecimal.valueOf(r[0]), BigDecimal.valueOf(r[1])));
			BigDecimal s = BigDecimal.valueOf(stalled.getOrDefault(id, 0));
			in.put(RankingCriterion.STALLED_PROJECTS, new Scoring.Input(s, s, null));
			out.add(new Scoring.UnitInputs(id, unit.name(), in));
		}
		return out;
	}
}
