package cn.zhaoshang.service.approval;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.project.ProjectSummaries;
import cn.zhaoshang.project.ProjectSummary;

import org.springframework.stereotype.Component;

/**
 * Loads a ledger project for what a user is about to do with its services: 404 when the project does not exist or
 * lies outside the user's readable units, 403 when it may be read but not changed. Editors are the ledger's editors
 * (bureau, unit managers and staff) within their units; leaders and viewers read.
 */
@Component
public class ServiceProjects {

	private final ProjectSummaries projects;
	private final DataScopes scopes;

	ServiceProjects(ProjectSummaries projects, DataScopes scopes) {
		this.projects = projects;
		this.scopes = scopes;
	}

	public ProjectSummary readable(long id, CurrentUser user) {
		ProjectSummary p = projects.find(new ProjectId(id)).orElseThrow(NotFoundException::new);
		if (user.role() == Role.INTERMEDIARY || !scopes.of(user).canRead(p.unitId())) {
			throw new NotFoundException();
		}
		return p;
	}

	public ProjectSummary editable(long id, CurrentUser user) {
		ProjectSummary p = readable(id, user);
		if (!canEdit(p, user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		return p;
	}

	public boolean canEdit(ProjectSummary p, CurrentUser user) {
		return canEdit(p.unitId(), user);
	}

	/** Whether the user writes the service records of this unit: a ledger editor whose scope includes it. */
	public boolean canEdit(cn.zhaoshang.platform.UnitId unit, CurrentUser user) {
		boolean editor = switch (user.role()) {
			case ADMIN, CITY_SUPERVISOR, UNIT_MANAGER, UNIT_STAFF -> true;
			default -> false;
		};
		return editor && scopes.of(user).canEdit(unit);
	}
}
