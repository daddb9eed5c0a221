package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.project.ContractType;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.project.ProjectMoveReviewed;
import cn.zhaoshang.project.ProjectMoveSubmitted;
import cn.zhaoshang.project.ProjectStageChanged;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.ProjectTypes;
import cn.zhaoshang.project.ProjectMilestone;
import cn.zhaoshang.project.ProjectMilestoneRecorded;
import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.project.Stage;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A project of the ledger (aggregate root). Stage and status change only through the guarded transitions below,
 * which check the gate's facts, record them and register {@link ProjectStageChanged}; everything else is plain
 * data edited through {@link #edit}. Optimistic locking ({@link Version}) keeps concurrent edits from overwriting
 * each other.
 */
@Table("project")
public class Project extends AbstractAggregateRoot<Project> {

	@Id
	Long id;
	String code;
	String name;
	Long merchantId;
	String investorName;
	Long unitId;
	Long introUnitId;
	String introducers;
	Long chainId;
	String chainLink;
	/** The primary type: the first of {@link #types} (kept for older readers, see docs/adr/0010). */
	ProjectType type;
	/** Every type, canonical names separated by commas ({@link ProjectTypes#canonical()}). */
	String types;
	PromotionMode promotionMode;
	Stage stage = Stage.NEGOTIATING;
	ProjectStatus status = ProjectStatus.ACTIVE;
	String statusReason;
	BigDecimal plannedInvestment;
	BigDecimal foreignInvestment;
	BigDecimal contractedInvestment;
	BigDecimal paidInInvestment;
	BigDecimal actualInvestment;
	BigDecimal annualOutput;
	BigDecimal annualTax;
	Integer jobs;
	BigDecimal landNeedMu;
	BigDecimal factoryNeedM2;
	boolean keyProject;
	ContractType contractType;
	/** The start of negotiations (洽谈日期); the day the project was entered unless set. */
	LocalDate negotiationDate;
	LocalDate signedDate;
	/** The optional REGISTERED milestone: the company registered locally (signed or later projects only). */
	LocalDate registeredDate;
	LocalDate commencedDate;
	LocalDate productionDate;
	Long leaderId;
	String leaderName;
	Long chiefAttendantId;
	String chiefAttendantName;
	boolean namesUnmatched;
	boolean evidencePending;
	Long pendingMoveId;
	String problems;
	String description;
	String latestProgress;
	LocalDate latestProgressDate;
	@Version
	Integer version;
	String createdBy;
	Instant createdAt;
	Instant updatedAt;

	public ProjectId id() {
		return new ProjectId(id);
	}

	public UnitId unit() {
		return new UnitId(unitId);
	}

	public Stage stage() {
		return stage;
	}

	public ProjectStatus status() {
		return status;
	}

	public String name() {
		return name;
	}

	public String code() {
		return code;
	}

	public Integer version() {
		return version;
	}

	/** The project's types (an older row without the set reads as its primary type alone). */
	public ProjectTypes types() {
		return ProjectTypes.parse(types, type == null ? null : type.name());
	}

	/** Sets the types after checking their rules (at least one; not both NEW and EXPANSION). */
	void retype(ProjectTypes set) {
		set.problem().ifPresent(key -> {
			throw new cn.zhaoshang.platform.FieldException("types", key);
		});
		this.types = set.canonical();
		this.type = set.primary();
	}

	public LocalDate registeredDate() {
		return registeredDate;
	}

	public LocalDate negotiationDate() {
		return negotiationDate;
	}

	/**
	 * Records the REGISTERED milestone (注册日期): only for a project signed or later, not in the future; a different
	 * date corrects the one recorded. Registers {@link ProjectMilestoneRecorded}; false when the date is already the
	 * recorded one (nothing to do).
	 */
	boolean recordRegistered(LocalDate date, LocalDate today, String by, Instant now) {
		checkRegistered(date, today);
		if (date.equals(registeredDate)) {
			return false;
		}
		LocalDate previous = registeredDate;
		this.registeredDate = date;
		this.updatedAt = now;
		registerEvent(new ProjectMilestoneRecorded(id(), unit(), ProjectMilestone.REGISTERED, date, previous, by));
		return true;
	}

	/** The rules of a registration date: required, not in the future, the project signed or later. */
	void checkRegistered(LocalDate date, LocalDate today) {
		if (date == null) {
			throw new cn.zhaoshang.platform.FieldException("registeredDate", "validation.required");
		}
		if (date.isAfter(today)) {
			throw new cn.zhaoshang.platform.FieldException("registeredDate", "validation.notFuture");
		}
		if (stage.isBefore(Stage.SIGNED)) {
			throw new cn.zhaoshang.platform.FieldException("registeredDate", "validation.project.registeredNeedsSigned");
		}
	}

	public boolean hasPendingMove() {
		return pendingMoveId != null;
	}

	/**
	 * The stage a forward move may go to now: the next one, while the project is active, has no move awaiting review
	 * and is not in the last stage (the move form says which of these stands in the way).
	 */
	public java.util.Optional<Stage> forwardTarget() {
		if (pendingMoveId != null || status != ProjectStatus.ACTIVE) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.ofNullable(stage.next());
	}

	/** Checks the target of a move back (city bureau): an earlier stage than the current one, else {@code to}. */
	void checkBackTarget(Stage to) {
		if (to == null || !to.isBefore(stage)) {
			throw new InvalidInputException(List.of(new Violation("to", "validation.required")));
		}
	}

	/** Applies the editable facts (not stage facts). Investor, leader and attendant are resolved by the caller. */
	void edit(ProjectDetails d, long merchantId, String investorName, Long leaderId, String leaderName,
			Long chiefAttendantId, String chiefAttendantName, Instant now) {
		this.name = d.name().trim();
		this.merchantId = merchantId;
		this.investorName = investorName;
		this.unitId = d.unitId();
		this.introUnitId = d.introUnitId();
		this.introducers = blankToNull(d.introducers());
		this.chainId = d.chainId();
		this.chainLink = blankToNull(d.chainLink());
		retype(d.typeSet());
		if (d.negotiationDate() != null) {
			// absent from a request (an older client): the date stays as it is
			this.negotiationDate = d.negotiationDate();
		}
		this.promotionMode = d.promotionMode();
		this.plannedInvestment = d.plannedInvestment();
		this.foreignInvestment = d.foreignInvestment();
		this.annualOutput = d.annualOutput();
		this.annualTax = d.annualTax();
		this.jobs = d.jobs();
		this.landNeedMu = d.landNeedMu();
		this.factoryNeedM2 = d.factoryNeedM2();
		this.keyProject = d.keyProject();
		this.leaderId = leaderId;
		this.leaderName = leaderName;
		this.chiefAttendantId = chiefAttendantId;
		this.chiefAttendantName = chiefAttendantName;
		this.problems = blankToNull(d.problems());
		this.description = blankToNull(d.description());
		this.updatedAt = now;
	}

	/**
	 * Checks a requested move against the current state and the target gate; throws with every violation.
	 *
	 * @param supervisor whether the mover may move backwards (city bureau or administrator)
	 */
	void checkMove(StageMoveRequest move, boolean supervisor, LocalDate today) {
		checkMove(move, supervisor, today, move.to() == null ? EvidenceRequirement.NONE
				: EvidenceRequirement.defaults(move.to()));
	}

	/** {@link #checkMove(StageMoveRequest, boolean, LocalDate)} with the evidence kinds the target stage needs. */
	void checkMove(StageMoveRequest move, boolean supervisor, LocalDate today, EvidenceRequirement evidence) {
		List<Violation> violations = new ArrayList<>();
		if (pendingMoveId != null) {
			throw new BusinessException(409, "project.move.pendingReview");
		}
		if (move.toStatus() != null && move.to() == null) {
			checkStatusChange(move, violations);
		}
		else if (move.to() == null) {
			violations.add(new Violation("to", "validation.required"));
		}
		else if (status != ProjectStatus.ACTIVE) {
			violations.add(new Violation("to", "validation.stage.notActive"));
		}
		else if (move.to() == stage) {
			violations.add(new Violation("to", "validation.stage.same"));
		}
		else if (move.to().isBefore(stage)) {
			if (!supervisor) {
				throw new BusinessException(403, "validation.stage.backwardNeedsSupervisor");
			}
			if (move.reason() == null || move.reason().isBlank()) {
				violations.add(new Violation("reason", "validation.stage.reasonRequired"));
			}
		}
		else if (move.to() != stage.next()) {
			// The stage's name in the reader's language (签约), not the enum constant (SIGNED).
			violations.add(new Violation("to", "validation.stage.oneStepAtATime",
					new DefaultMessageSourceResolvable(stage.next().messageKey())));
		}
		else {
			violations.addAll(StageGate.check(this, move, today, evidence));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
	}

	private void checkStatusChange(StageMoveRequest move, List<Violation> violations) {
		if (move.toStatus() == status) {
			violations.add(new Violation("toStatus", "validation.stage.sameStatus"));
		}
		else if (move.toStatus() != ProjectStatus.ACTIVE && (move.reason() == null || move.reason().isBlank())) {
			violations.add(new Violation("reason", "validation.stage.reasonRequired"));
		}
	}

	/** Marks a checked forward move as submitted for review; the stage stays until it is approved. */
	void submitted(long moveId, Stage to, String by, Instant now) {
		this.pendingMoveId = moveId;
		this.updatedAt = now;
		registerEvent(new ProjectMoveSubmitted(id(), unit(), code, name, moveId, stage, to, by));
	}

	/** The review's decision is recorded (after the move was applied or returned). */
	void reviewed(long moveId, Stage to, boolean approved, String opinion, String submittedBy, String reviewedBy) {
		registerEvent(new ProjectMoveReviewed(id(), unit(), code, name, moveId, to, approved, opinion, submittedBy,
				reviewedBy));
	}

	/** The review returned the move: nothing changes but that the project is free to move again. */
	void reviewReturned(Instant now) {
		this.pendingMoveId = null;
		this.updatedAt = now;
	}

	/** Applies a checked move (directly, or after review approval) and registers the event. */
	void apply(StageMoveRequest move, LocalDate today, Instant now) {
		Stage fromStage = stage;
		ProjectStatus fromStatus = status;
		LocalDate eventDate = move.date() != null ? move.date() : today;
		this.pendingMoveId = null;
		if (move.to() == null) {
			this.status = move.toStatus();
			this.statusReason = move.toStatus() == ProjectStatus.ACTIVE ? null : move.reason().trim();
		}
		else if (move.to().isBefore(stage)) {
			// Moving back clears the facts of the stages left, so the ledger never claims what is not so.
			this.stage = move.to();
			if (move.to().isBefore(Stage.IN_PRODUCTION)) {
				this.productionDate = null;
				this.actualInvestment = null;
			}
			if (move.to().isBefore(Stage.COMMENCED)) {
				this.commencedDate = null;
			}
			if (move.to().isBefore(Stage.SIGNED)) {
				this.registeredDate = null;
				this.signedDate = null;
				this.contractType = null;
				this.contractedInvestment = null;
			}
			eventDate = today;
		}
		else {
			this.stage = move.to();
			switch (move.to()) {
				case SIGNED -> {
					this.signedDate = move.date();
					this.contractType = move.contractType();
					this.contractedInvestment = move.contractedInvestment();
				}
				case COMMENCED -> {
					this.commencedDate = move.date();
					this.paidInInvestment = max(this.paidInInvestment, move.paidInInvestment());
				}
				case IN_PRODUCTION -> {
					this.productionDate = move.date();
					this.actualInvestment = move.actualInvestment();
					this.paidInInvestment = max(this.paidInInvestment, move.actualInvestment());
				}
				case NEGOTIATING -> {
				}
			}
		}
		this.updatedAt = now;
		registerEvent(new ProjectStageChanged(id(), unit(), fromStage, stage, fromStatus, status, eventDate));
	}

	/**
	 * A progress update: the latest text shows on the list, and its paid-in investment ("to date") becomes the
	 * project's. A back-dated update is kept in the history but changes neither: its figure is older than the one
	 * the ledger already shows.
	 */
	void progressRecorded(LocalDate date, String text, BigDecimal paidIn, Instant now) {
		if (latestProgressDate == null || !date.isBefore(latestProgressDate)) {
			this.latestProgressDate = date;
			this.latestProgress = text;
			if (paidIn != null) {
				this.paidInInvestment = paidIn;
			}
		}
		this.updatedAt = now;
	}

	void evidenceAttached(Instant now) {
		this.evidencePending = false;
		this.updatedAt = now;
	}

	/** The fields the audit trail records. */
	Map<String, Object> auditView() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("code", code);
		m.put("name", name);
		m.put("investorName", investorName);
		m.put("unitId", unitId);
		m.put("introUnitId", introUnitId);
		m.put("introducers", introducers);
		m.put("chainId", chainId);
		m.put("chainLink", chainLink);
		m.put("type", type);
		m.put("types", types);
		m.put("promotionMode", promotionMode);
		m.put("stage", stage);
		m.put("status", status);
		m.put("statusReason", statusReason);
		m.put("plannedInvestment", plain(plannedInvestment));
		m.put("foreignInvestment", plain(foreignInvestment));
		m.put("contractedInvestment", plain(contractedInvestment));
		m.put("paidInInvestment", plain(paidInInvestment));
		m.put("actualInvestment", plain(actualInvestment));
		m.put("annualOutput", plain(annualOutput));
		m.put("annualTax", plain(annualTax));
		m.put("jobs", jobs);
		m.put("landNeedMu", plain(landNeedMu));
		m.put("factoryNeedM2", plain(factoryNeedM2));
		m.put("keyProject", keyProject);
		m.put("contractType", contractType);
		m.put("negotiationDate", negotiationDate);
		m.put("signedDate", signedDate);
		m.put("registeredDate", registeredDate);
		m.put("commencedDate", commencedDate);
		m.put("productionDate", productionDate);
		m.put("leaderName", leaderName);
		m.put("chiefAttendantName", chiefAttendantName);
		m.put("evidencePending", evidencePending);
		m.put("problems", problems);
		m.values().removeIf(java.util.Objects::isNull);
		return m;
	}

	private static String plain(BigDecimal v) {
		return v == null ? null : v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
	}

	private static BigDecimal max(BigDecimal a, BigDecimal b) {
		if (a == null) {
			return b;
		}
		return b == null || a.compareTo(b) >= 0 ? a : b;
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
