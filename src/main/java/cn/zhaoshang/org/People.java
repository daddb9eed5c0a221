package cn.zhaoshang.org;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cn.zhaoshang.org.internal.Person;
import cn.zhaoshang.org.internal.PersonForm;
import cn.zhaoshang.org.internal.PersonRepository;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.UnitId;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leaders and staff of units. Administrators edit everyone; a unit manager edits the people of their own unit (and
 * the units below it). Every write is audited.
 */
@Service
public class People {

	private final PersonRepository repository;
	private final Units units;
	private final Auditor auditor;
	private final Clock clock;
	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	People(PersonRepository repository, Units units, Auditor auditor, Clock clock,
			org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.repository = repository;
		this.units = units;
		this.auditor = auditor;
		this.clock = clock;
	}

	public List<Person> all() {
		return repository.findAll();
	}

	public Optional<Person> find(PersonId id) {
		return repository.findById(id.value());
	}

	/** A leader or staff member as other modules see them. */
	public record PersonSummary(PersonId id, String name, UnitId unitId, PersonKind kind, String title,
			boolean active) {
	}

	/** The user account of this leader or staff member, when they have one (issue 8: notices reach them). */
	public Optional<cn.zhaoshang.platform.UserId> userOf(PersonId id) {
		return jdbc.sql("SELECT user_id FROM person WHERE id = ? AND user_id IS NOT NULL")
			.param(id.value())
			.query((rs, n) -> new cn.zhaoshang.platform.UserId(rs.getLong(1)))
			.optional();
	}

	/** The active people records linked to this user account (a leader's home page lists the projects they lead). */
	public List<PersonId> ofUser(cn.zhaoshang.platform.UserId user) {
		return jdbc.sql("SELECT id FROM person WHERE user_id = ? AND active = TRUE ORDER BY id")
			.param(user.value())
			.query((rs, n) -> new PersonId(rs.getLong(1)))
			.list();
	}

	/**
	 * A leader or staff member with the position the clause XV rules count and their own account (issue 13).
	 *
	 * @param position null when the person holds none of the counted positions
	 * @param userId null when the person has no account
	 */
	public record PositionedPerson(PersonId id, String name, UnitId unitId, PersonKind kind, PersonPosition position,
			cn.zhaoshang.platform.UserId userId, String title, boolean active) {
	}

	/** Every person with position and account, by unit order and name (issue 13: trips, compliance, leaders). */
	public List<PositionedPerson> positioned() {
		return jdbc.sql("SELECT p.id, p.name, p.unit_id, p.kind, p.position, p.user_id, p.title, p.active "
				+ "FROM person p JOIN unit u ON u.id = p.unit_id ORDER BY u.sort_order, u.id, p.name, p.id")
			.query((rs, n) -> new PositionedPerson(new PersonId(rs.getLong(1)), rs.getString(2),
					new UnitId(rs.getLong(3)), PersonKind.valueOf(rs.getString(4)),
					rs.getString(5) == null ? null : PersonPosition.valueOf(rs.getString(5)),
					rs.getObject(6) == null ? null : new cn.zhaoshang.platform.UserId(rs.getLong(6)), rs.getString(7),
					rs.getBoolean(8)))
			.list();
	}

	/** One person with position and account. */
	public Optional<PositionedPerson> positioned(PersonId id) {
		return positioned().stream().filter(p -> p.id().equals(id)).findFirst();
	}

	public Optional<PersonSummary> summary(PersonId id) {
		return repository.findById(id.value()).map(People::summary);
	}

	/** Everyone, active or not, for look-ups by name (e.g. matching names in an imported ledger). */
	public List<PersonSummary> summaries() {
		return repository.findAll().stream().map(People::summary).toList();
	}

	private static PersonSummary summary(Person p) {
		return new PersonSummary(new PersonId(p.id), p.name, new UnitId(p.unitId), p.kind, p.title, p.active);
	}

	public Person get(long id) {
		return repository.findById(id).orElseThrow(NotFoundException::new);
	}

