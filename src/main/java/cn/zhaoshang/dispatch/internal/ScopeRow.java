package cn.zhaoshang.dispatch.internal;

import java.math.BigDecimal;
import java.time.Instant;

import cn.zhaoshang.dispatch.ReportStatus;

/**
 * One project in one round (table dispatch_scope): the unit's report on it and, once the round is closed, the
 * project's facts frozen for the period (null while the round is open).
 */
public record ScopeRow(long id, long roundId, long projectId, long unitId, Instant addedAt, ReportStatus reportStatus,
		String summary, String nextSteps, String returnComment, String submittedBy, Instant submittedAt,
		String updatedBy, Instant updatedAt, int version, String stageAtClose, BigDecimal fundsInPeriod,
		Integer stageMovesInPeriod, Boolean milestoneInPeriod, boolean closedSnapshot) {
}
