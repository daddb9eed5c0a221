package cn.zhaoshang.supervision.internal;

import java.time.Clock;
import java.time.LocalDate;

import cn.zhaoshang.platform.FieldException;

import org.springframework.stereotype.Component;

/**
 * Which years take targets: from {@link #FIRST} to next year (the bureau sets next year's targets in December);
 * later years are refused as typing mistakes.
 */
@Component
public class TargetYears {

	public static final int FIRST = 2000;

	private final Clock clock;

	TargetYears(Clock clock) {
		this.clock = clock;
	}

	public int current() {
		return LocalDate.now(clock).getYear();
	}

	/** The current month (1 to 12), for the expected pace. */
	public int currentMonth() {
		return LocalDate.now(clock).getMonthValue();
	}

	public int last() {
		return current() + 1;
	}

	public boolean valid(int year) {
		return year >= FIRST && year <= last();
	}

	/** The year, or a refusal naming the field {@code year} with the given status (400 query, 422 body). */
	public int require(Integer year, int status) {
		if (year == null) {
			return current();
		}
		if (!valid(year)) {
			throw new FieldException("year", status, "supervision.target.year", String.valueOf(FIRST),
					String.valueOf(last()));
		}
		return year;
	}
}
