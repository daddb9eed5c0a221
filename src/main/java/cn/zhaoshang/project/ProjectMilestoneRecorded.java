package cn.zhaoshang.project;

import java.time.LocalDate;

import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitId;

/**
 * A milestone was recorded on a project (today the REGISTERED milestone, 注册日期), or its date corrected: dispatch
 * counts a completed milestone dated within a round's period as progress.
 *
 * @param date the milestone's date (the day it happened, not the day it was recorded)
 * @param previous the date recorded before, null the first time
 * @param by the user who recorded it
 */
public record ProjectMilestoneRecorded(ProjectId project, UnitId unit, ProjectMilestone milestone, LocalDate date,
		LocalDate previous, String by) {
}
