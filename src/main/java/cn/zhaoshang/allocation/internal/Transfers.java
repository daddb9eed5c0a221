package cn.zhaoshang.allocation.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.allocation.TransferStatus;
import cn.zhaoshang.allocation.internal.Subjects.Subject;
import cn.zhaoshang.clue.ClueId;
import cn.zhaoshang.clue.ClueRelocation;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.project.ProjectRelocation;
import cn.zhaoshang.project.Stage;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transfer use cases (issue 12): the city bureau or the introducing (current) unit proposes moving a project or
 * clue to a receiving unit with a benefit-sharing proposal; the receiving unit's manager accepts (the subject moves,
 * the agreement is made and applied to the credit shares) or declines with a reason; the city bureau may decide
 * either way when the units disagree. Every step is audited ({@code transfer}) and notified.
 */
@Service
public class Transfers {

	public static final int REASON_MAX = 1000;
	public static final int YEARS_MAX = 30;

	/**
	 * A proposal as sent: exactly one of project and clue; the share in percent (two decimals at most) for
	 * {@code years} years, or until the project reaches {@code untilStage} (SIGNED, COMMENCED, IN_PRODUCTION) when
	 * that comes first.
	 */
	public record Proposal(Long projectId, Long clueId, Long toUnitId, String reason, BigDecimal introducerShare,
			Integer years, Stage untilStage) {

		public Proposal(Long projectId, Long clueId, Long toUnitId, String reason, BigDecimal introducerShare,
				Integer years) {
			this(projectId, clueId, toUnitId, reason, introducerShare, years, null);
		}
	}

	private final TransferStore store;
	private final Subjects subjects;
	private final UnitDirectory units;
	private final DataScopes scopes;
	private final ProjectRelocation projects;
	private final ClueRelocation clues;
	private final Agreements agreements;
	private final AllocationNotices notices;
	private final Auditor auditor;
	private final Clock clock;

	Transfers(TransferStore store, Subjects subjects, UnitDirectory units, DataScopes scopes,
			ProjectRelocation projects, ClueRelocation clues, Agreements agreements, AllocationNotices notices,
			Auditor auditor, Clock clock) {
		this.store = store;
		this.subjects = subjects;
		this.units = units;
		this.scopes = scopes;
		this.projects = projects;
		this.clues = clues;
		this.agreements = agreements;
		this.notices = notices;
		this.auditor = auditor;
		this.clock = clock;
	}

	public Transfer find(long id, CurrentUser user) {
		Transfer t = store.find(id).orElseThrow(NotFoundException::new);
		if (!canRead(t, user)) {
			throw new NotFoundException();
		}
		return t;
	}

	/** The project's transfers, newest first (none for a user who may not read transfers). */
	public List<Transfer> ofProject(long projectId, CurrentUser user) {
		return user != null && user.role().isInternal() ? store.ofProject(projectId) : List.of();
	}

	/** Everyone inside the government reads transfers (the city's shared records); intermediaries none. */
	public static boolean canRead(Transfer t, CurrentUser user) {
		return user != null && user.role().isInternal();
	}

	/** Whether the user may propose moving something of this unit: the bureau, or the unit's own editors. */
	public boolean canPropose(Long unitId, CurrentUser user) {
		if (user == null) {
			return false;
		}
		if (user.role().isCityWide()) {
			return true;
		}
		return unitId != null && user.role().isEditor() && scopes.of(user).canEdit(new UnitId(unitId));
	}

	/** Whether the user may accept or decline: the bureau, or a manager of the receiving unit. */
	public boolean canDecide(Transfer t, CurrentUser user) {
		if (user == null || t.status() != TransferStatus.PROPOSED) {
			return false;
		}
		return user.role().isCityWide()
				|| (user.role() == Role.UNIT_MANAGER && scopes.of(user).canEdit(new UnitId(t.toUnitId())));
	}

