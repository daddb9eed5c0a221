package cn.zhaoshang.platform.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins under names that are no account, counted and locked exactly like an account's own (see
 * {@link LoginAttempts}): after {@code zhaoshang.security.max-failed-attempts} failures in a row the name is
 * "locked" for {@code zhaoshang.security.lock-duration}. Without this, only real accounts could ever be locked, and
 * the "account locked" answer would tell anyone which user names exist. Names are stored only as their SHA-256
 * (people type passwords into the name field by mistake); counters change by single SQL statements, so two nodes
 * counting at once lose nothing. Rows untouched for 30 days are deleted.
 */
@Component
public class UnknownNameLockout {

	private static final Duration RETENTION = Duration.ofDays(30);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final int maxFailedAttempts;
	private final Duration lockDuration;

	UnknownNameLockout(JdbcClient jdbc, Clock clock,
			@Value("${zhaoshang.security.max-failed-attempts:5}") int maxFailedAttempts,
			@Value("${zhaoshang.security.lock-duration:15m}") Duration lockDuration) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxFailedAttempts = maxFailedAttempts;
		this.lockDuration = lockDuration;
	}

	/** Whether sign-ins under this name (one that is no account) are refused as locked right now. */
	public boolean isLocked(String name) {
		return jdbc.sql("SELECT COUNT(*) FROM sign_in_failure WHERE name_hash = :k AND locked_until > :now")
			.param("k", hash(name))
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single() > 0;
	}

	/** Counts a failed sign-in under a name that is no account; answers whether it locked the name. */
	boolean countFailure(String name) {
		Instant now = clock.instant();
		String key = hash(name);
		jdbc.sql("""
				DELETE FROM sign_in_failure
				WHERE updated_at < :cutoff AND (locked_until IS NULL OR locked_until < :now)""")
			.param("cutoff", now.minus(RETENTION).atOffset(ZoneOffset.UTC))
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
		// ON CONFLICT DO NOTHING without a target: the form both PostgreSQL and H2 (PostgreSQL mode) accept
		jdbc.sql("""
				INSERT INTO sign_in_failure (name_hash, failed_attempts, updated_at) VALUES (:k, 0, :now)
				ON CONFLICT DO NOTHING""").param("k", key).param("now", now.atOffset(ZoneOffset.UTC)).update();
		jdbc.sql("""
				UPDATE sign_in_failure SET failed_attempts = failed_attempts + 1, updated_at = :now
				WHERE name_hash = :k""").param("k", key).param("now", now.atOffset(ZoneOffset.UTC)).update();
		int locked = jdbc.sql("""
				UPDATE sign_in_failure SET locked_until = :until, failed_attempts = 0
				WHERE name_hash = :k AND failed_attempts >= :max""")
			.param("until", now.plus(lockDuration).atOffset(ZoneOffset.UTC))
			.param("k", key)
			.param("max", maxFailedAttempts)
			.update();
		return locked > 0;
	}

	private static String hash(String name) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(String.valueOf(name).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
