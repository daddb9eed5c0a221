package cn.zhaoshang.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Completion of an annual target: achieved divided by target as a percentage to one decimal, beside the expected
 * pace (month divided by 12). No target (or a target of zero) means no completion, never a division by zero.
 *
 * @param achieved the figure achieved so far in the year (count or amount)
 * @param target the annual target, null when none was set
 * @param percent achieved / target x 100 rounded half up to one decimal, null without a target
 * @param pace the share of the year passed at the end of the month, as a percentage to one decimal
 */
public record Completion(BigDecimal achieved, BigDecimal target, BigDecimal percent, BigDecimal pace) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** Completion of {@code target} by {@code achieved} at the end of {@code month} (1 to 12). */
	public static Completion of(BigDecimal achieved, BigDecimal target, int month) {
		BigDecimal pace = pace(month);
		BigDecimal done = achieved == null ? BigDecimal.ZERO : achieved;
		BigDecimal percent = target == null || target.signum() <= 0 ? null
				: done.multiply(HUNDRED).divide(target, 1, RoundingMode.HALF_UP);
		return new Completion(done, target, percent, pace);
	}

	/** Counts: the same with whole numbers. */
	public static Completion of(long achieved, Long target, int month) {
		return of(BigDecimal.valueOf(achieved), target == null ? null : BigDecimal.valueOf(target), month);
	}

	/** The expected pace at the end of a month: month / 12 as a percentage to one decimal (October: 83.3). */
	public static BigDecimal pace(int month) {
		if (month < 1 || month > 12) {
			throw new IllegalArgumentException("month " + month);
		}
		return BigDecimal.valueOf(month).multiply(HUNDRED).divide(BigDecimal.valueOf(12), 1, RoundingMode.HALF_UP);
	}

	/** Whether a completion exists (a target was set). */
	public boolean present() {
		return percent != null;
	}

	/** Whether the unit is at or ahead of the expected pace; false without a target. */
	public boolean onPace() {
		return percent != null && percent.compareTo(pace) >= 0;
	}
}
