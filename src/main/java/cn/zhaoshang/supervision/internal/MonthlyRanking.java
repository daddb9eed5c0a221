package cn.zhaoshang.supervision.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.zhaoshang.supervision.Completion;
import cn.zhaoshang.supervision.SupervisionFigures;
import cn.zhaoshang.supervision.SupervisionFigures.UnitRow;

/**
 * The ranking of units on completion in the monthly notification (ADR 0014): a unit's score is the average of its
 * completion percentages over the indicators it has a target for (each percentage as the figures give it, to one
 * decimal; the average rounded half up to one decimal). Higher is better; equal scores share a rank and the next
 * rank skips (1, 1, 3); units without any target are listed last without a rank. Completion comes from
 * {@link SupervisionFigures} only.
 */
public final class MonthlyRanking {

	/**
	 * One unit's place.
	 *
	 * @param rank 1 for the best, null without a target
	 * @param score the average completion in percent, null without a target
	 * @param indicators how many indicators the average is over
	 */
	public record Place(Long unitId, String unitName, Integer rank, BigDecimal score, int indicators) {
	}

	private MonthlyRanking() {
	}

	public static List<Place> of(SupervisionFigures.Result figures) {
		List<Place> scored = new ArrayList<>();
		List<Place> unscored = new ArrayList<>();
		for (UnitRow row : figures.rows()) {
			List<BigDecimal> percents = row.completion().values().stream()
				.filter(Completion::present)
				.map(Completion::percent)
				.toList();
			if (percents.isEmpty()) {
				unscored.add(new Place(row.unitId().value(), row.unitName(), null, null, 0));
			}
			else {
				BigDecimal sum = percents.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
				BigDecimal score = sum.divide(BigDecimal.valueOf(percents.size()), 1, RoundingMode.HALF_UP);
				scored.add(new Place(row.unitId().value(), row.unitName(), null, score, percents.size()));
			}
		}
		// stable: equal scores keep the units' order
		scored.sort(Comparator.comparing(Place::score).reversed());
		List<Place> ranked = new ArrayList<>();
		for (int i = 0; i < scored.size(); i++) {
			Place p = scored.get(i);
			int rank = i > 0 && p.score().compareTo(scored.get(i - 1).score()) == 0 ? ranked.get(i - 1).rank() : i + 1;
			ranked.add(new Place(p.unitId(), p.unitName(), rank, p.score(), p.indicators()));
		}
		ranked.addAll(unscored);
		return ranked;
	}
}
