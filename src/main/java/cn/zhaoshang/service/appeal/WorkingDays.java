package cn.zhaoshang.service.appeal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Time limits in working days: Monday to Friday in the city's time zone, the deadline at the same time of day as
 * the start (a Saturday or Sunday start counts from the next Monday at 09:00). Public holidays and the make-up
 * working weekends are not known to the system yet: a limit over a holiday is that much shorter.
 */
final class WorkingDays {

	private WorkingDays() {
	}

	static Instant add(Instant start, int days, ZoneId zone) {
		ZonedDateTime t = start.atZone(zone);
		if (weekend(t)) {
			while (weekend(t)) {
				t = t.plusDays(1);
			}
			t = t.withHour(9).withMinute(0).withSecond(0).withNano(0);
		}
		int left = days;
		while (left > 0) {
			t = t.plusDays(1);
			if (!weekend(t)) {
				left--;
			}
		}
		return t.toInstant();
	}

	private static boolean weekend(ZonedDateTime t) {
		return t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY;
	}
}
