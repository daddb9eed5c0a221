package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.zhaoshang.chain.ChainId;
import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.project.EvidenceKind;
import cn.zhaoshang.org.People;
import cn.zhaoshang.org.PersonId;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's write use cases: create, edit, move stage or status (applied at once or submitted for review),
 * review, progress updates and evidence. Each checks the user's data scope, runs in one transaction and leaves an
 * audit row.
 */
@Service
public class ProjectLedger {

	private final ProjectRepository projects;
	private final Merchants merchants;
	private final Units units;
	private final People people;
	private final Chains chains;
	private final DataScopes scopes;
	private final Attachments attachments;
	private final Auditor auditor;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final String codePrefix;
	private final org.springframework.context.ApplicationEventPublisher events;
	private final EvidenceRequirement.Source evidenceRules;

	ProjectLedger(ProjectRepository projects, Merchants merchants, Units units, People people, Chains chains,
			DataScopes scopes, Attachments attachments, Auditor auditor, JdbcClient jdbc, Clock clock,
			@Value("${zhaoshang.project.code-prefix:PY}") String codePrefix,
			org.springframework.context.ApplicationEventPublisher events, EvidenceRequirement.Source evidenceRules) {
		this.events = events;
		this.evidenceRules = evidenceRules;
		this.projects = projects;
		this.merchants = merchants;
		this.units = units;
		this.people = people;
		this.chains = chains;
		this.scopes = scopes;
		this.attachments = attachments;
		this.auditor = auditor;
		this.jdbc = jdbc;
		this.clock = clock;
		this.codePrefix = codePrefix;
	}

	/** The project if the user may read it; otherwise not found (nothing about it leaks). */
	public Project readable(long id, CurrentUser user) {
		Project p = projects.findById(id).orElseThrow(NotFoundException::new);
		if (!scopes.of(user).canRead(p.unit())) {
			throw new NotFoundException();
		}
		return p;
	}

	/** The project if the user may change it: 404 when they may not even read it, 403 when read-only. */
	public Project editable(long id, CurrentUser user) {
		Project p = readable(id, user);
		if (!scopes.of(user).canEdit(p.unit())) {
			throw new BusinessException(403, "error.forbidden");
		}
		return p;
	}

	/**
	 * An attachment the user may download: one of a project they may read (the shared city pool, DESIGN §5), or
	 * their own upload not yet linked to a project. Anything else is not found, so ids reveal nothing.
	 */
	public Attachments.Attachment readableAttachment(long attachmentId, CurrentUser user) {
		var a = attachments.find(attachmentId).orElseThrow(NotFoundException::new);
		if (a.projectId() != null) {
			readable(a.projectId(), user);
		}
		else if (user == null || !user.getUsername().equals(a.uploadedBy())) {
			throw new NotFoundException();
		}
		return a;
	}

	public boolean canEdit(Project p, CurrentUser user) {
		return scopes.of(user).canEdit(p.unit());
	}

	@Transactional
	public Project create(ProjectDetails d, CurrentUser user) {
		Instant now = clock.instant();
		Project p = new Project();
		p.code = nextCode();
		p.createdBy = user.getUsername();
		p.createdAt = now;
		applyDetails(p, d, user, now);
		Project saved = save(p);
		peopleChanged(saved, null, null, user);
		auditor.record("project", saved.id, "CREATE", saved.code + " " + saved.name, Map.of(), saved.auditView());
		return saved;
	}

	@Transactional
	public Project update(long id, ProjectDetails d, CurrentUser user) {
		Project p = editable(id, user);
		if (d.version() == null || !Objects.equals(p.version, d.version())) {
			throw new OptimisticLockingFailureException("project " + id + " changed meanwhile");
		}
		var before = p.auditView();
		Long leaderBefore = p.leaderId;
		Long attendantBefore = p.chiefAttendantId;
		applyDetails(p, d, user, clock.instant());
		Project saved = save(p);
		peopleChanged(saved, leaderBefore, attendantBefore, user);
		auditor.record("project", saved.id, "UPDATE", saved.code + " " + saved.name, before, saved.auditView());
		return saved;
	}

