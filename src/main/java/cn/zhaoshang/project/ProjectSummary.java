package cn.zhaoshang.project;

import java.time.LocalDate;

import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitId;

/**
 * What other modules read of a project of the ledger: its code, name, landing unit, stage and status, the
 * REGISTERED milestone's date and its people (read by the dispatch rounds).
 */
public record ProjectSummary(ProjectId id, String code, String name, UnitId unitId, String unitName, Stage stage,
		ProjectStatus status, LocalDate registeredDate, String leaderName, String chiefAttendantName) {
}
