package cn.zhaoshang.supervision.internal;

/**
 * One stored target: the year, the unit, its figures and the version a change must name.
 *
 * @param id the row id
 * @param year the target year
 * @param unitId the unit
 * @param values the figures (absent: no target for that indicator)
 * @param version the optimistic-locking version
 */
public record TargetRow(long id, int year, long unitId, TargetValues values, int version) {
}
