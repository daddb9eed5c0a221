package cn.zhaoshang.project.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;

import cn.zhaoshang.project.Stage;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The city bureau approves a submitted move (the gate is checked again) or returns it with an opinion. */
@Service
public class ReviewStageMove {

	private final ProjectRepository projects;
	private final ProjectAccess access;
	private final StageMoves moves;
	private final Auditor auditor;
	private final Clock clock;
	private final CumulativeFunds funds;
	private final EvidenceRequirement.Source evidenceRules;

	ReviewStageMove(ProjectRepository projects, ProjectAccess access, StageMoves moves, Auditor auditor, Clock clock,
			EvidenceRequirement.Source evidenceRules, CumulativeFunds funds) {
		this.projects = projects;
		this.access = access;
		this.moves = moves;
		this.auditor = auditor;
		this.clock = clock;
		this.funds = funds;
		this.evidenceRules = evidenceRules;
	}

	@Transactional
	public void execute(long projectId, long moveId, boolean approve, String opinion, CurrentUser user) {
		if (!user.role().isCityWide()) {
			throw new BusinessException(403, "error.forbidden");
		}
		Project p = access.readable(projectId, user);
		if (p.pendingMoveId == null || p.pendingMoveId != moveId) {
			throw new BusinessException(409, "project.review.notPending");
		}
		if (!approve && (opinion == null || opinion.isBlank())) {
			throw new InvalidInputException(List.of(new Violation("opinion", "validation.review.opinionRequired")));
		}
		StageMoveRequest move = moves.withStoredKinds(moves.load(moveId));
		String submittedBy = moves.submittedBy(moveId);
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		var before = p.auditView();
		if (approve) {
			p.pendingMoveId = null;
			p.checkMove(move, true, today, evidenceRules.of(move.to()));
			if (move.to() == Stage.COMMENCED) {
				funds.check(p, move.date(), move.paidInInvestment(), "paidInInvestment");
			}
			p.apply(move, today, now);
		}
		else {
			p.reviewReturned(now);
		}
		String trimmed = opinion == null || opinion.isBlank() ? null : opinion.trim();
		moves.settle(moveId, approve, trimmed, user.getUsername(), now);
		p.reviewed(moveId, move.to(), approve, trimmed, submittedBy, user.getUsername());
		Project saved = projects.save(p);
		if (approve) {
			funds.book(saved, move.date(), CumulativeFunds.figureOf(move), user.getUsername());
			funds.recompute(saved);
		}
		auditor.record("project", saved.id, approve ? "STAGE_APPROVE" : "STAGE_RETURN",
				saved.code + (opinion == null ? "" : " " + opinion), before, saved.auditView());
	}
}
