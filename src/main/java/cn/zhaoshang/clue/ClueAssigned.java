package cn.zhaoshang.clue;

import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UserId;

/**
 * A clue was assigned, reassigned or returned to the city pool (then {@code toUnit} is {@code null}).
 *
 * @param fromUnit the previous owner unit, {@code null} for the city pool
 * @param fromUser the previous assignee, if any
 * @param toUser the new assignee, if any
 */
public record ClueAssigned(ClueId id, UnitId fromUnit, UserId fromUser, UnitId toUnit, UserId toUser,
		String reason) {

	public boolean returnedToPool() {
		return toUnit == null;
	}
}
