package cn.zhaoshang.clue;

import cn.zhaoshang.platform.UnitId;

/**
 * A clue was logged or submitted.
 *
 * @param owner the owning unit, {@code null} for the city pool
 */
public record ClueCreated(ClueId id, UnitId owner, ClueSource source) {
}
