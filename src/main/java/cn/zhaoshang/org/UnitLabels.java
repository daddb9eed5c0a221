package cn.zhaoshang.org;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.zhaoshang.platform.HistoryLabels;
import cn.zhaoshang.platform.UnitSummary;

import org.springframework.stereotype.Component;

/**
 * Units' names for the history of any record that keeps a unit's id: {@code unitId} and every {@code …UnitId} or
 * {@code …UnitIds} field (a project's landing and introducing units, a clue's owner, a merchant's registering unit),
 * and a unit's own parent. One read of the unit table per page.
 */
@Component
class UnitLabels implements HistoryLabels {

	private final Units units;

	UnitLabels(Units units) {
		this.units = units;
	}

	@Override
	public boolean covers(String recordType, String field) {
		String f = field.substring(field.lastIndexOf('.') + 1);
		return f.equals("unitId") || f.endsWith("UnitId") || f.endsWith("UnitIds")
				|| ("unit".equals(recordType) && f.equals("parentId"));
	}

	@Override
	public Map<String, String> labels(Set<String> values, Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		for (UnitSummary u : units.all()) {
			String id = String.valueOf(u.id().value());
			if (values.contains(id)) {
				names.put(id, u.name());
			}
		}
		return names;
	}
}
