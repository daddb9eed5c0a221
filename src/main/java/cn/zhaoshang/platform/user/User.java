package cn.zhaoshang.platform.user;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.zhaoshang.platform.Role;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A user account (aggregate root). Sign-in counters are updated by SQL of their own, see {@link LoginAttempts}. */
@Table("app_user")
class User {

	@Id
	Long id;
	String username;
	String passwordHash;
	String displayName;
	Role role;
	Long unitId;
	String email;
	String phone;
	String locale = "zh-CN";
	boolean enabled = true;
	int failedAttempts;
	Instant lockedUntil;
	Instant lastLoginAt;
	Instant passwordChangedAt;
	/** Counts password changes and deactivations; API tokens of an older epoch are void (see ApiTokens). */
	int credentialsEpoch;
	@Version
	Integer version;
	Instant createdAt;
	Instant updatedAt;

	/**
	 * Voids every API token issued so far. Called with every new password and every deactivation, so that neither
	 * an old token nor one taken before a deactivation works again (not even after a reactivation).
	 */
	void revokeCredentials() {
		credentialsEpoch++;
	}

	boolean lockedAt(Instant now) {
		return locked(lockedUntil, now);
	}

	/** The sign-in lock rule: locked while the lock's end is still ahead (also for accounts read as plain rows). */
	static boolean locked(Instant lockedUntil, Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/** The fields the audit trail records (never the password hash). */
	Map<String, Object> auditView() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("username", username);
		m.put("displayName", displayName);
		m.put("role", role);
		m.put("unitId", unitId);
		m.put("email", email);
		m.put("phone", phone);
		m.put("locale", locale);
		m.put("enabled", enabled);
		m.put("passwordChangedAt", passwordChangedAt); // when, so that a reset shows; never the password
		return m;
	}

	/** The sign-in lock state, for the audit trail of an unlock. */
	Map<String, Object> lockView() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("lockedUntil", lockedUntil);
		m.put("failedAttempts", failedAttempts);
		return m;
	}
}
