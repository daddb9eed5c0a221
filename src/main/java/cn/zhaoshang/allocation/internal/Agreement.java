package cn.zhaoshang.allocation.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.zhaoshang.project.Stage;

/**
 * A benefit-sharing agreement (利益共享): the introducing unit's share of the project's statistics from
 * {@code validFrom} to {@code validTo}, made when a transfer is accepted, changed only by the city bureau. With
 * {@code untilStage} the term ends earlier, the day before the project reaches that stage ({@code stageReachedOn}).
 */
public record Agreement(long id, long transferId, Long projectId, Long clueId, String subjectCode, String subjectName,
		long introducerUnitId, String introducerName, long receiverUnitId, String receiverName, int shareBp, int years,
		LocalDate validFrom, LocalDate validTo, String baseShares, String note, int version, Stage untilStage,
		LocalDate stageReachedOn) {

	/** The last day of the years alone: {@code validTo} unless the named stage was reached earlier. */
	public LocalDate yearsEnd() {
		return Agreements.lastDay(validFrom, years);
	}

	public BigDecimal share() {
		return BigDecimal.valueOf(shareBp, 2);
	}

	public boolean inForce(LocalDate date) {
		return !validFrom.isAfter(date) && !validTo.isBefore(date);
	}

	Map<String, Object> auditView() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("projectId", projectId);
		m.put("introducerUnitId", introducerUnitId);
		m.put("receiverUnitId", receiverUnitId);
		m.put("introducerShare", share().toPlainString());
		m.put("years", years);
		m.put("validFrom", validFrom.toString());
		m.put("validTo", validTo.toString());
		m.put("untilStage", untilStage == null ? null : untilStage.name());
		m.put("stageReachedOn", stageReachedOn == null ? null : stageReachedOn.toString());
		m.put("note", note);
		return m;
	}
}
