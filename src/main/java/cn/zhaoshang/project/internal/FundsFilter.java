package cn.zhaoshang.project.internal;

import java.time.YearMonth;

import jakarta.validation.constraints.Pattern;

import cn.zhaoshang.project.ProjectType;

/**
 * The filters of the funds totals ({@code GET /api/v1/funds}, the funds page and its export), bound from query
 * parameters. Every field is optional: the period defaults to the year to date (January of the current year to the
 * current month, by the Clock).
 *
 * @param unit landing unit id
 * @param chain industry chain id
 * @param type project type
 * @param from first month, yyyy-MM
 * @param to last month, yyyy-MM
 * @param groupBy unit (the default), chain, type, month or quarter
 */
public record FundsFilter(Long unit, Long chain, ProjectType type,
		@Pattern(regexp = FundsFilter.MONTH, message = "{validation.invalidValue}") String from,
		@Pattern(regexp = FundsFilter.MONTH, message = "{validation.invalidValue}") String to,
		@Pattern(regexp = "unit|chain|type|month|quarter", message = "{validation.invalidValue}") String groupBy) {

	static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";

	public static FundsFilter none() {
		return new FundsFilter(null, null, null, null, null, null);
	}

	/** The grouping asked for, unit when none. */
	public String by() {
		return groupBy == null || groupBy.isBlank() ? "unit" : groupBy;
	}

	/** The first month: the one asked for, else January of the current month's year. */
	public YearMonth fromMonth(YearMonth current) {
		return from == null || from.isBlank() ? YearMonth.of(current.getYear(), 1) : YearMonth.parse(from);
	}

	/** The last month: the one asked for, else the current month. */
	public YearMonth toMonth(YearMonth current) {
		return to == null || to.isBlank() ? current : YearMonth.parse(to);
	}

	/** The same filters for another period (the page's quick buttons). */
	public FundsFilter withPeriod(YearMonth first, YearMonth last) {
		return new FundsFilter(unit, chain, type, first.toString(), last.toString(), groupBy);
	}
}
