package cn.zhaoshang.allocation.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.zhaoshang.allocation.TransferStatus;
import cn.zhaoshang.project.Stage;

/**
 * A transfer of a project or a clue from its unit (the introducing unit) to a receiving unit, with the proposed
 * benefit sharing: the introducer's share in basis points for {@code years} years, or until the project reaches
 * {@code untilStage} when that comes first (null: years only).
 */
public record Transfer(long id, Long projectId, Long clueId, String subjectCode, String subjectName, Long chainId,
		long fromUnitId, String fromUnitName, long toUnitId, String toUnitName, String reason, int introducerShareBp,
		int years, TransferStatus status, String decisionReason, String decidedBy, Instant decidedAt,
		boolean decidedByBureau, String proposedBy, Instant proposedAt, int version, Long agreementId,
		Stage untilStage) {

	/** The introducer's share in percent with two decimals. */
	public BigDecimal introducerShare() {
		return BigDecimal.valueOf(introducerShareBp, 2);
	}

	public boolean project() {
		return projectId != null;
	}

	/** The page of the moved subject. */
	public String subjectLink() {
		return projectId != null ? "/projects/" + projectId : "/clues/" + clueId;
	}

	Map<String, Object> auditView() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("projectId", projectId);
		m.put("clueId", clueId);
		m.put("fromUnitId", fromUnitId);
		m.put("toUnitId", toUnitId);
		m.put("reason", reason);
		m.put("introducerShare", introducerShare().toPlainString());
		m.put("years", years);
		m.put("untilStage", untilStage == null ? null : untilStage.name());
		m.put("status", status.name());
		m.put("decisionReason", decisionReason);
		return m;
	}
}
