package cn.zhaoshang.platform;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** What other modules need to know of a unit: its id, names, type code, parent and whether it is active. */
public record UnitSummary(UnitId id, String code, String name, String shortName, String type, UnitId parentId,
		boolean active) {

	/**
	 * The units by the names people write in a workbook cell: the full name, else the short name (a short name never
	 * hides another unit's full name). The one look-up every import uses.
	 */
	public static Map<String, UnitId> byName(Collection<UnitSummary> units) {
		Map<String, UnitId> names = new HashMap<>();
		for (UnitSummary u : units) {
			names.putIfAbsent(u.name(), u.id());
		}
		for (UnitSummary u : units) {
			if (u.shortName() != null) {
				names.putIfAbsent(u.shortName(), u.id());
			}
		}
		return names;
	}
}
