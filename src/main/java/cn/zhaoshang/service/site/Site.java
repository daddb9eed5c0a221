package cn.zhaoshang.service.site;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A stored land parcel or factory as the code both share sees it (the use cases, the store, the pages). */
public sealed interface Site permits LandParcel, Factory {

	long id();

	long unitId();

	String name();

	Enum<?> status();

	Long projectId();

	LocalDate reservedOn();

	int version();

	/** The audited facts (the audit trail shows each under its {@code field.} label). */
	Map<String, Object> facts();

	/** The facts of a site: unit, name and park, the kind's own (field, value, field, value…), note and status. */
	static Map<String, Object> facts(Site site, String park, String note, Object... own) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("unitId", site.unitId());
		m.put("name", site.name());
		m.put("park", park);
		for (int i = 0; i < own.length; i += 2) {
			m.put((String) own[i], own[i + 1]);
		}
		m.put("note", note);
		m.put("status", site.status().name());
		m.put("projectId", site.projectId());
		return m;
	}
}
