package cn.zhaoshang.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import cn.zhaoshang.platform.CurrentUser;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque bearer tokens for the API. A token is 32 random bytes; only its SHA-256 is stored, so a database leak does
 * not leak usable tokens. Tokens live in the shared database, so every node accepts every token. A token carries
 * the account's credentials epoch at issue and is void once a password change or deactivation has raised it.
 */
@Component
class ApiTokens {

	private final SecureRandom random = new SecureRandom();
	private final JdbcClient jdbc;
	private final Clock clock;
	private final Duration ttl;

	ApiTokens(JdbcClient jdbc, Clock clock, @Value("${zhaoshang.api.token-ttl:8h}") Duration ttl) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ttl = ttl;
	}

	record Issued(String token, Instant expiresAt) {
	}

	@Transactional
	Issued issue(CurrentUser user) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		Instant expires = now.plus(ttl);
		jdbc.sql("DELETE FROM api_token WHERE expires_at < :now").param("now", now.atOffset(ZoneOffset.UTC)).update();
		jdbc.sql("""
				INSERT INTO api_token (token_hash, user_id, created_at, expires_at, credentials_epoch)
				VALUES (:hash, :user, :created, :expires, :epoch)""")
			.param("hash", hash(token))
			.param("user", user.id().value())
			.param("created", now.atOffset(ZoneOffset.UTC))
			.param("expires", expires.atOffset(ZoneOffset.UTC))
			.param("epoch", user.credentialsEpoch())
			.update();
		return new Issued(token, expires);
	}

	/**
	 * The id of the user a valid, unexpired token belongs to; none when the account's password was changed or the
	 * account deactivated after the token was issued.
	 */
	Optional<Long> userOf(String token) {
		return jdbc.sql("""
				SELECT t.user_id FROM api_token t JOIN app_user u ON u.id = t.user_id
				WHERE t.token_hash = :hash AND t.expires_at > :now AND t.credentials_epoch = u.credentials_epoch""")
			.param("hash", hash(token))
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.optional();
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
