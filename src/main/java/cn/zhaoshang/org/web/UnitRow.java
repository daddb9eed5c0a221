package cn.zhaoshang.org.web;

import cn.zhaoshang.org.UnitType;

/** A row of the unit list. */
public record UnitRow(long id, String code, String name, String shortName, UnitType type, String parentName,
		String region, int sortOrder, boolean active) {
}
