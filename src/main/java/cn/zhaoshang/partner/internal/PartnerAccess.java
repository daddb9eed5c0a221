package cn.zhaoshang.partner.internal;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Role;

/**
 * Who may do what in the partner module: the city bureau (and the administrator) records agreements, consultants
 * and introducer credits and approves and pays rewards; every signed-in user reads, but an intermediary reads only
 * its own unit's agreements and rewards (another's is 404, as if it did not exist).
 */
public final class PartnerAccess {

	/** Records agreements and consultants, approves and pays rewards. */
	public static final String BUREAU = "hasAnyRole('ADMIN','CITY_SUPERVISOR')";

	/** Reads agreements and rewards (an intermediary its own only). */
	public static final String READERS = "isAuthenticated()";

	/** Reads the consultants (internal users only). */
	public static final String INTERNAL = "isAuthenticated() and !hasRole('INTERMEDIARY')";

	private PartnerAccess() {
	}

	public static boolean bureau(CurrentUser user) {
		return user.hasRole(Role.ADMIN) || user.hasRole(Role.CITY_SUPERVISOR);
	}

	/** The only intermediary unit the user may see, or null when the user sees every one. */
	public static Long ownUnit(CurrentUser user) {
		if (!user.hasRole(Role.INTERMEDIARY)) {
			return null;
		}
		return user.unitId() == null ? -1L : user.unitId().value();
	}
}
