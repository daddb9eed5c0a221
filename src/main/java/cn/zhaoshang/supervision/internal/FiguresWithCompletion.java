package cn.zhaoshang.supervision.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.supervision.Completion;
import cn.zhaoshang.supervision.ReportingPeriod;
import cn.zhaoshang.supervision.SupervisionFigures;
import cn.zhaoshang.supervision.TargetIndicator;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures as everyone reads them: {@link FiguresQuery}'s figures joined with the year's targets. Completion
 * compares the year to date with the annual target at the pace of the period's last month, per unit and for the
 * city (the totals over the sum of the units' targets).
 */
@Service
@Primary
@Transactional(readOnly = true)
class FiguresWithCompletion implements SupervisionFigures {

	private final FiguresQuery figures;
	private final TargetQueries targets;

	FiguresWithCompletion(FiguresQuery figures, TargetQueries targets) {
		this.figures = figures;
		this.targets = targets;
	}

	@Override
	public Result of(ReportingPeriod period) {
		Result plain = figures.of(period);
		TargetQueries.YearTargets year = targets.forYear(period.year());
		Map<Long, TargetValues> byUnit = new LinkedHashMap<>();
		year.lines().forEach(l -> byUnit.put(l.unitId(), l.values()));
		int month = period.lastMonth();
		List<UnitRow> rows = plain.rows().stream()
			.map(r -> new UnitRow(r.unitId(), r.unitName(), r.period(), r.yearToDate(),
					completion(r.yearToDate(), byUnit.getOrDefault(r.unitId().value(), TargetValues.EMPTY), month)))
			.toList();
		return new Result(period, plain.asOf(), rows, plain.totals(), plain.totalsYearToDate(),
				completion(plain.totalsYearToDate(), year.totals(), month));
	}

	/** Completion per indicator that has both a target and a figure, in indicator order. */
	static Map<String, Completion> completion(Figures yearToDate, TargetValues target, int month) {
		Map<String, Completion> map = new LinkedHashMap<>();
		for (TargetIndicator indicator : TargetIndicator.values()) {
			BigDecimal goal = target.get(indicator);
			BigDecimal achieved = yearToDate.of(indicator);
			if (goal != null && achieved != null) {
				map.put(indicator.field(), Completion.of(achieved, goal, month));
			}
		}
		return map;
	}
}
