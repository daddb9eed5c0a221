package cn.zhaoshang.project.internal;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * A project (or one of its files) loaded for what the user is about to do with it, as the user's data scope
 * allows: every ledger use case and the page that leads to it start here.
 */
@Component
public class ProjectAccess {

	private final ProjectRepository projects;
	private final DataScopes scopes;
	private final Attachments attachments;

	ProjectAccess(ProjectRepository projects, DataScopes scopes, Attachments attachments) {
		this.projects = projects;
		this.scopes = scopes;
		this.attachments = attachments;
	}

	/** The project if the user may read it; otherwise not found (nothing about it leaks). */
	public Project readable(long id, CurrentUser user) {
		Project p = projects.findById(id).orElseThrow(NotFoundException::new);
		if (!scopes.of(user).canRead(p.unit())) {
			throw new NotFoundException();
		}
		return p;
	}

	/** The project if the user may change it: 404 when they may not even read it, 403 when read-only. */
	public Project editable(long id, CurrentUser user) {
		Project p = readable(id, user);
		if (!scopes.of(user).canEdit(p.unit())) {
			throw new BusinessException(403, "error.forbidden");
		}
		return p;
	}

	/**
	 * An attachment the user may download: one of a project they may read (the shared city pool, DESIGN §5), or
	 * their own upload not yet linked to a project. Anything else is not found, so ids reveal nothing.
	 */
	public Attachments.Attachment readableAttachment(long attachmentId, CurrentUser user) {
		var a = attachments.find(attachmentId).orElseThrow(NotFoundException::new);
		if (a.projectId() != null) {
			readable(a.projectId(), user);
		}
		else if (user == null || !user.getUsername().equals(a.uploadedBy())) {
			throw new NotFoundException();
		}
		return a;
	}

	public boolean canEdit(Project p, CurrentUser user) {
		return scopes.of(user).canEdit(p.unit());
	}
}
