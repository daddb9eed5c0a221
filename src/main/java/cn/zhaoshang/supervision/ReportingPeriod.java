package cn.zhaoshang.supervision;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period figures are reported for: a month ({@code 2026-10}), a quarter ({@code 2026-Q3}) or a year ({@code 2026}).
 * Figures are computed as of its last day ({@link #end}); the year to date runs from 1 January of that year.
 */
public record ReportingPeriod(Kind kind, int year, int number) {

	/** What a period is. */
	public enum Kind {
		/** A calendar month; number 1 to 12. */
		MONTH,
		/** A calendar quarter; number 1 to 4. */
		QUARTER,
		/** A calendar year; number 0. */
		YEAR
	}

	private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(?:(\\d{2})|Q([1-4])))?");

	public ReportingPeriod {
		if (year < 1900 || year > 9999) {
			throw new IllegalArgumentException("year " + year);
		}
		if (kind == Kind.MONTH && (number < 1 || number > 12) || kind == Kind.QUARTER && (number < 1 || number > 4)) {
			throw new IllegalArgumentException(kind + " " + number);
		}
	}

	/** Reads {@code 2026-10}, {@code 2026-Q3} or {@code 2026}; anything else is IllegalArgumentException. */
	public static ReportingPeriod parse(String text) {
		Matcher m = text == null ? null : FORMAT.matcher(text.strip());
		if (m == null || !m.matches()) {
			throw new IllegalArgumentException("period " + text);
		}
		int year = Integer.parseInt(m.group(1));
		if (m.group(2) != null) {
			return new ReportingPeriod(Kind.MONTH, year, Integer.parseInt(m.group(2)));
		}
		if (m.group(3) != null) {
			return new ReportingPeriod(Kind.QUARTER, year, Integer.parseInt(m.group(3)));
		}
		return new ReportingPeriod(Kind.YEAR, year, 0);
	}

	/** First day of the period. */
	public LocalDate start() {
		return switch (kind) {
			case MONTH -> LocalDate.of(year, number, 1);
			case QUARTER -> LocalDate.of(year, number * 3 - 2, 1);
			case YEAR -> LocalDate.of(year, 1, 1);
		};
	}

	/** Last day of the period: the figures are as of this day. */
	public LocalDate end() {
		return switch (kind) {
			case MONTH -> YearMonth.of(year, number).atEndOfMonth();
			case QUARTER -> YearMonth.of(year, number * 3).atEndOfMonth();
			case YEAR -> LocalDate.of(year, 12, 31);
		};
	}

	/** 1 January of the period's year: the start of the year to date. */
	public LocalDate yearStart() {
		return LocalDate.of(year, 1, 1);
	}

	/** The last month of the period (1 to 12), for the expected pace of completion. */
	public int lastMonth() {
		return end().getMonthValue();
	}

	@Override
	public String toString() {
		return switch (kind) {
			case MONTH -> String.format("%d-%02d", year, number);
			case QUARTER -> year + "-Q" + number;
			case YEAR -> Integer.toString(year);
		};
	}
}
