package cn.zhaoshang.clue;

import cn.zhaoshang.platform.UnitId;

/**
 * A clue moved status (a follow-up started it, intent was confirmed, it was converted or declared invalid).
 *
 * @param owner the owning unit, {@code null} for the city pool
 */
public record ClueStatusChanged(ClueId id, UnitId owner, ClueStatus from, ClueStatus to) {
}
