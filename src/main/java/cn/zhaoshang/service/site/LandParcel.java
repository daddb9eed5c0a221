package cn.zhaoshang.service.site;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A stored net land parcel with its unit's name and, when reserved, its project's code and name. */
public record LandParcel(long id, long unitId, String unitName, String name, String park, String location,
		BigDecimal areaMu, PlannedUse plannedUse, List<Long> chainIds, boolean waterReady, LocalDate waterDate,
		boolean powerReady, LocalDate powerDate, boolean gasReady, LocalDate gasDate, boolean roadReady,
		LocalDate roadDate, BigDecimal price, ParcelStatus status, Long projectId, String projectCode,
		String projectName, LocalDate reservedOn, String note, int version) implements Site {

	/** How many of water, power, gas and roads are ready. */
	public int infrastructureReady() {
		return (waterReady ? 1 : 0) + (powerReady ? 1 : 0) + (gasReady ? 1 : 0) + (roadReady ? 1 : 0);
	}

	@Override
	public Map<String, Object> facts() {
		return Site.facts(this, park, note, "location", location, "areaMu", areaMu, "plannedUse", plannedUse.name(),
				"chainIds", chainIds, "waterReady", waterReady, "waterDate", waterDate, "powerReady", powerReady,
				"powerDate", powerDate, "gasReady", gasReady, "gasDate", gasDate, "roadReady", roadReady, "roadDate",
				roadDate, "price", price);
	}
}
