package cn.zhaoshang.clue.internal;

import java.util.Optional;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.ProjectId;

import org.springframework.stereotype.Component;

/**
 * A clue loaded for what the user is about to do with it, as {@link ClueAccess} rules: each use case and the form
 * that leads to it start here, so a page never offers what its use case would refuse.
 */
@Component
public class ClueLookup {

	private final ClueRepository clues;
	private final ClueAccess access;

	ClueLookup(ClueRepository clues, ClueAccess access) {
		this.clues = clues;
		this.access = access;
	}

	/** The clue if the user may read it; otherwise not found (nothing about it leaks). */
	public Clue readable(long id, CurrentUser user) {
		Clue c = clues.findById(id).orElseThrow(NotFoundException::new);
		if (!access.canRead(c, user)) {
			throw new NotFoundException();
		}
		return c;
	}

	/** The clue if the user may change it: 404 when they may not even read it, 403 when read-only. */
	public Clue editable(long id, CurrentUser user) {
		Clue c = readable(id, user);
		if (!access.canEdit(c, user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		return c;
	}

	/**
	 * The clue if the user may log a follow-up on it (an editor of the clue or its assignee): the rule of
	 * {@link FollowUpClue}, also for the form that leads to it.
	 */
	public Clue followable(long id, CurrentUser user) {
		Clue c = readable(id, user);
		boolean assignee = c.assigneeId != null && c.assigneeId == user.id().value();
		if (!access.canEdit(c, user) && !assignee) {
			throw new BusinessException(403, "error.forbidden");
		}
		return c;
	}

	/** The clue if the user may assign it: the rule of {@link AssignClue}, also for the form that leads to it. */
	public Clue assignable(long id, CurrentUser user) {
		Clue c = readable(id, user);
		if (!access.canAssign(c, user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		return c;
	}

	/**
	 * The clue if the user may send it back to the city pool: the rule of {@link ReturnClueToPool}, also for the
	 * form that leads to it.
	 */
	public Clue returnable(long id, CurrentUser user) {
		Clue c = readable(id, user);
		if (!access.canReturnToPool(c, user)) {
			if (c.ownerUnitId == null) {
				throw new BusinessException(409, "clue.error.alreadyInPool");
			}
			throw new BusinessException(403, "error.forbidden");
		}
		return c;
	}

	/** The clue whoever asks (the callers check rights or need none: notices, the stale-clue job). */
	public Optional<Clue> find(long id) {
		return clues.findById(id);
	}

	/** The clue a project was converted from, if any. */
	public Optional<Clue> ofProject(ProjectId project) {
		return clues.findByProjectId(project.value());
	}
}
