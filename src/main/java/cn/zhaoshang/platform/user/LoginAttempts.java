package cn.zhaoshang.platform.user;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.InputText;
import cn.zhaoshang.platform.CurrentUser;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins: after {@code zhaoshang.security.max-failed-attempts} (5) in a row the account is locked
 * for {@code zhaoshang.security.lock-duration} (15 minutes). Counters change by single SQL updates, so two nodes
 * counting at once never lose a failure, and they do not touch the account's optimistic-lock version.
 * Every sign-in, failure and lock lands in the audit trail. Names that are no account are counted and locked the
 * same way by {@link UnknownNameLockout}, so the "locked" answer reveals no user names.
 */
@Component
class LoginAttempts {

	private final JdbcClient jdbc;
	private final Auditor auditor;
	private final Clock clock;
	private final int maxFailedAttempts;
	private final Duration lockDuration;
	private final UnknownNameLockout unknownNames;

	LoginAttempts(JdbcClient jdbc, Auditor auditor, Clock clock, UnknownNameLockout unknownNames,
			@Value("${zhaoshang.security.max-failed-attempts:5}") int maxFailedAttempts,
			@Value("${zhaoshang.security.lock-duration:15m}") Duration lockDuration) {
		this.jdbc = jdbc;
		this.auditor = auditor;
		this.clock = clock;
		this.maxFailedAttempts = maxFailedAttempts;
		this.lockDuration = lockDuration;
		this.unknownNames = unknownNames;
	}

	@EventListener
	@Transactional
	void onSuccess(AuthenticationSuccessEvent event) {
		// Only password sign-ins count here; bearer-token requests authenticate on every call.
		if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)
				|| !(event.getAuthentication().getPrincipal() instanceof CurrentUser user)) {
			return;
		}
		jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL, last_login_at = :now WHERE id = :id")
			.param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC))
			.param("id", user.id().value())
			.update();
		auditor.recordAs(user.getUsername(), user.id().value(), Auditor.remoteAddress(), "user", user.id().value(),
				"LOGIN", null, Map.of(), Map.of());
	}

	@EventListener
	@Transactional
	void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
		String username = InputText.replaceInvalid(event.getAuthentication().getName());
		var now = clock.instant();
		int updated = jdbc.sql("UPDATE app_user SET failed_attempts = failed_attempts + 1 WHERE username = :u")
			.param("u", username)
			.update();
		if (updated == 0) {
			auditor.recordAs(username, null, Auditor.remoteAddress(), "login", username, "LOGIN_FAILED",
					"unknown", Map.of(), Map.of());
			if (unknownNames.countFailure(username)) {
				auditor.recordAs(username, null, Auditor.remoteAddress(), "login", username, "LOCKED", "unknown",
						Map.of(), Map.of("lockedUntil", now.plus(lockDuration).toString()));
			}
			return;
		}
		var row = jdbc.sql("SELECT id, failed_attempts FROM app_user WHERE username = :u")
			.param("u", username)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getInt(2) })
			.single();
		auditor.recordAs(username, null, Auditor.remoteAddress(), "user", row[0], "LOGIN_FAILED", null, Map.of(),
				Map.of("failedAttempts", row[1]));
		if (row[1] >= maxFailedAttempts) {
			var until = now.plus(lockDuration);
			jdbc.sql("UPDATE app_user SET locked_until = :until, failed_attempts = 0 WHERE id = :id")
				.param("until", until.atOffset(java.time.ZoneOffset.UTC))
				.param("id", row[0])
				.update();
			auditor.recordAs(username, null, Auditor.remoteAddress(), "user", row[0], "LOCKED", null, Map.of(),
					Map.of("lockedUntil", until.toString()));
		}
	}

	@EventListener
	@Transactional
	void onLocked(AuthenticationFailureLockedEvent event) {
		auditor.recordAs(event.getAuthentication().getName(), null, Auditor.remoteAddress(), "login",
				event.getAuthentication().getName(), "LOGIN_REFUSED_LOCKED", null, Map.of(), Map.of());
	}

	@EventListener
	@Transactional
	void onDisabled(AuthenticationFailureDisabledEvent event) {
		auditor.recordAs(event.getAuthentication().getName(), null, Auditor.remoteAddress(), "login",
				event.getAuthentication().getName(), "LOGIN_REFUSED_DISABLED", null, Map.of(), Map.of());
	}
}
