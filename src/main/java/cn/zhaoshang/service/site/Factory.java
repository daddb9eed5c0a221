package cn.zhaoshang.service.site;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** A stored standard factory with its unit's name and, when reserved, its project's code and name. */
public record Factory(long id, long unitId, String unitName, String name, String park, String building,
		BigDecimal floorAreaM2, int floors, BigDecimal floorLoad, boolean crane, BigDecimal craneTons,
		BigDecimal rent, FactoryStatus status, Long projectId, String projectCode, String projectName,
		LocalDate reservedOn, String note, int version) implements Site {

	@Override
	public Map<String, Object> facts() {
		return Site.facts(this, park, note, "building", building, "floorAreaM2", floorAreaM2, "floors", floors,
				"floorLoad", floorLoad, "crane", crane, "craneTons", craneTons, "rent", rent);
	}
}