	private void applyDetails(Project p, ProjectDetails d, CurrentUser user, Instant now) {
		DataScope scope = scopes.of(user);
		if (d.unitId() == null || units.find(new UnitId(d.unitId())).isEmpty()) {
			throw new FieldException("unitId", "validation.unknown");
		}
		if (!scope.canEdit(new UnitId(d.unitId()))) {
			throw new FieldException("unitId", "validation.project.unitOutOfScope");
		}
		if (d.introUnitId() != null && units.find(new UnitId(d.introUnitId())).isEmpty()) {
			throw new FieldException("introUnitId", "validation.unknown");
		}
		if (d.chainId() == null || chains.find(new ChainId(d.chainId())).isEmpty()) {
			throw new FieldException("chainId", "validation.unknown");
		}
		String leaderName = personName("leaderId", d.leaderId());
		String attendantName = personName("chiefAttendantId", d.chiefAttendantId());
		var investor = merchants.findOrRegister(d.investorName(), d.investorUscc(), new UnitId(d.unitId()));
		projects.findByNameAndMerchantId(d.name().trim(), investor.id().value())
			.filter(other -> !other.id.equals(p.id))
			.ifPresent(other -> {
				throw new FieldException("name", "validation.project.duplicate", other.code);
			});
		p.edit(d, investor.id().value(), investor.name(), d.leaderId(), leaderName, d.chiefAttendantId(),
				attendantName, now);
		if (d.leaderId() != null || d.chiefAttendantId() != null) {
			p.namesUnmatched = false;
		}
	}

	/** Tells who listens (the notices) that the project's leader or chief attendant was set or changed. */
	private void peopleChanged(Project p, Long leaderBefore, Long attendantBefore, CurrentUser user) {
		if (!Objects.equals(leaderBefore, p.leaderId) || !Objects.equals(attendantBefore, p.chiefAttendantId)) {
			events.publishEvent(new cn.zhaoshang.project.ProjectPeopleChanged(p.id(), p.unit(), p.code, p.name,
					person(leaderBefore), person(p.leaderId), person(attendantBefore), person(p.chiefAttendantId),
					user.getUsername()));
		}
	}

	private static PersonId person(Long id) {
		return id == null ? null : new PersonId(id);
	}

	private String personName(String field, Long id) {
		if (id == null) {
			return null;
		}
		return people.summary(new PersonId(id)).map(People.PersonSummary::name)
			.orElseThrow(() -> new FieldException(field, "validation.unknown"));
	}

	/** The outcome of a requested move. */
	public record MoveOutcome(long moveId, boolean applied) {
	}

	/**
	 * Moves a project. A forward move into a gated stage is submitted for review when the landing unit's setting
	 * asks for it; every other move applies at once. Evidence uploads are linked to the project.
	 */
	@Transactional
	public MoveOutcome move(long id, StageMoveRequest move, CurrentUser user) {
		Project p = editable(id, user);
		boolean supervisor = user.role() == Role.ADMIN || user.role() == Role.CITY_SUPERVISOR;
		LocalDate today = LocalDate.now(clock);
		move = withStoredKinds(move);
		p.checkMove(move, supervisor, today, evidenceRules.of(move.to()));
		Instant now = clock.instant();
		var before = p.auditView();
		boolean forward = move.to() != null && p.stage().isBefore(move.to());
		boolean review = forward && units.requiresStageReview(p.unit());
		long moveId = insertMove(p, move, review ? "SUBMITTED" : "APPLIED", user, now);
		// The same id twice would break the evidence table's key and end in a 500.
		List<Long> evidenceIds = move.evidence().stream().distinct().toList();
		if (!evidenceIds.isEmpty()) {
			attachments.claim(evidenceIds, p.id, user, "EVIDENCE", move.evidenceKinds());
			for (Long evidence : evidenceIds) {
				jdbc.sql("INSERT INTO project_stage_move_evidence (move_id, attachment_id) VALUES (:m, :a)")
					.param("m", moveId)
					.param("a", evidence)
					.update();
			}
			p.evidenceAttached(now);
		}
		if (review) {
			p.submitted(moveId, move.to(), user.getUsername(), now);
		}
		else {
			p.apply(move, today, now);
		}
		Project saved = save(p);
		auditor.record("project", saved.id, review ? "STAGE_SUBMIT" : "STAGE_MOVE",
				saved.code + " " + describe(move), before, saved.auditView());
		return new MoveOutcome(moveId, !review);
	}

