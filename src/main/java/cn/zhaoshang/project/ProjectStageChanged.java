package cn.zhaoshang.project;

import java.time.LocalDate;

import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitId;

/**
 * A project moved stage or status (applied, not merely submitted for review).
 *
 * @param date the date of the new stage's fact (signing date …), or the day of the move for status changes
 */
public record ProjectStageChanged(ProjectId id, UnitId unit, Stage from, Stage to, ProjectStatus fromStatus,
		ProjectStatus toStatus, LocalDate date) {
}
