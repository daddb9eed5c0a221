package cn.zhaoshang.project;

import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitId;

/**
 * A forward stage move was submitted for review by the city bureau; the stage stays until it is approved.
 *
 * @param moveId the submitted move (its row in the stage history)
 * @param submittedBy the login name of who submitted it
 */
public record ProjectMoveSubmitted(ProjectId id, UnitId unit, String code, String name, long moveId, Stage from,
		Stage to, String submittedBy) {
}
