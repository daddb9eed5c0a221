package cn.zhaoshang.platform;

import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records a write in the audit trail. Call it inside the writing transaction: the audit module's listener runs
 * synchronously in that transaction, so the change and its audit row commit or roll back together.
 */
@Component
public class Auditor {

	private final ApplicationEventPublisher events;
	private final Clock clock;

	Auditor(ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	public void record(String recordType, Object recordId, String action, String summary, Map<String, Object> before,
			Map<String, Object> after) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		String actor = null;
		Long actorId = null;
		if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
			actor = user.getUsername();
			actorId = user.id().value();
		}
		else if (auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getName())) {
			actor = auth.getName();
		}
		recordAs(actor, actorId, remoteAddress(), recordType, recordId, action, summary, before, after);
	}

	/** For writes whose actor is not the signed-in user, such as a failed sign-in. */
	public void recordAs(String actor, Long actorId, String remoteAddress, String recordType, Object recordId,
			String action, String summary, Map<String, Object> before, Map<String, Object> after) {
		events.publishEvent(new RecordChanged(clock.instant(), actor, actorId, remoteAddress, recordType,
				String.valueOf(recordId), action, summary, before == null ? Map.of() : before,
				after == null ? Map.of() : after));
	}

	public static String remoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
			HttpServletRequest request = attrs.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}
}
