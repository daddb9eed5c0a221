package cn.zhaoshang.service.site;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A land parcel or factory as registered or changed (the form or the API): its unit and its column values. */
sealed interface SiteInput permits ParcelInput, FactoryInput {

	Long unitId();

	String name();

	Integer version();

	/** The chains it suits (land only). */
	default List<Long> chains() {
		return List.of();
	}

	/** The value of each parameter of {@link SiteKind#columns()}. */
	Map<String, Object> params();

	/** The parameters of an input: unit, name and park, the kind's own (parameter, value…), and the note. */
	static Map<String, Object> params(SiteInput in, String park, String note, Object... own) {
		Map<String, Object> m = new HashMap<>();
		m.put("unit", in.unitId());
		m.put("name", in.name().trim());
		m.put("park", SiteStore.blank(park));
		for (int i = 0; i < own.length; i += 2) {
			m.put((String) own[i], own[i + 1]);
		}
		m.put("note", SiteStore.blank(note));
		return m;
	}
}
