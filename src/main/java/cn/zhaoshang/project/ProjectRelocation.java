package cn.zhaoshang.project;

import java.time.LocalDate;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitId;

/**
 * Moves a project to another landing unit for an accepted transfer (issue 12, module allocation). The project keeps
 * its code, history, stage moves, evidence, progress and funds rows; the change is audited on the project as an
 * {@code UPDATE} of {@code unitId} like any edit. The introducing unit, when none is recorded, becomes the unit the
 * project leaves. The default credit share (the landing unit's automatic 100 %) stays with the old unit up to the
 * day before {@code from} and follows the new unit from then on, so that past figures stay where they were;
 * shares set on purpose are left to {@link CreditShares#set}. The caller has decided that the user may do it.
 */
public interface ProjectRelocation {

	/**
	 * @throws cn.zhaoshang.platform.NotFoundException when there is no such project
	 * @throws cn.zhaoshang.platform.BusinessException {@code project.relocation.sameUnit} when it is there already
	 */
	void relocate(ProjectId project, UnitId to, LocalDate from, String reason, CurrentUser user);
}