	/** The city bureau approves a submitted move (the gate is checked again) or returns it with an opinion. */
	@Transactional
	public void review(long projectId, long moveId, boolean approve, String opinion, CurrentUser user) {
		if (user.role() != Role.ADMIN && user.role() != Role.CITY_SUPERVISOR) {
			throw new BusinessException(403, "error.forbidden");
		}
		Project p = readable(projectId, user);
		if (p.pendingMoveId == null || p.pendingMoveId != moveId) {
			throw new BusinessException(409, "project.review.notPending");
		}
		if (!approve && (opinion == null || opinion.isBlank())) {
			throw new InvalidInputException(List.of(new Violation("opinion", "validation.review.opinionRequired")));
		}
		StageMoveRequest move = withStoredKinds(loadMove(moveId));
		String submittedBy = jdbc.sql("SELECT submitted_by FROM project_stage_move WHERE id = :id")
			.param("id", moveId)
			.query(String.class)
			.single();
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		var before = p.auditView();
		if (approve) {
			p.pendingMoveId = null;
			p.checkMove(move, true, today, evidenceRules.of(move.to()));
			p.apply(move, today, now);
		}
		else {
			p.reviewReturned(now);
		}
		jdbc.sql("""
				UPDATE project_stage_move SET state = :state, reviewed_by = :by, reviewed_at = :at, opinion = :opinion
				WHERE id = :id""")
			.param("state", approve ? "APPROVED" : "RETURNED")
			.param("by", user.getUsername())
			.param("at", now.atOffset(ZoneOffset.UTC))
			.param("opinion", opinion == null || opinion.isBlank() ? null : opinion.trim())
			.param("id", moveId)
			.update();
		p.reviewed(moveId, move.to(), approve, opinion == null || opinion.isBlank() ? null : opinion.trim(),
				submittedBy, user.getUsername());
		Project saved = save(p);
		auditor.record("project", saved.id, approve ? "STAGE_APPROVE" : "STAGE_RETURN",
				saved.code + (opinion == null ? "" : " " + opinion), before, saved.auditView());
	}

