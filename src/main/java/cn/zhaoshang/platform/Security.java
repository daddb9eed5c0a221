package cn.zhaoshang.platform;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Access to the signed-in user from code that has no request parameter for it. */
public final class Security {

	private Security() {
	}

	public static Optional<CurrentUser> currentUser() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	/** The authorisation expressions used in {@code @PreAuthorize} on controllers, in one place. */
	public static final class Rules {

		public static final String ADMIN = "hasRole('ADMIN')";
		public static final String SIGNED_IN = "isAuthenticated()";
		/** Everyone inside the government network: every role except external intermediaries. */
		public static final String INTERNAL = "isAuthenticated() and !hasRole('INTERMEDIARY')";
		public static final String ADMIN_OR_UNIT_MANAGER = "hasAnyRole('ADMIN','UNIT_MANAGER')";
		/**
		 * Roles that may change the project ledger at all; which projects is further limited by the data scope
		 * (a unit's staff only their own unit's).
		 */
		public static final String LEDGER_EDITOR = "hasAnyRole('ADMIN','CITY_SUPERVISOR','UNIT_MANAGER','UNIT_STAFF')";
		/** The city bureau, which reviews submitted stage moves (DESIGN §4). */
		public static final String LEDGER_REVIEWER = "hasAnyRole('ADMIN','CITY_SUPERVISOR')";
		/**
		 * Roles that create enterprises in the merchant database; which ones they may edit is further limited to
		 * the registering unit's users, the city bureau and administrators (merchant.internal.MerchantRegistry).
		 */
		public static final String MERCHANT_EDITOR = "hasAnyRole('ADMIN','CITY_SUPERVISOR','UNIT_MANAGER','UNIT_STAFF')";
		/**
		 * Roles that may register and edit talents of the directory (policy clause VI); which ones is further
		 * limited by the data scope (a unit's users only the talents their unit registered).
		 */
		public static final String TALENT_EDITOR = "hasAnyRole('ADMIN','CITY_SUPERVISOR','UNIT_MANAGER','UNIT_STAFF')";
		public static final String PUBLIC = "permitAll()";
		/**
		 * Roles that may log clues: the ledger's editors and external intermediaries, who submit clues for the units
		 * that entrust them (which clues each may then see and change is decided by the clue module).
		 */
		public static final String CLUE_SUBMITTER = "hasAnyRole('ADMIN','CITY_SUPERVISOR','UNIT_MANAGER','UNIT_STAFF','INTERMEDIARY')";

		private Rules() {
		}
	}
}
