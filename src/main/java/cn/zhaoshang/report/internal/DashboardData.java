package cn.zhaoshang.report.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.zhaoshang.report.DashboardPanel.Publication;

/**
 * The home dashboard's data (issue 11), as {@code GET /api/v1/dashboard} answers it and the page draws it. Every
 * label is in the reader's language; every element carries the link to the rows behind it.
 *
 * @param scope CITY (the whole city), UNIT (the reader's unit against the city) or LEADER (the projects the reader
 *        leads)
 * @param scopeLabel what the scope is called (全市, the unit's name, 我联系的项目)
 * @param year the year of the funds chart and the completion
 * @param month the last month counted in the year (the current month this year, else 12)
 * @param asOf the day the completion is computed as of (the end of {@code month})
 * @param totals the headline figures of the scope
 * @param funnel the ledger's projects by stage (active and on hold, as the ledger lists by default)
 * @param completion target completion per unit and indicator, empty for roles that do not read the figures
 * @param funds funds in place by month, the year against the one before
 * @param chains the projects by industry chain
 * @param keyProjects the key projects by stage
 * @param publications the latest publications of the modules that publish ({@link cn.zhaoshang.report.DashboardPanel})
 */
public record DashboardData(String scope, String scopeLabel, int year, int month, LocalDate asOf, List<Figure> totals,
		List<StageBar> funnel, List<IndicatorCompletion> completion, Funds funds, List<Bar> chains,
		List<StageBar> keyProjects, List<Publication> publications) {

	/** A headline number: a count, or an amount in 万元. */
	public record Figure(String id, String label, BigDecimal value, boolean amount, String link) {
	}

	/**
	 * One stage: the scope's count and planned investment (万元); for a unit, the city's beside them.
	 */
	public record StageBar(String stage, String label, long count, BigDecimal amount, String link, Long cityCount,
			BigDecimal cityAmount, String cityLink) {
	}

	/** One bar of a category (a chain). */
	public record Bar(String key, String label, long count, BigDecimal amount, String link) {
	}

	/**
	 * One indicator's completion per unit with a target, with the city's and the expected pace.
	 *
	 * @param unitLabel the indicator's unit of measure (个, 万元, 万美元)
	 */
	public record IndicatorCompletion(String field, String label, String unitLabel, BigDecimal pace,
			BigDecimal cityPercent, List<UnitCompletion> rows) {
	}

	/**
	 * One unit's completion of one indicator.
	 *
	 * @param own whether it is the reader's unit
	 */
	public record UnitCompletion(long unitId, String unitName, BigDecimal achieved, BigDecimal target,
			BigDecimal percent, boolean own, String link) {
	}

	/** Funds in place per month (万元): the year and the year before, each month linking to its funds rows. */
	public record Funds(int year, int lastYear, List<FundsMonth> months, BigDecimal total, BigDecimal lastTotal) {
	}

	/** One month of both years. */
	public record FundsMonth(int month, String label, BigDecimal amount, BigDecimal lastAmount, String link,
			String lastLink) {
	}
}
