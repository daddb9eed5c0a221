package cn.zhaoshang.supervision.ranking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One version of the ranking formula: its criteria in order with their weights and caps. A version never changes;
 * an edit writes the next version.
 */
public record Formula(int version, String note, String createdBy, Instant createdAt, List<Criterion> criteria) {

	/** One criterion with its weight and cap (null: no cap). */
	public record Criterion(RankingCriterion criterion, BigDecimal weight, BigDecimal cap) {
	}

	/** The maximum points the formula can give (caps applied), for the page. */
	public BigDecimal maxPoints() {
		BigDecimal max = BigDecimal.ZERO;
		for (Criterion c : criteria) {
			if (c.criterion().kind() == RankingCriterion.Kind.DEDUCTION || c.cap() == null) {
				continue;
			}
			max = max.add(c.criterion().kind() == RankingCriterion.Kind.PERCENT
					? c.weight().multiply(c.cap()).movePointLeft(2) : c.weight().multiply(c.cap()));
		}
		return max.setScale(2, java.math.RoundingMode.HALF_UP);
	}
}
