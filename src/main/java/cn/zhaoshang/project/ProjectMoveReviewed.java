package cn.zhaoshang.project;

import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitId;

/**
 * The city bureau approved or returned a submitted stage move.
 *
 * @param opinion the reviewer's opinion (required when returned, may be null when approved)
 * @param submittedBy the login name of who submitted the move
 * @param reviewedBy the login name of the reviewer
 */
public record ProjectMoveReviewed(ProjectId id, UnitId unit, String code, String name, long moveId, Stage to,
		boolean approved, String opinion, String submittedBy, String reviewedBy) {
}
