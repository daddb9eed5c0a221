package cn.zhaoshang.dispatch.internal;

import java.time.Instant;
import java.time.LocalDate;

import cn.zhaoshang.dispatch.MajorForum;
import cn.zhaoshang.dispatch.ProblemStatus;

/**
 * A problem raised in a report (table dispatch_problem), with the meeting's decision (交办事项), its owner and due
 * date, whether it is done, and whether it is a major matter (重大事项) sent to a forum with an outcome.
 */
public record DispatchProblem(long id, long roundId, long projectId, String text, Long ownerUnitId, String ownerName,
		LocalDate due, String decision, Long decisionOwnerUnitId, String decisionOwnerName, LocalDate decisionDue,
		ProblemStatus status, Instant doneAt, boolean major, MajorForum majorForum, String majorOutcome,
		Long carriedFromProblemId, int sortOrder, int version, String createdBy, Instant createdAt,
		Instant updatedAt) {

	/** The date the problem is due: the decision's, else the one the unit proposed. */
	public LocalDate effectiveDue() {
		return decisionDue != null ? decisionDue : due;
	}

	/** Open and past its due date (computed with the clock's today, never stored). */
	public boolean overdue(LocalDate today) {
		LocalDate d = effectiveDue();
		return status == ProblemStatus.OPEN && d != null && d.isBefore(today);
	}
}
