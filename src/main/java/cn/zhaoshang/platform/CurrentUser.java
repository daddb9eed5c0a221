package cn.zhaoshang.platform;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user as Spring Security sees it; stored in the (JDBC) session, so it stays small and serializable. */
public final class CurrentUser implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;
	private final String username;
	private String passwordHash;
	private final String displayName;
	private final Role role;
	private final Long unitId;
	private final String unitName;
	private final Locale locale;
	private final boolean enabled;
	private final boolean locked;
	/** The account's credentials epoch when it was loaded: API tokens are issued for it (see ApiTokens). */
	private final int credentialsEpoch;

	public CurrentUser(long id, String username, String passwordHash, String displayName, Role role, Long unitId,
			String unitName, Locale locale, boolean enabled, boolean locked) {
		this(id, username, passwordHash, displayName, role, unitId, unitName, locale, enabled, locked, 0);
	}

	public CurrentUser(long id, String username, String passwordHash, String displayName, Role role, Long unitId,
			String unitName, Locale locale, boolean enabled, boolean locked, int credentialsEpoch) {
		this.id = id;
		this.username = username;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.role = role;
		this.unitId = unitId;
		this.unitName = unitName;
		this.locale = locale;
		this.enabled = enabled;
		this.locked = locked;
		this.credentialsEpoch = credentialsEpoch;
	}

	public UserId id() {
		return new UserId(id);
	}

	public String displayName() {
		return displayName;
	}

	public Role role() {
		return role;
	}

	public UnitId unitId() {
		return UnitId.of(unitId);
	}

	public String unitName() {
		return unitName;
	}

	public Locale locale() {
		return locale;
	}

	/** Raised by every password change and deactivation of the account; a token of an older epoch is void. */
	public int credentialsEpoch() {
		return credentialsEpoch;
	}

	public boolean hasRole(Role r) {
		return role == r;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(role.authority()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof CurrentUser other && other.id == id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(id);
	}

	@Override
	public String toString() {
		return username;
	}
}
