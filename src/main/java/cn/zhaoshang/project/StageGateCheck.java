package cn.zhaoshang.project;

import java.util.List;

import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitId;

/**
 * A downstream module's extra condition on a forward stage move (issue 14: the project evaluation a unit requires
 * before signing). Consulted after the gate's own facts pass; any violation refuses the move like a gate rule.
 */
public interface StageGateCheck {

	/** The rules the move of this project into {@code to} breaks; empty when it may go ahead. */
	List<Violation> check(ProjectId project, UnitId unit, Stage to);
}
