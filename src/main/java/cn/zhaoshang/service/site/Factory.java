package cn.zhaoshang.service.site;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A stored standard factory with its unit's name and, when reserved, its project's code and name. */
public record Factory(long id, long unitId, String unitName, String name, String park, String building,
		BigDecimal floorAreaM2, int floors, BigDecimal floorLoad, boolean crane, BigDecimal craneTons,
		BigDecimal rent, FactoryStatus status, Long projectId, String projectCode, String projectName,
		LocalDate reservedOn, String note, int version) {

	/** The audited facts. */
	Map<String, Object> facts() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("unitId", unitId);
		m.put("name", name);
		m.put("park", park);
		m.put("building", building);
		m.put("floorAreaM2", floorAreaM2);
		m.put("floors", floors);
		m.put("floorLoad", floorLoad);
		m.put("crane", crane);
		m.put("craneTons", craneTons);
		m.put("rent", rent);
		m.put("note", note);
		m.put("status", status.name());
		m.put("projectId", projectId);
		return m;
	}
}
