package cn.zhaoshang.platform;

/** What other modules need to know of a unit: its id, names, type code, parent and whether it is active. */
public record UnitSummary(UnitId id, String code, String name, String shortName, String type, UnitId parentId,
		boolean active) {
}
