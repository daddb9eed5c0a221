package cn.zhaoshang.platform.user;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a user's browser sessions. A session keeps the principal (role, unit, enabled) as it was at sign-in, so after
 * an administrator deactivates an account, changes its role or unit, or resets its password, the sessions opened
 * before must not go on with the old rights: they are deleted from the shared session store, on every node at once.
 */
@Component
class OpenSessions {

	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

	OpenSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
		this.sessions = sessions;
	}

	void end(String username) {
		sessions.ifAvailable(repository -> repository.findByPrincipalName(username)
			.keySet()
			.forEach(repository::deleteById));
	}
}
