package cn.zhaoshang.project;

import java.util.List;

import cn.zhaoshang.clue.ClueOrigins.Origin;
import cn.zhaoshang.platform.ProjectId;

/**
 * What produced a project (a signing ceremony, a fair), told by the downstream modules that record it; the project
 * page lists what every bean answers (the same pattern as {@link cn.zhaoshang.clue.ClueOrigins}).
 */
public interface ProjectOrigins {

	/** The records that produced the project, oldest first; empty when none did. */
	List<Origin> of(ProjectId project);
}