	/** A dated progress update, optionally with paid-in investment to date and photos. */
	@Transactional
	public long recordProgress(long id, LocalDate date, String text, BigDecimal paidIn, List<Long> photoIds,
			CurrentUser user) {
		Project p = editable(id, user);
		var violations = new java.util.ArrayList<Violation>();
		if (date == null) {
			violations.add(new Violation("progressDate", "validation.required"));
		}
		else if (date.isAfter(LocalDate.now(clock))) {
			violations.add(new Violation("progressDate", "validation.notFuture"));
		}
		if (text == null || text.isBlank()) {
			violations.add(new Violation("text", "validation.required"));
		}
		else if (text.length() > 2000) {
			violations.add(new Violation("text", "validation.size"));
		}
		if (paidIn != null && paidIn.signum() < 0) {
			violations.add(new Violation("paidInInvestment", "validation.notNegative"));
		}
		else if (paidIn != null && (paidIn.scale() > 2 || paidIn.precision() - paidIn.scale() > 12)) {
			violations.add(new Violation("paidInInvestment", "validation.amount"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		Instant now = clock.instant();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO project_progress (project_id, progress_date, text, paid_in_investment, created_by, created_at)
				VALUES (:p, :d, :t, :paid, :by, :at)""")
			.param("p", p.id)
			.param("d", date)
			.param("t", text.trim())
			.param("paid", paidIn)
			.param("by", user.getUsername())
			.param("at", now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		long progressId = keys.getKey().longValue();
		List<Long> photos = photoIds == null ? List.of() : photoIds.stream().distinct().toList();
		if (!photos.isEmpty()) {
			attachments.claim(photos, p.id, user, "PHOTO");
			for (Long photo : photos) {
				jdbc.sql("INSERT INTO project_progress_photo (progress_id, attachment_id) VALUES (:g, :a)")
					.param("g", progressId)
					.param("a", photo)
					.update();
			}
		}
		var before = p.auditView();
		p.progressRecorded(date, text.trim(), paidIn, now);
		Project saved = save(p);
		auditor.record("project", saved.id, "PROGRESS", saved.code + " " + date + " " + abbreviate(text.trim()),
				before, saved.auditView());
		return progressId;
	}

	/** An attachment uploaded on the project page (e.g. missing evidence of an imported project). */
	@Transactional
	public Attachments.Attachment attach(long id, String fileName, byte[] bytes, String kind, CurrentUser user) {
		return attach(id, fileName, bytes, kind, null, user);
	}

	/** {@link #attach(long, String, byte[], String, CurrentUser)} tagged with what the file proves. */
	@Transactional
	public Attachments.Attachment attach(long id, String fileName, byte[] bytes, String kind,
			EvidenceKind evidenceKind, CurrentUser user) {
		Project p = editable(id, user);
		var a = attachments.store(fileName, bytes, user, p.id, kind, evidenceKind);
		if ("EVIDENCE".equals(kind) && p.evidencePending) {
			var before = p.auditView();
			p.evidenceAttached(clock.instant());
			Project saved = save(p);
			auditor.record("project", saved.id, "EVIDENCE", saved.code + " " + a.fileName(), before,
					saved.auditView());
		}
		return a;
	}

	Project save(Project p) {
		return projects.save(p);
	}

	String nextCode() {
		long n = jdbc.sql("SELECT nextval('project_code_seq')").query(Long.class).single();
		return code(n);
	}

	/** {@link #nextCode} for many projects in one query (the ledger import). */
	List<String> nextCodes(int count) {
		if (count == 0) {
			return List.of();
		}
		return jdbc.sql("SELECT nextval('project_code_seq') FROM generate_series(1, :n)")
			.param("n", count)
			.query(Long.class)
			.list()
			.stream()
			.map(this::code)
			.toList();
	}

	private String code(long n) {
		return "%s-%d-%05d".formatted(codePrefix, LocalDate.now(clock).getYear(), n);
	}

	private long insertMove(Project p, StageMoveRequest move, String state, CurrentUser user, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO project_stage_move (project_id, from_stage, to_stage, from_status, to_status, move_date,
				    contract_type, amount, reason, state, submitted_by, submitted_at)
				VALUES (:p, :fs, :ts, :fst, :tst, :d, :ct, :amount, :reason, :state, :by, :at)""")
			.param("p", p.id)
			.param("fs", p.stage().name())
			.param("ts", (move.to() == null ? p.stage() : move.to()).name())
			.param("fst", p.status().name())
			.param("tst", (move.toStatus() == null || move.to() != null ? p.status() : move.toStatus()).name())
			.param("d", move.date())
			.param("ct", move.contractType() == null ? null : move.contractType().name())
			.param("amount", move.amount())
			.param("reason", move.reason() == null || move.reason().isBlank() ? null : move.reason().trim())
			.param("state", state)
			.param("by", user.getUsername())
			.param("at", now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/**
	 * The move with a kind for each evidence file: the one the request names, else the one the file was uploaded
	 * with. Unknown ids stay out (the claim refuses them by field).
	 */
	private StageMoveRequest withStoredKinds(StageMoveRequest move) {
		Map<Long, EvidenceKind> kinds = new HashMap<>();
		for (Long id : move.evidence()) {
			if (id == null) {
				continue;
			}
			EvidenceKind named = move.evidenceKinds().get(id);
			EvidenceKind kind = named != null ? named
					: attachments.find(id).map(Attachments.Attachment::evidenceKind).orElse(null);
			if (kind != null) {
				kinds.put(id, kind);
			}
		}
		return move.withEvidenceKinds(kinds);
	}

	private StageMoveRequest loadMove(long moveId) {
		return jdbc.sql("SELECT * FROM project_stage_move WHERE id = :id").param("id", moveId).query((rs, n) -> {
			var to = cn.zhaoshang.project.Stage.valueOf(rs.getString("to_stage"));
			var ct = rs.getString("contract_type");
			BigDecimal amount = rs.getBigDecimal("amount");
			List<Long> evidence = jdbc
				.sql("SELECT attachment_id FROM project_stage_move_evidence WHERE move_id = :m ORDER BY attachment_id")
				.param("m", moveId)
				.query(Long.class)
				.list();
			return new StageMoveRequest(to, null, rs.getObject("move_date", LocalDate.class),
					ct == null ? null : cn.zhaoshang.project.ContractType.valueOf(ct),
					to == cn.zhaoshang.project.Stage.SIGNED ? amount : null,
					to == cn.zhaoshang.project.Stage.COMMENCED ? amount : null,
					to == cn.zhaoshang.project.Stage.IN_PRODUCTION ? amount : null, evidence, rs.getString("reason"));
		}).single().withEvidenceKinds(Map.of());
	}

	private static String describe(StageMoveRequest move) {
		return move.to() != null ? "→ " + move.to().name() : "→ " + move.toStatus().name();
	}

	private static String abbreviate(String s) {
		return s.length() <= 60 ? s : s.substring(0, 60) + "…";
	}
}
