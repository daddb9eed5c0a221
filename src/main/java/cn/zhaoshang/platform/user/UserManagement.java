package cn.zhaoshang.platform.user;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.i18n.Languages;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The administrator's use cases on accounts, and a user's own password and language. Every write is audited. */
@Service
class UserManagement {

	private final UserRepository users;
	private final UnitDirectory units;
	private final PasswordEncoder encoder;
	private final Auditor auditor;
	private final Clock clock;
	private final OpenSessions sessions;

	UserManagement(UserRepository users, UnitDirectory units, PasswordEncoder encoder, Auditor auditor, Clock clock,
			OpenSessions sessions) {
		this.users = users;
		this.units = units;
		this.encoder = encoder;
		this.auditor = auditor;
		this.clock = clock;
		this.sessions = sessions;
	}

	User get(long id) {
		return users.findById(id).orElseThrow(NotFoundException::new);
	}

	List<User> all() {
		return users.findAll();
	}

	@Transactional
	User create(UserForm form) {
		var broken = violations(form, true);
		if (!broken.isEmpty()) {
			throw new InvalidInputException(broken);
		}
		User u = new User();
		u.username = form.username().trim();
		apply(u, form);
		u.passwordHash = encoder.encode(form.password());
		u.passwordChangedAt = clock.instant();
		u.createdAt = clock.instant();
		u.updatedAt = u.createdAt;
		User saved = users.save(u);
		auditor.record("user", saved.id, "CREATE", saved.username, Map.of(), saved.auditView());
		return saved;
	}

	@Transactional
	User update(long id, UserForm form) {
		User u = get(id);
		if (!Objects.equals(u.version, form.version())) {
			throw new OptimisticLockingFailureException("user " + id + " changed meanwhile");
		}
		var broken = violations(form, false);
		if (!broken.isEmpty()) {
			throw new InvalidInputException(broken);
		}
		var before = u.auditView();
		var rightsBefore = List.of(Objects.toString(u.role), Objects.toString(u.unitId));
		boolean newPassword = form.password() != null && !form.password().isBlank();
		apply(u, form);
		if (newPassword) {
			u.passwordHash = encoder.encode(form.password());
			u.passwordChangedAt = clock.instant();
			u.revokeCredentials();
		}
		u.updatedAt = clock.instant();
		User saved = users.save(u);
		auditor.record("user", saved.id, "UPDATE", saved.username, before, saved.auditView());
		if (newPassword || !rightsBefore.equals(List.of(Objects.toString(u.role), Objects.toString(u.unitId)))) {
			sessions.end(saved.username);
		}
		return saved;
	}

	@Transactional
	void setEnabled(long id, boolean enabled, int version) {
		User u = get(id);
		if (u.version != version) {
			throw new OptimisticLockingFailureException("user " + id + " changed meanwhile");
		}
		var before = u.auditView();
		u.enabled = enabled;
		if (!enabled) {
			u.revokeCredentials();
		}
		u.updatedAt = clock.instant();
		users.save(u);
		auditor.record("user", u.id, enabled ? "ACTIVATE" : "DEACTIVATE", u.username, before, u.auditView());
		if (!enabled) {
			sessions.end(u.username);
		}
	}

	@Transactional
	void unlock(long id) {
		User u = get(id);
		var before = u.lockView();
		u.lockedUntil = null;
		u.failedAttempts = 0;
		users.save(u);
		auditor.record("user", u.id, "UNLOCK", u.username, before, u.lockView());
	}

	/**
	 * The user's own new password. It ends every other session of the user and voids every API token; the session
	 * the change was made in ({@code keepSessionId}, may be null) stays signed in.
	 */
	@Transactional
	void changeOwnPassword(long id, String current, String next, String repeat, String keepSessionId) {
		User u = get(id);
		if (!encoder.matches(current, u.passwordHash)) {
			throw new FieldException("currentPassword", "validation.password.current");
		}
		PasswordPolicy.violation(next).ifPresent(key -> {
			throw new FieldException("newPassword", key);
		});
		if (!next.equals(repeat)) {
			throw new FieldException("repeatPassword", "validation.password.repeat");
		}
		u.passwordHash = encoder.encode(next);
		u.passwordChangedAt = clock.instant();
		u.revokeCredentials();
		users.save(u);
		auditor.record("user", u.id, "PASSWORD_CHANGE", u.username, Map.of(), Map.of());
		sessions.endAllBut(u.username, keepSessionId);
	}

	@Transactional
	void changeLocale(long id, String tag) {
		User u = get(id);
		String chosen = Languages.tag(Languages.fromTag(tag));
		if (chosen.equals(u.locale)) {
			return;
		}
		var before = Map.<String, Object>of("locale", u.locale);
		u.locale = chosen;
		users.save(u);
		auditor.record("user", u.id, "UPDATE", u.username, before, Map.of("locale", chosen));
	}

	/** First start on an empty database without demo data: create {@code admin}. */
	@Transactional
	void createInitialAdmin(String password) {
		User u = new User();
		u.username = "admin";
		u.displayName = "admin";
		u.role = Role.ADMIN;
		u.passwordHash = encoder.encode(password);
		u.createdAt = clock.instant();
		u.updatedAt = u.createdAt;
		u.passwordChangedAt = u.createdAt;
		users.save(u);
		auditor.recordAs("system", null, null, "user", u.id, "CREATE", "admin", Map.of(), u.auditView());
	}

	boolean anyAdmin() {
		return users.existsByRole(Role.ADMIN);
	}

	/**
	 * The account rules beyond the form's own annotations, all at once, so a form shows every problem in one round:
	 * a free user name (on creation), a unit for every role but administrator, a known unit, and the password
	 * policy (required on creation, optional on edit).
	 */
	List<Violation> violations(UserForm form, boolean creating) {
		List<Violation> broken = new java.util.ArrayList<>();
		if (creating && form.username() != null && !form.username().isBlank()
				&& users.existsByUsername(form.username().trim())) {
			broken.add(new Violation("username", "validation.username.taken"));
		}
		if (form.role() != null && form.role() != Role.ADMIN && form.unitId() == null) {
			broken.add(new Violation("unitId", "validation.user.unitRequired"));
		}
		if (form.unitId() != null && units.find(new UnitId(form.unitId())).isEmpty()) {
			broken.add(new Violation("unitId", "validation.unknown"));
		}
		if (creating || (form.password() != null && !form.password().isBlank())) {
			PasswordPolicy.violation(form.password()).ifPresent(key -> broken.add(new Violation("password", key)));
		}
		return broken;
	}

	private static void apply(User u, UserForm form) {
		u.displayName = form.displayName().trim();
		u.role = form.role();
		u.unitId = form.unitId();
		u.email = blankToNull(form.email());
		u.phone = blankToNull(form.phone());
		u.locale = Languages.tag(Languages.fromTag(form.locale()));
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
