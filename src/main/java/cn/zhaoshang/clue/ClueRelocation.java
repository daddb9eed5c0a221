package cn.zhaoshang.clue;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.UnitId;

/**
 * Moves an open clue to another unit for an accepted transfer (issue 12, module allocation): the clue keeps its
 * history, follow-ups and source credit; its owner becomes the receiving unit and its assignee is cleared, recorded
 * as a reassignment and audited as {@code ASSIGN} like any other. The caller has decided that the user may do it.
 */
public interface ClueRelocation {

	/**
	 * @throws cn.zhaoshang.platform.NotFoundException when there is no such clue
	 * @throws cn.zhaoshang.platform.BusinessException when the clue is no longer open
	 */
	ClueSummary relocate(ClueId clue, UnitId to, String reason, CurrentUser user);
}
