package cn.zhaoshang.platform.user;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a user's browser sessions. A session keeps the principal (role, unit, enabled) as it was at sign-in, so after
 * an administrator deactivates an account, changes its role or unit, or resets its password, the sessions opened
 * before must not go on with the old rights: they are deleted from the shared session store, on every node at once.
 * A user's own password change ends every other session of the user.
 */
@Component
class OpenSessions {

	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

	OpenSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
		this.sessions = sessions;
	}

	void end(String username) {
		endAllBut(username, null);
	}

	/** Ends every session of the user but the one with this id (the one the user is working in; may be null). */
	void endAllBut(String username, String keepSessionId) {
		sessions.ifAvailable(repository -> repository.findByPrincipalName(username)
			.keySet()
			.stream()
			.filter(id -> !id.equals(keepSessionId))
			.forEach(repository::deleteById));
	}
}
