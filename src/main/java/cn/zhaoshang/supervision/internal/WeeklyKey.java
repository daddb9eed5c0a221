package cn.zhaoshang.supervision.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhaoshang.platform.FieldException;

/**
 * An ISO week ({@code 2026-W44}): Monday to Sunday, week 1 the one with the year's first Thursday.
 *
 * @param year the week-based year (2026-W01 may start in December 2025)
 * @param week 1 to 52 or 53
 */
public record WeeklyKey(int year, int week) {

	private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

	/** The week of a day. */
	public static WeeklyKey of(LocalDate day) {
		return new WeeklyKey(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	/**
	 * Reads {@code 2026-W44}; anything else, or a week the year does not have, is refused on the field
	 * {@code week} with the status given (400 for a query parameter, 422 for a form).
	 */
	public static WeeklyKey parse(String text, int status) {
		Matcher m = text == null ? null : FORMAT.matcher(text.strip());
		if (m == null || !m.matches()) {
			throw new FieldException("week", status, "supervision.weekly.error.week");
		}
		int year = Integer.parseInt(m.group(1));
		int week = Integer.parseInt(m.group(2));
		if (year < 2000 || year > 2100 || week < 1
				|| week > LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)) {
			throw new FieldException("week", status, "supervision.weekly.error.week");
		}
		return new WeeklyKey(year, week);
	}

	/** Monday. */
	public LocalDate start() {
		return LocalDate.of(year, 1, 4)
			.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	/** Sunday. */
	public LocalDate end() {
		return start().plusDays(6);
	}

	public WeeklyKey previous() {
		return of(start().minusDays(7));
	}

	@Override
	public String toString() {
		return "%04d-W%02d".formatted(year, week);
	}
}