	@Transactional
	public Person create(PersonForm form, DataScope scope) {
		checkUnit(form.unitId(), scope);
		Person p = new Person();
		apply(p, form);
		p.userId = account(form);
		p.createdAt = clock.instant();
		p.updatedAt = p.createdAt;
		Person saved = repository.save(p);
		auditor.record("person", saved.id, "CREATE", saved.name, Map.of(), saved.auditView());
		return saved;
	}

	@Transactional
	public Person update(long id, PersonForm form, DataScope scope) {
		Person p = get(id);
		requireEditable(p, scope);
		if (!Objects.equals(p.version, form.version())) {
			throw new OptimisticLockingFailureException("person " + id + " changed meanwhile");
		}
		checkUnit(form.unitId(), scope);
		var before = p.auditView();
		apply(p, form);
		p.userId = account(form);
		p.updatedAt = clock.instant();
		Person saved = repository.save(p);
		auditor.record("person", saved.id, "UPDATE", saved.name, before, saved.auditView());
		return saved;
	}

	@Transactional
	public void setActive(long id, boolean active, int version, DataScope scope) {
		Person p = get(id);
		requireEditable(p, scope);
		if (p.version != version) {
			throw new OptimisticLockingFailureException("person " + id + " changed meanwhile");
		}
		var before = p.auditView();
		p.active = active;
		p.updatedAt = clock.instant();
		repository.save(p);
		auditor.record("person", p.id, active ? "ACTIVATE" : "DEACTIVATE", p.name, before, p.auditView());
	}

	public static void requireEditable(Person p, DataScope scope) {
		if (!scope.canEdit(new UnitId(p.unitId))) {
			throw new BusinessException(403, "error.forbidden");
		}
	}

	private void checkUnit(Long unitId, DataScope scope) {
		if (unitId == null || units.find(new UnitId(unitId)).isEmpty()) {
			throw new FieldException("unitId", "validation.unknown");
		}
		// The form offers only the units in scope, so another unit here is a forged request: refuse it like any
		// other write outside the user's scope.
		if (!scope.canEdit(new UnitId(unitId))) {
			throw new BusinessException(403, "error.forbidden");
		}
	}

	/** The login name of the person's account, or null. */
	public String accountOf(Person p) {
		return p.userId == null ? null
				: jdbc.sql("SELECT username FROM app_user WHERE id = ?").param(p.userId).query(String.class)
					.optional()
					.orElse(null);
	}

	/** A user account the person form offers to link: its login, the user's name and unit. */
	public record AccountChoice(String username, String name, long unitId) {
	}

	/**
	 * The enabled accounts of these units, by name, for the person form's picker (issue 8: pick the person's own
	 * account by name instead of typing a login name).
	 */
	public List<AccountChoice> accountChoices(java.util.Collection<UnitId> unitIds) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT username, display_name, unit_id FROM app_user WHERE enabled AND unit_id IN (:units) "
				+ "ORDER BY display_name, username")
			.param("units", unitIds.stream().map(UnitId::value).toList())
			.query((rs, i) -> new AccountChoice(rs.getString(1), rs.getString(2), rs.getLong(3)))
			.list();
	}

	/** The linked account must exist and belong to the person's own unit (the picker offers no other). */
	private Long account(PersonForm form) {
		if (form.account() == null || form.account().isBlank()) {
			return null;
		}
		record Account(long id, Long unitId) {
		}
		Account account = jdbc.sql("SELECT id, unit_id FROM app_user WHERE username = ?")
			.param(form.account().trim())
			.query((rs, i) -> new Account(rs.getLong(1), (Long) rs.getObject(2, Long.class)))
			.optional()
			.orElseThrow(() -> new FieldException("account", "validation.unknown"));
		if (!Objects.equals(account.unitId(), form.unitId())) {
			throw new FieldException("account", "people.account.otherUnit");
		}
		return account.id();
	}

	private static void apply(Person p, PersonForm form) {
		p.unitId = form.unitId();
		p.name = form.name().trim();
		p.kind = form.kind();
		p.title = Units.blankToNull(form.title());
		p.position = form.position();
		p.phone = Units.blankToNull(form.phone());
		p.email = Units.blankToNull(form.email());
	}
}
