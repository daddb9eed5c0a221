package cn.zhaoshang.platform;

/** The roles of DESIGN §5. What a role may do is further limited by the user's unit ({@link DataScope}). */
public enum Role {
	/** System administrator: users, units, settings, audit trail. */
	ADMIN,
	/** City Bureau of Commerce (市商务局): sees and reviews everything, runs rankings. */
	CITY_SUPERVISOR,
	/** Head of a county, zone, industry HQ or resident team: edits own unit's records. */
	UNIT_MANAGER,
	/** Staff of a unit: edits own unit's records, reads the shared city pool. */
	UNIT_STAFF,
	/** City or county leader: own trips, linked projects, dashboards. */
	LEADER,
	/** Entrusted intermediary (external): submits clues and sees only its own. */
	INTERMEDIARY,
	/** Read-only observer. */
	VIEWER;

	public String authority() {
		return "ROLE_" + name();
	}

	public String messageKey() {
		return "role." + name();
	}
}
