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
	 * @param completion achieved year to date over the annual target per indicator; empty until targets exist
	 */
	record UnitRow(UnitId unitId, String unitName, Figures period, Figures yearToDate,
			Map<String, Completion> completion) {
	}

	/** The figures of a period: rows per unit (by the units' order) and their totals. */
	record Result(ReportingPeriod period, LocalDate asOf, List<UnitRow> rows, Figures totals,
			Figures totalsYearToDate) {
	}
}