	@Transactional
	public Transfer propose(Proposal in, CurrentUser user) {
		List<Violation> v = new ArrayList<>();
		Subject s = null;
		if ((in.projectId() == null) == (in.clueId() == null)) {
			v.add(new Violation("projectId", "transfer.validation.oneSubject"));
		}
		else {
			s = (in.projectId() != null ? subjects.project(in.projectId()) : subjects.clue(in.clueId()))
				.orElseThrow(NotFoundException::new);
			if (s.unitId() != null && !scopes.of(user).canRead(new UnitId(s.unitId()))) {
				throw new NotFoundException();
			}
		}
		if (s != null && !canPropose(s.unitId(), user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		String field = in.projectId() != null ? "projectId" : "clueId";
		if (s != null && !s.open()) {
			v.add(new Violation(field, "transfer.validation.closed"));
		}
		if (s != null && s.unitId() == null) {
			v.add(new Violation(field, "transfer.validation.pool"));
		}
		if (in.toUnitId() == null) {
			v.add(new Violation("toUnitId", "validation.required"));
		}
		else if (units.find(new UnitId(in.toUnitId())).filter(u -> u.active()).isEmpty()) {
			v.add(new Violation("toUnitId", "validation.unknown"));
		}
		else if (s != null && in.toUnitId().equals(s.unitId())) {
			v.add(new Violation("toUnitId", "transfer.validation.sameUnit"));
		}
		String reason = in.reason() == null ? "" : in.reason().trim();
		if (reason.isEmpty()) {
			v.add(new Violation("reason", "validation.required"));
		}
		else if (reason.length() > REASON_MAX) {
			v.add(new Violation("reason", "transfer.validation.tooLong", REASON_MAX));
		}
		Integer bp = shareBp(in.introducerShare(), v);
		years(in.years(), v);
		if (in.untilStage() == Stage.NEGOTIATING) {
			v.add(new Violation("untilStage", "transfer.validation.untilStage"));
		}
		else if (in.untilStage() != null && s != null && s.stage() != null
				&& !Stage.valueOf(s.stage()).isBefore(in.untilStage())) {
			v.add(new Violation("untilStage", "transfer.validation.stageReached"));
		}
		if (v.isEmpty() && store.pending(in.projectId(), in.clueId())) {
			v.add(new Violation(field, "transfer.validation.pending"));
		}
		if (!v.isEmpty()) {
			throw new InvalidInputException(v);
		}
		Instant now = clock.instant();
		long id = store.insert(s.projectId(), s.clueId(), s.code(), s.name(), s.chainId(), s.unitId(), in.toUnitId(),
				reason, bp, in.years(), in.untilStage(), user.getUsername(), now);
		Transfer t = store.find(id).orElseThrow();
		auditor.record("transfer", id, "PROPOSE", summary(t), null, t.auditView());
		notices.proposed(t, user);
		return t;
	}

	/** The share in percent as basis points: required, from 0 to below 100, two decimals at most. */
	static Integer shareBp(BigDecimal share, List<Violation> v) {
		if (share == null) {
			v.add(new Violation("introducerShare", "validation.required"));
			return null;
		}
		if (share.signum() < 0 || share.compareTo(BigDecimal.valueOf(100)) >= 0
				|| share.stripTrailingZeros().scale() > 2) {
			v.add(new Violation("introducerShare", "transfer.validation.share"));
			return null;
		}
		return share.movePointRight(2).intValueExact();
	}

	static void years(Integer years, List<Violation> v) {
		if (years == null) {
			v.add(new Violation("years", "validation.required"));
		}
		else if (years < 1 || years > YEARS_MAX) {
			v.add(new Violation("years", "transfer.validation.years", YEARS_MAX));
		}
	}

	@Transactional
	public Transfer accept(long id, String reason, CurrentUser user) {
		Transfer t = decidable(id, user);
		String why = reason == null || reason.isBlank() ? null : reason.trim();
		if (why != null && why.length() > REASON_MAX) {
			throw new InvalidInputException(List.of(new Violation("reason", "transfer.validation.tooLong", REASON_MAX)));
		}
		Subject s = (t.project() ? subjects.project(t.projectId()) : subjects.clue(t.clueId()))
			.orElseThrow(NotFoundException::new);
		if (!s.open()) {
			throw new BusinessException("transfer.validation.closed");
		}
		if (s.unitId() == null || s.unitId() != t.fromUnitId()) {
			throw new BusinessException("transfer.validation.movedMeanwhile");
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		store.decide(t, TransferStatus.ACCEPTED, why, user.getUsername(), user.role().isCityWide(), now);
		String base = agreements.base(t, today);
		String moveReason = "#" + t.id() + " " + t.reason();
		if (t.project()) {
			projects.relocate(new ProjectId(t.projectId()), new UnitId(t.toUnitId()), today, moveReason, user);
		}
		else {
			clues.relocate(new ClueId(t.clueId()), new UnitId(t.toUnitId()), moveReason, user);
		}
		Transfer accepted = store.find(id).orElseThrow();
		auditor.record("transfer", id, "ACCEPT", summary(accepted), t.auditView(), accepted.auditView());
		agreements.create(accepted, today, base, user);
		if (t.project() && t.untilStage() != null && s.stage() != null
				&& !Stage.valueOf(s.stage()).isBefore(t.untilStage())) {
			// the project reached the stage while the transfer waited: the share ends with the day of acceptance
			agreements.stageReached(t.projectId(), Stage.valueOf(s.stage()), today, user);
		}
		notices.decided(accepted, true, user);
		return store.find(id).orElseThrow();
	}

	@Transactional
	public Transfer decline(long id, String reason, CurrentUser user) {
		Transfer t = decidable(id, user);
		String why = reason == null ? "" : reason.trim();
		if (why.isEmpty()) {
			throw new InvalidInputException(List.of(new Violation("reason", "validation.required")));
		}
		if (why.length() > REASON_MAX) {
			throw new InvalidInputException(List.of(new Violation("reason", "transfer.validation.tooLong", REASON_MAX)));
		}
		store.decide(t, TransferStatus.DECLINED, why, user.getUsername(), user.role().isCityWide(), clock.instant());
		Transfer declined = store.find(id).orElseThrow();
		auditor.record("transfer", id, "DECLINE", summary(declined), t.auditView(), declined.auditView());
		notices.decided(declined, false, user);
		return declined;
	}

	private Transfer decidable(long id, CurrentUser user) {
		Transfer t = find(id, user);
		if (t.status() != TransferStatus.PROPOSED) {
			throw new BusinessException(409, "transfer.validation.decided");
		}
		if (!canDecide(t, user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		return t;
	}

	static String summary(Transfer t) {
		return (t.subjectCode() == null ? "" : t.subjectCode() + " ") + t.subjectName() + " " + t.fromUnitName()
				+ " -> " + t.toUnitName();
	}
}
