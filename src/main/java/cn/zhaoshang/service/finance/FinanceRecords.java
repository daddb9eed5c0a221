package cn.zhaoshang.service.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the equity and financing pages and API show. */
public final class FinanceRecords {

	private FinanceRecords() {
	}

	/** A stake with its project, unit and exit events; {@code returns} is the sum the events returned. */
	public record Stake(long id, long projectId, String projectCode, String projectName, long unitId, String unitName,
			String vehicle, BigDecimal amount, BigDecimal sharePct, LocalDate investedOn, String exitPlan,
			BigDecimal returns, int version, List<Event> events) {
	}

	/** An exit event. */
	public record Event(long id, LocalDate eventDate, EquityEventKind kind, BigDecimal amount, String note) {
	}

	/** A financing need with its project, unit and the banks' offers. */
	public record Need(long id, long projectId, String projectCode, String projectName, long unitId, String unitName,
			BigDecimal amount, String purpose, NeedStatus status, int version, List<Offer> offers) {

		/** What the banks offered in all. */
		public BigDecimal offered() {
			return offers.stream().map(Offer::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		}
	}

	/** A bank's product offered. */
	public record Offer(long id, String bank, String product, BigDecimal amount, BigDecimal ratePct,
			LocalDate offeredOn, String note) {
	}

	/**
	 * A unit's totals.
	 *
	 * @param unitId the unit
	 * @param unitName its name
	 * @param stakes its equity stakes
	 * @param invested what they invested, 万元
	 * @param returns what they returned so far, 万元
	 * @param needs financing needs of its projects (not closed)
	 * @param needed their amount, 万元
	 * @param offered what banks offered for them, 万元
	 * @param funded the amount of its funded needs, 万元
	 */
	public record UnitTotals(long unitId, String unitName, int stakes, BigDecimal invested, BigDecimal returns,
			int needs, BigDecimal needed, BigDecimal offered, BigDecimal funded) {
	}
}
