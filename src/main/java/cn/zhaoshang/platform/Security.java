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
		public static final String PUBLIC = "permitAll()";
		/** May change records of their data scope (the project ledger's create, edit, move, progress, upload). */
		public static final String LEDGER_EDIT = "hasAnyRole('ADMIN','CITY_SUPERVISOR','UNIT_MANAGER','UNIT_STAFF')";
		/** The city bureau's reviewers: approve or return stage moves, move projects back a stage. */
		public static final String REVIEW = "hasAnyRole('ADMIN','CITY_SUPERVISOR')";

		private Rules() {
		}
	}
}
