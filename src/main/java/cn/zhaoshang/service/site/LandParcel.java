package cn.zhaoshang.service.site;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A stored net land parcel with its unit's name and, when reserved, its project's code and name. */
public record LandParcel(long id, long unitId, String unitName, String name, String park, String location,
		BigDecimal areaMu, PlannedUse plannedUse, List<Long> chainIds, boolean waterReady, LocalDate waterDate,
		boolean powerReady, LocalDate powerDate, boolean gasReady, LocalDate gasDate, boolean roadReady,
		LocalDate roadDate, BigDecimal price, ParcelStatus status, Long projectId, String projectCode,
		String projectName, LocalDate reservedOn, String note, int version) {

	/** How many of water, power, gas and roads are ready. */
	public int infrastructureReady() {
		return (waterReady ? 1 : 0) + (powerReady ? 1 : 0) + (gasReady ? 1 : 0) + (roadReady ? 1 : 0);
	}

	/** The audited facts (the audit trail shows each under its {@code field.} label). */
	Map<String, Object> facts() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("unitId", unitId);
		m.put("name", name);
		m.put("park", park);
		m.put("location", location);
		m.put("areaMu", areaMu);
		m.put("plannedUse", plannedUse.name());
		m.put("chainIds", chainIds);
		m.put("waterReady", waterReady);
		m.put("waterDate", waterDate);
		m.put("powerReady", powerReady);
		m.put("powerDate", powerDate);
		m.put("gasReady", gasReady);
		m.put("gasDate", gasDate);
		m.put("roadReady", roadReady);
		m.put("roadDate", roadDate);
		m.put("price", price);
		m.put("note", note);
		m.put("status", status.name());
		m.put("projectId", projectId);
		return m;
	}
}
