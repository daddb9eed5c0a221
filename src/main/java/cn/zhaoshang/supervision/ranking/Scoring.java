package cn.zhaoshang.supervision.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of a ranking (ADR 0015), free of any database: a formula applied to each unit's inputs gives its
 * parts (criterion, value, weight, points) and score; units are placed by score, equal scores sharing a place
 * (1, 1, 3), in the units' order among equals.
 */
public final class Scoring {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Scoring() {
	}

	/**
	 * One input of a criterion for a unit.
	 *
	 * @param value the criterion's value (a percentage or a count), null when it does not apply
	 * @param achieved what was achieved (the figure, the reports submitted, the count)
	 * @param basis what it was compared with (the target, last year's figure, the reports due), if anything
	 */
	public record Input(BigDecimal value, BigDecimal achieved, BigDecimal basis) {
	}

	/** One unit's inputs, by criterion. */
	public record UnitInputs(long unitId, String unitName, Map<RankingCriterion, Input> inputs) {
	}

	/** One line of a score. */
	public record Part(RankingCriterion criterion, BigDecimal value, BigDecimal achieved, BigDecimal basis,
			BigDecimal weight, BigDecimal cap, BigDecimal points) {
	}

	/** One unit's place and score with its parts. */
	public record Row(long unitId, String unitName, int rank, BigDecimal score, List<Part> parts) {
	}

	/** Points of one value under a criterion of the formula, to the cent (half up). */
	public static BigDecimal points(Formula.Criterion c, BigDecimal value) {
		if (value == null) {
			return BigDecimal.ZERO.setScale(2);
		}
		BigDecimal v = c.cap() != null && value.compareTo(c.cap()) > 0 ? c.cap() : value;
		BigDecimal p = switch (c.criterion().kind()) {
			case PERCENT -> c.weight().multiply(v.max(BigDecimal.ZERO)).divide(HUNDRED);
			case COUNT -> c.weight().multiply(v.max(BigDecimal.ZERO));
			case DEDUCTION -> c.weight().multiply(v.max(BigDecimal.ZERO)).negate();
		};
		return p.setScale(2, RoundingMode.HALF_UP);
	}

	/** Scores and places every unit. */
	public static List<Row> rank(Formula formula, List<UnitInputs> units) {
		List<Row> scored = new ArrayList<>();
		for (UnitInputs u : units) {
			List<Part> parts = new ArrayList<>();
			BigDecimal score = BigDecimal.ZERO.setScale(2);
			for (Formula.Criterion c : formula.criteria()) {
				Input in = u.inputs().getOrDefault(c.criterion(), new Input(null, null, null));
				BigDecimal points = points(c, in.value());
				parts.add(new Part(c.criterion(), in.value(), in.achieved(), in.basis(), c.weight(), c.cap(), points));
				score = score.add(points);
			}
			scored.add(new Row(u.unitId(), u.unitName(), 0, score, parts));
		}
		List<Row> sorted = new ArrayList<>(scored);
		sorted.sort(Comparator.comparing(Row::score).reversed());
		List<Row> out = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			Row r = sorted.get(i);
			int rank = i > 0 && sorted.get(i - 1).score().compareTo(r.score()) == 0 ? out.get(i - 1).rank() : i + 1;
			out.add(new Row(r.unitId(), r.unitName(), rank, r.score(), r.parts()));
		}
		return out;
	}
}
