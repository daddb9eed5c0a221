package cn.zhaoshang.platform;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

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

	/**
	 * Administrator or city bureau: reads and edits every unit's records, reviews stage moves, works the city pool
	 * ("admin or city bureau" — the one place that says so; DataScopes gives both the whole city).
	 */
	public boolean isCityWide() {
		return this == ADMIN || this == CITY_SUPERVISOR;
	}

	/** Keeps records (ledger, enterprises, clues, talents) at all; the data scope then limits which. */
	public boolean isEditor() {
		return isCityWide() || this == UNIT_MANAGER || this == UNIT_STAFF;
	}

	/** Inside the government: every role but the external intermediary; reads the shared city records. */
	public boolean isInternal() {
		return this != INTERMEDIARY;
	}

	/** The roles that match, e.g. {@code Role.where(Role::isInternal)} for a menu entry. */
	public static Set<Role> where(Predicate<Role> predicate) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(values()).filter(predicate).forEach(roles::add);
		return Set.copyOf(roles);
	}

	public String authority() {
		return "ROLE_" + name();
	}

	public String messageKey() {
		return "role." + name();
	}
}
