package cn.zhaoshang.clue.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.zhaoshang.chain.ChainId;
import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.clue.ClueCreated;
import cn.zhaoshang.clue.ClueSource;
import cn.zhaoshang.clue.ClueStatus;
import cn.zhaoshang.merchant.MerchantId;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.org.Entrustments;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UserId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clue database's write use cases: log (unit staff, city bureau), submit (intermediaries), edit, follow up,
 * confirm, declare invalid, assign, return to the city pool, and mark converted. Each checks {@link ClueAccess},
 * runs in one transaction and leaves an audit row (record type {@code clue}).
 */
@Service
public class ClueBook {

	private static final int REASON_MAX = 500;

	private final ClueRepository clues;
	private final ClueAccess access;
	private final ClueUsers users;
	private final Merchants merchants;
	private final Units units;
	private final Entrustments entrustments;
	private final Chains chains;
	private final DataScopes scopes;
	private final Auditor auditor;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	ClueBook(ClueRepository clues, ClueAccess access, ClueUsers users, Merchants merchants, Units units,
			Entrustments entrustments, Chains chains, DataScopes scopes, Auditor auditor, JdbcClient jdbc,
			Clock clock, ApplicationEventPublisher events) {
		this.clues = clues;
		this.access = access;
		this.users = users;
		this.merchants = merchants;
		this.units = units;
		this.entrustments = entrustments;
		this.chains = chains;
		this.scopes = scopes;
		this.auditor = auditor;
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/** The clue if the user may read it; otherwise not found (nothing about it leaks). */
	public Clue readable(long id, CurrentUser user) {
		Clue c = clues.findById(id).orElseThrow(NotFoundException::new);
		if (!access.canRead(c, user)) {
			throw new NotFoundException();
		}
		return c;
	}

	/** The clue if the user may change it: 404 when they may not even read it, 403 when read-only. */
	public Clue editable(long id, CurrentUser user) {
		Clue c = readable(id, user);
		if (!access.canEdit(c, user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		return c;
	}

	/**
	 * The clue if the user may log a follow-up on it (an editor of the clue or its assignee): the rule of
	 * {@link #followUp}, also for the form that leads to it.
	 */
	public Clue followable(long id, CurrentUser user) {
		Clue c = readable(id, user);
		boolean assignee = c.assigneeId != null && c.assigneeId == user.id().value();
		if (!access.canEdit(c, user) && !assignee) {
			throw new BusinessException(403, "error.forbidden");
		}
		return c;
	}

	/** The clue if the user may assign it: the rule of {@link #assign}, also for the form that leads to it. */
	public Clue assignable(long id, CurrentUser user) {
		Clue c = readable(id, user);
		if (!access.canAssign(c, user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		return c;
	}

	/**
	 * The clue if the user may send it back to the city pool: the rule of {@link #returnToPool}, also for the form
	 * that leads to it.
	 */
	public Clue returnable(long id, CurrentUser user) {
		Clue c = readable(id, user);
		if (!access.canReturnToPool(c, user)) {
			if (c.ownerUnitId == null) {
				throw new BusinessException(409, "clue.error.alreadyInPool");
			}
			throw new BusinessException(403, "error.forbidden");
		}
		return c;
	}

	public java.util.Optional<Clue> find(long id) {
		return clues.findById(id);
	}

	public java.util.Optional<Clue> ofProject(long projectId) {
		return clues.findByProjectId(projectId);
	}

	/** Logs a clue: by the city bureau (any unit, or the city pool) or unit users (their own unit's). */
	@Transactional
	public Clue create(ClueDetails d, CurrentUser user) {
		return create(d, user, ClueStatus.NEW);
	}

	/** {@link #create(ClueDetails, CurrentUser)} in an open status the clue already reached elsewhere (an import). */
	Clue create(ClueDetails d, CurrentUser user, ClueStatus status) {
		if (user.role() == Role.INTERMEDIARY) {
			return submit(d, user);
		}
		if (!ClueAccess.editorRole(user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		UnitId owner = UnitId.of(d.ownerUnitId());
		if (owner == null) {
			if (!ClueAccess.cityBureau(user)) {
				throw new FieldException("ownerUnitId", "validation.required");
			}
		}
		else if (units.find(owner).isEmpty()) {
			throw new FieldException("ownerUnitId", "validation.unknown");
		}
		else if (!scopes.of(user).canEdit(owner)) {
			throw new FieldException("ownerUnitId", "clue.validation.unitOutOfScope");
		}
		UserId assignee = d.assigneeId() == null ? null : new UserId(d.assigneeId());
		if (assignee != null) {
			if (owner == null) {
				throw new FieldException("assigneeId", "clue.validation.assigneeNeedsUnit");
			}
			checkAssignee("assigneeId", owner, assignee);
		}
		Instant now = clock.instant();
		Clue c = Clue.logged(d.source(), user.getUsername(), null, LocalDate.now(clock), now);
		c.ownerUnitId = owner == null ? null : owner.value();
		c.assigneeId = assignee == null ? null : assignee.value();
		apply(c, d, now);
		c.credit(d.source(), checkedSourceUnit(d.sourceUnitId()), d.sourceCredit());
		c.status = status;
		return saveNew(c);
	}

	/**
	 * An intermediary submits a clue for one of the units that entrust it: source INTERMEDIARY credited to its own
	 * unit, owned by the chosen unit, NEW. It sees the clue (and only its own clues) afterwards.
	 */
	@Transactional
	public Clue submit(ClueDetails d, CurrentUser user) {
		if (user.role() != Role.INTERMEDIARY || user.unitId() == null) {
			throw new BusinessException(403, "error.forbidden");
		}
		UnitId owner = UnitId.of(d.ownerUnitId());
		if (owner == null) {
			throw new FieldException("ownerUnitId", "validation.required");
		}
		if (!entrustments.entrusts(owner, user.unitId())) {
			throw new FieldException("ownerUnitId", "clue.validation.notEntrusted");
		}
		Instant now = clock.instant();
		Clue c = Clue.logged(ClueSource.INTERMEDIARY, user.getUsername(), user.id().value(), LocalDate.now(clock), now);
		c.ownerUnitId = owner.value();
		apply(c, d, now);
		String credit = d.sourceCredit() == null || d.sourceCredit().isBlank() ? user.unitName() : d.sourceCredit();
		c.credit(ClueSource.INTERMEDIARY, user.unitId().value(), credit);
		return saveNew(c);
	}

	private Clue saveNew(Clue c) {
		Clue saved = clues.save(c);
		// the id is known only now; a second save just for the event would make a new clue's version 1
		events.publishEvent(new ClueCreated(saved.id(), saved.owner(), saved.source));
		insertAssignment(saved.id, "CREATE", null, null, saved.owner(), saved.assignee(), null, saved.createdBy,
				saved.createdAt);
		auditor.record("clue", saved.id, "CREATE", saved.title, Map.of(), saved.auditView());
		return saved;
	}

	/** Edits the facts of an open clue (not its owner or status); the version must match (else 409). */
	@Transactional
	public Clue update(long id, ClueDetails d, CurrentUser user) {
		Clue c = editable(id, user);
		if (d.version() == null || !Objects.equals(c.version, d.version())) {
			throw new OptimisticLockingFailureException("clue " + id + " changed meanwhile");
		}
		c.requireOpen();
		var before = c.auditView();
		apply(c, d, clock.instant());
		if (c.source != ClueSource.INTERMEDIARY) {
			// an intermediary's credit is fixed by the submission: nobody edits it away afterwards
			c.credit(d.source(), checkedSourceUnit(d.sourceUnitId()), d.sourceCredit());
		}
		Clue saved = clues.save(c);
		auditor.record("clue", saved.id, "UPDATE", saved.title, before, saved.auditView());
		return saved;
	}

	private void apply(Clue c, ClueDetails d, Instant now) {
		if (d.chainId() == null || chains.find(new ChainId(d.chainId())).isEmpty()) {
			throw new FieldException("chainId", "validation.unknown");
		}
		String name = d.enterpriseName().trim();
		Long merchantId = null;
		if (d.merchantId() != null) {
			var m = merchants.find(new MerchantId(d.merchantId()))
				.orElseThrow(() -> new FieldException("merchantId", "validation.unknown"));
			merchantId = m.id().value();
			name = m.name();
		}
		else {
			// a name typed exactly as registered links at once; near matches are offered on the clue's page
			var m = merchants.match(name, null);
			if (m.isPresent()) {
				merchantId = m.get().id().value();
				name = m.get().name();
			}
		}
		c.edit(d, merchantId, name, now);
	}

	private Long checkedSourceUnit(Long id) {
		if (id != null && units.find(new UnitId(id)).isEmpty()) {
			throw new FieldException("sourceUnitId", "validation.unknown");
		}
		return id;
	}

	/** Links the clue's enterprise to a merchant of the database (a match offered on its page). */
	@Transactional
	public Clue match(long id, long merchantId, CurrentUser user) {
		Clue c = editable(id, user);
		c.requireOpen();
		var m = merchants.find(new MerchantId(merchantId)).orElseThrow(NotFoundException::new);
		var before = c.auditView();
		c.matched(m.id(), m.name(), clock.instant());
		Clue saved = clues.save(c);
		auditor.record("clue", saved.id, "MATCH", saved.title + " " + m.name(), before, saved.auditView());
		return saved;
	}

	/**
	 * Links the clue to its enterprise in the merchant database, registering the enterprise under the clue's name when
	 * it is not there yet (the duplicate check of {@link Merchants#findOrRegister} finds it under another spelling).
	 */
	@Transactional
	public Clue registerMerchant(long id, CurrentUser user) {
		Clue c = editable(id, user);
		c.requireOpen();
		var m = merchants.findOrRegister(c.enterpriseName, null, c.owner());
		return match(id, m.id().value(), user);
	}

	/** A dated follow-up by an editor of the clue or its assignee; the first one moves NEW to FOLLOWING. */
	@Transactional
	public long followUp(long id, FollowUpInput in, CurrentUser user) {
		Clue c = followable(id, user);
		c.requireOpen();
		LocalDate today = LocalDate.now(clock);
		List<Violation> violations = new ArrayList<>();
		if (in.followUpDate() == null) {
			violations.add(new Violation("followUpDate", "validation.required"));
		}
		else if (in.followUpDate().isAfter(today)) {
			violations.add(new Violation("followUpDate", "validation.notFuture"));
		}
		if (in.followUpKind() == null) {
			violations.add(new Violation("followUpKind", "validation.required"));
		}
		if (in.content() == null || in.content().isBlank()) {
			violations.add(new Violation("content", "validation.required"));
		}
		else if (in.content().length() > 2000) {
			violations.add(new Violation("content", "validation.size"));
		}
		if (in.peopleMet() != null && in.peopleMet().length() > 200) {
			violations.add(new Violation("peopleMet", "validation.size"));
		}
		if (in.nextStep() != null && in.nextStep().length() > 500) {
			violations.add(new Violation("nextStep", "validation.size"));
		}
		if (in.nextDate() != null && in.followUpDate() != null && in.nextDate().isBefore(in.followUpDate())) {
			violations.add(new Violation("nextDate", "clue.validation.nextDateBeforeDate"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		Instant now = clock.instant();
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO clue_follow_up (clue_id, follow_up_date, kind, people_met, content, next_step, next_date,
				    created_by, created_at)
				VALUES (:c, :d, :k, :people, :content, :next, :nextDate, :by, :at)""")
			.param("c", c.id)
			.param("d", in.followUpDate())
			.param("k", in.followUpKind().name())
			.param("people", Clue.blankToNull(in.peopleMet()))
			.param("content", in.content().trim())
			.param("next", Clue.blankToNull(in.nextStep()))
			.param("nextDate", in.nextDate())
			.param("by", user.getUsername())
			.param("at", now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		var before = c.auditView();
		c.followedUp(in.followUpDate(), now);
		Clue saved = clues.save(c);
		auditor.record("clue", saved.id, "FOLLOW_UP",
				saved.title + " " + in.followUpDate() + " " + abbreviate(in.content().trim()), before, saved.auditView());
		return keys.getKey().longValue();
	}

	/** The enterprise confirmed its intent to invest (FOLLOWING → CONFIRMED). */
	@Transactional
	public Clue confirm(long id, CurrentUser user) {
		Clue c = editable(id, user);
		var before = c.auditView();
		c.confirm(clock.instant());
		Clue saved = clues.save(c);
		auditor.record("clue", saved.id, "CONFIRM", saved.title, before, saved.auditView());
		return saved;
	}

	/** The clue is dropped, with a reason (any open status → INVALID). */
	@Transactional
	public Clue invalidate(long id, String reason, CurrentUser user) {
		Clue c = editable(id, user);
		if (reason != null && reason.length() > REASON_MAX) {
			throw new FieldException("reason", "validation.size");
		}
		var before = c.auditView();
		c.invalidate(reason, clock.instant());
		Clue saved = clues.save(c);
		auditor.record("clue", saved.id, "INVALIDATE", saved.title + " " + saved.invalidReason, before,
				saved.auditView());
		return saved;
	}

	/**
	 * Assigns an open clue to a unit and optionally one of its users. The city bureau assigns to any unit (a reason
	 * is required when the unit changes); a unit manager only within the own unit.
	 */
	@Transactional
	public Clue assign(long id, Long unitId, Long userId, String reason, CurrentUser user) {
		Clue c = assignable(id, user);
		c.requireOpen();
		List<Violation> violations = new ArrayList<>();
		UnitId unit = UnitId.of(unitId);
		if (unit == null) {
			violations.add(new Violation("ownerUnitId", "validation.required"));
		}
		else if (units.find(unit).isEmpty()) {
			violations.add(new Violation("ownerUnitId", "validation.unknown"));
		}
		else if (!ClueAccess.cityBureau(user) && !scopes.of(user).canEdit(unit)) {
			violations.add(new Violation("ownerUnitId", "clue.validation.unitOutOfScope"));
		}
		boolean unitChanges = unit == null || !unit.equals(c.owner());
		if (unitChanges && (reason == null || reason.isBlank())) {
			violations.add(new Violation("reason", "validation.required"));
		}
		else if (reason != null && reason.length() > REASON_MAX) {
			violations.add(new Violation("reason", "validation.size"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		UserId to = userId == null ? null : new UserId(userId);
		if (to != null) {
			checkAssignee("assigneeId", unit, to);
		}
		if (!unitChanges && Objects.equals(to, c.assignee())) {
			throw new FieldException("assigneeId", "clue.validation.sameAssignment");
		}
		UnitId fromUnit = c.owner();
		UserId fromUser = c.assignee();
		var before = c.auditView();
		Instant now = clock.instant();
		String why = Clue.blankToNull(reason);
		c.assign(unit, to, why, now);
		Clue saved = clues.save(c);
		// the first hand-over to a person (or out of the pool) is 指派; a change of person or unit is 改派
		boolean reassign = fromUser != null || (fromUnit != null && unitChanges);
		insertAssignment(saved.id, reassign ? "REASSIGN" : "ASSIGN", fromUnit, fromUser, unit, to, why,
				user.getUsername(), now);
		auditor.record("clue", saved.id, "ASSIGN", saved.title + (why == null ? "" : " " + why), before,
				saved.auditView());
		return saved;
	}

	/** Sends an open clue back to the city pool for reassignment (its unit manager, its assignee, the city bureau). */
	@Transactional
	public Clue returnToPool(long id, String reason, CurrentUser user) {
		Clue c = returnable(id, user);
		if (reason != null && reason.length() > REASON_MAX) {
			throw new FieldException("reason", "validation.size");
		}
		UnitId fromUnit = c.owner();
		UserId fromUser = c.assignee();
		var before = c.auditView();
		Instant now = clock.instant();
		c.returnToPool(reason, now);
		Clue saved = clues.save(c);
		insertAssignment(saved.id, "RETURN", fromUnit, fromUser, null, null, reason.trim(), user.getUsername(), now);
		auditor.record("clue", saved.id, "RETURN_TO_POOL", saved.title + " " + reason.trim(), before,
				saved.auditView());
		return saved;
	}

	/**
	 * A CONFIRMED clue became a project of the ledger (called by the project module in its transaction). When the
	 * clue named its enterprise only as text, it is linked to the merchant the project registered or found.
	 */
	@Transactional
	public Clue markConverted(long id, long projectId, String projectCode, MerchantId merchant, CurrentUser user) {
		Clue c = editable(id, user);
		var before = c.auditView();
		if (c.merchantId == null && merchant != null) {
			merchants.find(merchant).ifPresent(m -> c.matched(m.id(), m.name(), clock.instant()));
		}
		c.converted(projectId, projectCode, clock.instant());
		Clue saved = clues.save(c);
		auditor.record("clue", saved.id, "CONVERT", saved.title + " " + projectCode, before, saved.auditView());
		return saved;
	}

	private void checkAssignee(String field, UnitId unit, UserId user) {
		var a = users.find(user).orElseThrow(() -> new FieldException(field, "validation.unknown"));
		if (a.unit() == null || !units.selfAndDescendants(unit).contains(a.unit())
				|| (a.role() != Role.UNIT_MANAGER && a.role() != Role.UNIT_STAFF)) {
			throw new FieldException(field, "clue.validation.assigneeNotOfUnit");
		}
	}

	private void insertAssignment(long clueId, String kind, UnitId fromUnit, UserId fromUser, UnitId toUnit,
			UserId toUser, String reason, String by, Instant at) {
		jdbc.sql("""
				INSERT INTO clue_assignment (clue_id, kind, from_unit_id, from_user_id, to_unit_id, to_user_id, reason,
				    assigned_by, assigned_at)
				VALUES (:c, :k, :fu, :fus, :tu, :tus, :r, :by, :at)""")
			.param("c", clueId)
			.param("k", kind)
			.param("fu", fromUnit == null ? null : fromUnit.value())
			.param("fus", fromUser == null ? null : fromUser.value())
			.param("tu", toUnit == null ? null : toUnit.value())
			.param("tus", toUser == null ? null : toUser.value())
			.param("r", reason)
			.param("by", by)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.update();
	}

	private static String abbreviate(String s) {
		return s.length() <= 60 ? s : s.substring(0, 60) + "…";
	}
}
