package cn.zhaoshang.dispatch.internal;

import java.time.LocalDate;

import cn.zhaoshang.dispatch.MajorForum;
import cn.zhaoshang.dispatch.ProblemStatus;

/**
 * The meeting's decision on a problem (交办事项): what is decided, its owner (a unit, or a department or leader by
 * name), the due date, whether it is done, and whether it is a major matter for a forum with its outcome.
 * {@code version} must be the one read.
 */
public record DecisionInput(String decision, Long ownerUnitId, String ownerName, LocalDate due, ProblemStatus status,
		boolean major, MajorForum forum, String outcome, Integer version) {
}
