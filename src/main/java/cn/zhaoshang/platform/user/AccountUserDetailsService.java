package cn.zhaoshang.platform.user;

import java.time.Clock;
import java.util.Optional;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InputText;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.i18n.Languages;

import org.springframework.security.core.userdetails.UserDetailsService;

import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads accounts for sign-in and for API tokens. */
@Service
public class AccountUserDetailsService implements UserDetailsService {

	private final UserRepository users;
	private final UnitDirectory units;
	private final Clock clock;

	AccountUserDetailsService(UserRepository users, UnitDirectory units, Clock clock) {
		this.users = users;
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

	public Optional<CurrentUser> loadById(long id) {
		return users.findById(id).map(this::toCurrentUser);
	}

	private CurrentUser toCurrentUser(User u) {
		String unitName = u.unitId == null ? null
				: units.find(new UnitId(u.unitId)).map(s -> s.name()).orElse(null);
		return new CurrentUser(u.id, u.username, u.passwordHash, u.displayName, u.role, u.unitId, unitName,
				Languages.fromTag(u.locale), u.enabled, u.lockedAt(clock.instant()), u.credentialsEpoch);
	}
}
