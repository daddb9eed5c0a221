package cn.zhaoshang.project;

import java.time.YearMonth;

import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitId;

/**
 * A project's funds row of one month (实际到位资金, issue 10) was entered or corrected: on the project page, in the
 * unit's monthly grid, through the API, or as the difference a cumulative paid-in figure booked (ADR 0010). Dispatch
 * and supervision read the month to decide which period it falls in.
 *
 * @param recordedBy the login name of who made the change
 */
public record ProjectFundsRecorded(ProjectId id, UnitId unit, YearMonth month, String recordedBy) {
}
