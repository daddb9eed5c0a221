package cn.zhaoshang.clue.internal;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.Role;

import org.springframework.stereotype.Component;

/**
 * Who may do what with a clue (issue 4, clause XIII whole-city sharing):
 * <ul>
 * <li>internal roles read every clue; an intermediary reads only the clues it submitted;</li>
 * <li>the city bureau (and administrators) edit every clue, the city pool's included;</li>
 * <li>unit managers and staff edit the clues their unit (or a unit below it) owns;</li>
 * <li>leaders and viewers only read.</li>
 * </ul>
 */
@Component
public class ClueAccess {

	private final DataScopes scopes;

	ClueAccess(DataScopes scopes) {
		this.scopes = scopes;
	}

	public boolean canRead(Clue c, CurrentUser user) {
		if (user == null) {
			return false;
		}
		if (user.role() == Role.INTERMEDIARY) {
			return c.submittedById != null && c.submittedById == user.id().value();
		}
		return true;
	}

	public boolean canEdit(Clue c, CurrentUser user) {
		if (user == null) {
			return false;
		}
		if (user.role().isCityWide()) {
			return true;
		}
		return user.role().isEditor() && c.ownerUnitId != null && scopes.of(user).canEdit(c.owner());
	}

	/** The unit manager of the owner unit, the assignee, or the city bureau may send an open clue back. */
	public boolean canReturnToPool(Clue c, CurrentUser user) {
		if (user == null || c.ownerUnitId == null) {
			return false;
		}
		if (cityBureau(user)) {
			return true;
		}
		boolean assignee = c.assigneeId != null && c.assigneeId == user.id().value();
		return assignee || (user.role() == Role.UNIT_MANAGER && canEdit(c, user));
	}

	/** The city bureau assigns anywhere; a unit manager only within the own unit. */
	public boolean canAssign(Clue c, CurrentUser user) {
		return cityBureau(user) || (user != null && user.role() == Role.UNIT_MANAGER && canEdit(c, user));
	}

	public static boolean cityBureau(CurrentUser user) {
		return user != null && user.role().isCityWide();
	}

	/** Roles that log and edit clues at all (their data scope then limits which). */
	public static boolean editorRole(CurrentUser user) {
		return user != null && user.role().isEditor();
	}
}
