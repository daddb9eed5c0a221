package cn.zhaoshang.project.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;

import cn.zhaoshang.project.Stage;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a project's stage or status. A forward move into a gated stage is submitted for review when the landing
 * unit's setting asks for it; every other move applies at once. Evidence uploads are linked to the project.
 */
@Service
public class MoveProjectStage {

	/** The outcome of a requested move. */
	public record Outcome(long moveId, boolean applied) {
	}

	private final ProjectRepository projects;
	private final ProjectAccess access;
	private final StageMoves moves;
	private final Attachments attachments;
	private final Units units;
	private final Auditor auditor;
	private final Clock clock;
	private final CumulativeFunds funds;
	private final EvidenceRequirement.Source evidenceRules;
	private final List<cn.zhaoshang.project.StageGateCheck> gateChecks;

	MoveProjectStage(ProjectRepository projects, ProjectAccess access, StageMoves moves, Attachments attachments,
			Units units, Auditor auditor, Clock clock, EvidenceRequirement.Source evidenceRules, CumulativeFunds funds,
			List<cn.zhaoshang.project.StageGateCheck> gateChecks) {
		this.gateChecks = gateChecks;
		this.projects = projects;
		this.access = access;
		this.moves = moves;
		this.attachments = attachments;
		this.units = units;
		this.auditor = auditor;
		this.clock = clock;
		this.funds = funds;
		this.evidenceRules = evidenceRules;
	}

	@Transactional
	public Outcome execute(long id, StageMoveRequest move, CurrentUser user) {
		Project p = access.editable(id, user);
		boolean supervisor = user.role().isCityWide();
		LocalDate today = LocalDate.now(clock);
		move = moves.withStoredKinds(move);
		p.checkMove(move, supervisor, today, evidenceRules.of(move.to()));
		Stage target = move.to();
		if (target != null && p.stage().isBefore(target)) {
			// downstream modules' conditions (issue 14: the evaluation a unit requires before signing)
			var extra = gateChecks.stream().flatMap(c -> c.check(p.id(), p.unit(), target).stream()).toList();
			if (!extra.isEmpty()) {
				throw new cn.zhaoshang.platform.InvalidInputException(extra);
			}
		}
		Instant now = clock.instant();
		var before = p.auditView();
		boolean forward = move.to() != null && p.stage().isBefore(move.to());
		boolean review = forward && units.requiresStageReview(p.unit());
		if (forward && move.to() == Stage.COMMENCED) {
			// paid-in to date becomes funds rows (ADR 0010): a figure below them is refused before anything is written
			funds.check(p, move.date(), move.paidInInvestment(), "paidInInvestment");
		}
		long moveId = moves.insert(p, move, review ? "SUBMITTED" : "APPLIED", user, now);
		// The same id twice would break the evidence table's key and end in a 500.
		List<Long> evidenceIds = move.evidence().stream().distinct().toList();
		if (!evidenceIds.isEmpty()) {
			attachments.claim(evidenceIds, p.id, user, "EVIDENCE", move.evidenceKinds());
			moves.linkEvidence(moveId, evidenceIds);
			p.evidenceAttached(now);
		}
		if (review) {
			p.submitted(moveId, move.to(), user.getUsername(), now);
		}
		else {
			p.apply(move, today, now);
		}
		Project saved = projects.save(p);
		if (forward && !review) {
			funds.book(saved, move.date(), CumulativeFunds.figureOf(move), user.getUsername());
			funds.recompute(saved);
		}
		auditor.record("project", saved.id, review ? "STAGE_SUBMIT" : "STAGE_MOVE",
				saved.code + " " + describe(move), before, saved.auditView());
		return new Outcome(moveId, !review);
	}

	private static String describe(StageMoveRequest move) {
		return move.to() != null ? "→ " + move.to().name() : "→ " + move.toStatus().name();
	}
}
