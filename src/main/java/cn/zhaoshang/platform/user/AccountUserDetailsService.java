package cn.zhaoshang.platform.user;

import java.time.Clock;
import java.util.Optional;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InputText;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.i18n.Languages;

import org.springframework.security.core.userdetails.UserDetailsService;

import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Loads accounts for sign-in and for API tokens. */
@Service
public class AccountUserDetailsService implements UserDetailsService {

	private final UserRepository users;
	private final UnitDirectory units;
	private final JdbcClient jdbc;
	private final Clock clock;

	AccountUserDetailsService(UserRepository users, UnitDirectory units, JdbcClient jdbc, Clock clock) {
		this.users = users;
		this.jdbc = jdbc;
		this.units = units;
		this.clock = clock;
	}

	@Override
	public CurrentUser loadUserByUsername(String username) {
		if (InputText.problem(username) != null) {
			// no account has such a name, and PostgreSQL cannot even compare a NUL: answer as for any unknown name
			throw new UsernameNotFoundException("unknown user");
		}
		return users.findByUsername(username).map(this::toCurrentUser)
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}

	/**
	 * The account with its unit's name in one statement (every API request with a bearer token reads it: plain SQL,
	 * not the aggregate's mapping; issue 15).
	 */
	public Optional<CurrentUser> loadById(long id) {
		return jdbc.sql("""
				SELECT a.id, a.username, a.password_hash, a.display_name, a.role, a.unit_id, n.name AS unit_name,
				       a.locale, a.enabled, a.locked_until, a.credentials_epoch
				FROM app_user a LEFT JOIN unit n ON n.id = a.unit_id WHERE a.id = ?""")
			.param(id)
			.query((rs, n) -> {
				long unit = rs.getLong("unit_id");
				Long unitId = rs.wasNull() ? null : unit;
				java.time.OffsetDateTime lockedUntil = rs.getObject("locked_until", java.time.OffsetDateTime.class);
				return new CurrentUser(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
						rs.getString("display_name"), Role.valueOf(rs.getString("role")), unitId,
						unitId == null ? null : rs.getString("unit_name"), Languages.fromTag(rs.getString("locale")),
						rs.getBoolean("enabled"),
						User.locked(lockedUntil == null ? null : lockedUntil.toInstant(), clock.instant()),
						rs.getInt("credentials_epoch"));
			})
			.optional();
	}

	private CurrentUser toCurrentUser(User u) {
		String unitName = u.unitId == null ? null
				: units.find(new UnitId(u.unitId)).map(s -> s.name()).orElse(null);
		return new CurrentUser(u.id, u.username, u.passwordHash, u.displayName, u.role, u.unitId, unitName,
				Languages.fromTag(u.locale), u.enabled, u.lockedAt(clock.instant()), u.credentialsEpoch);
	}
}
