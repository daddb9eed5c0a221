package cn.zhaoshang.service.approval;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The time rule of an approval (named policy): the statutory limit counts calendar days from the submitted date,
 * so the approval is due on {@code submitted + limitDays}. An open approval past that day is overdue by the days
 * since; an approved one was late by the days its approval came after it. Days taken run from submitted to
 * approved (or to today while open).
 */
public final class ApprovalClock {

	private ApprovalClock() {
	}

	public static LocalDate due(LocalDate submitted, int limitDays) {
		return submitted.plusDays(limitDays);
	}

	/** Days past the due day (0 when within the limit). */
	public static long overdueDays(LocalDate submitted, int limitDays, LocalDate approved, LocalDate today) {
		LocalDate end = approved == null ? today : approved;
		long late = ChronoUnit.DAYS.between(due(submitted, limitDays), end);
		return Math.max(0, late);
	}

	public static long daysTaken(LocalDate submitted, LocalDate approved, LocalDate today) {
		return Math.max(0, ChronoUnit.DAYS.between(submitted, approved == null ? today : approved));
	}

	/** The median of the values (the mean of the middle two for an even count); null for none. */
	public static Double median(java.util.List<Long> values) {
		if (values.isEmpty()) {
			return null;
		}
		var sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2).doubleValue() : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
	}
}
