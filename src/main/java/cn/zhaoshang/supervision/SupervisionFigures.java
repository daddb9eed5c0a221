package cn.zhaoshang.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.UnitId;

/**
 * The figures of a period per unit, credited through the projects' credit shares and computed as of the period's
 * last day from dated facts only (ADR 0012). The one read model every page, document, chart and the API use.
 */
public interface SupervisionFigures {

	/** The figures of a period as of its last day. */
	Result of(ReportingPeriod period);

	/**
	 * One set of the seven figures. Counts are credited through shares to a tenth (a project shared 60/40 counts 0.6
	 * and 0.4); amounts in 万元 (foreignUsed in 万美元) to the fen; every split adds up to the whole.
	 */
	record Figures(BigDecimal signedCount, BigDecimal contractedInvestment, BigDecimal commencedCount,
			BigDecimal productionCount, BigDecimal fundsInPlace, BigDecimal outOfProvince, BigDecimal foreignUsed) {

		public static final Figures ZERO = new Figures(BigDecimal.ZERO.setScale(1), BigDecimal.ZERO.setScale(2),
				BigDecimal.ZERO.setScale(1), BigDecimal.ZERO.setScale(1), BigDecimal.ZERO.setScale(2),
				BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));

		/**
		 * The figure an indicator of the annual targets compares with, or null for the indicators the figures do not
		 * count (signed at or above 100 million or 1 billion, key projects).
		 */
		public BigDecimal of(TargetIndicator indicator) {
			return switch (indicator) {
				case SIGNED_COUNT -> signedCount;
				case CONTRACTED_INVESTMENT -> contractedInvestment;
				case COMMENCED_COUNT -> commencedCount;
				case PRODUCTION_COUNT -> productionCount;
				case FUNDS_IN_PLACE -> fundsInPlace;
				case OUT_OF_PROVINCE -> outOfProvince;
				case FOREIGN_USED -> foreignUsed;
				default -> null;
			};
		}

		public Figures plus(Figures o) {
			return new Figures(signedCount.add(o.signedCount), contractedInvestment.add(o.contractedInvestment),
					commencedCount.add(o.commencedCount), productionCount.add(o.productionCount),
					fundsInPlace.add(o.fundsInPlace), outOfProvince.add(o.outOfProvince), foreignUsed.add(o.foreignUsed));
		}
	}

	/**
	 * One unit's figures.
	 *
	 * @param period the figures of the period itself
	 * @param yearToDate the figures from 1 January to the period's end (equal to {@code period} for a year)
	 * @param completion achieved year to date over the annual target, per indicator field name, for the indicators
	 *            that have a target and a figure
	 */
	record UnitRow(UnitId unitId, String unitName, Figures period, Figures yearToDate,
			Map<String, Completion> completion) {
	}

	/**
	 * The figures of a period: rows per unit (by the units' order) and their totals.
	 *
	 * @param totalsCompletion the city's completion: the totals year to date over the sum of the units' targets
	 */
	record Result(ReportingPeriod period, LocalDate asOf, List<UnitRow> rows, Figures totals,
			Figures totalsYearToDate, Map<String, Completion> totalsCompletion) {

		/** Figures without completion (no targets joined yet). */
		public Result(ReportingPeriod period, LocalDate asOf, List<UnitRow> rows, Figures totals,
				Figures totalsYearToDate) {
			this(period, asOf, rows, totals, totalsYearToDate, Map.of());
		}
	}
}
