package cn.zhaoshang.service;

import java.util.List;

import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitId;

/**
 * The hook for matching a project outside its unit's positioning (issue 14): the other units whose land and
 * factories it may be matched to as well. Site matching looks in the project's own unit, plus the units the
 * implementation answers; without an implementation (county positioning is built in issue 12) it answers none.
 */
public interface SiteSearchUnits {

	/** The other units to search for this project, best first (empty: only its own unit). */
	List<UnitId> otherUnits(ProjectId project);
}
