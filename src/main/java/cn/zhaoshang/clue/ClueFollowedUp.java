package cn.zhaoshang.clue;

import java.time.LocalDate;

import cn.zhaoshang.platform.UnitId;

/**
 * A follow-up was recorded on a clue.
 *
 * @param date the follow-up's date (not the day it was typed in)
 * @param lastFollowUpAt the clue's latest follow-up date after this one (a back-dated follow-up does not lower it)
 */
public record ClueFollowedUp(ClueId id, UnitId owner, LocalDate date, LocalDate lastFollowUpAt) {
}
