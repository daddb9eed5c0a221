package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.zhaoshang.project.ContractType;
import cn.zhaoshang.project.EvidenceKind;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.Stage;

/**
 * Projects at each stage and status, with the facts their stage requires, and the moves that take them on. All
 * dates hang off {@link #TODAY}, so the aggregate tests need no clock.
 */
final class ProjectMother {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
	static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
	static final LocalDate SIGNED_ON = TODAY.minusDays(90);
	static final LocalDate COMMENCED_ON = TODAY.minusDays(45);
	static final LocalDate PRODUCING_SINCE = TODAY.minusDays(5);
	static final long CONTRACT = 101L;
	static final long PERMIT = 102L;
	static final long LICENCE = 103L;
	static final long SITE_PHOTO = 104L;

	/** What each evidence file of the mother's moves proves (as tagged on upload). */
	static final java.util.Map<Long, EvidenceKind> KINDS = java.util.Map.of(CONTRACT, EvidenceKind.CONTRACT, PERMIT,
			EvidenceKind.CONSTRUCTION_PERMIT, SITE_PHOTO, EvidenceKind.SITE_PHOTO, LICENCE,
			EvidenceKind.PRODUCTION_LICENCE);

	private ProjectMother() {
	}

	/** 在谈: a new project as the create use case leaves it. */
	static Project negotiating() {
		Project p = new Project();
		p.id = 7L;
		p.code = "PY-2026-00007";
		p.name = "年产10万吨可降解新材料项目";
		p.merchantId = 3L;
		p.investorName = "河南绿源新材料科技有限公司";
		p.unitId = 5L;
		p.chainId = 4L;
		p.type = ProjectType.NEW;
		p.plannedInvestment = new BigDecimal("50000.00");
		p.version = 0;
		p.createdBy = "hualong";
		p.createdAt = NOW.minusSeconds(86_400 * 120);
		p.updatedAt = p.createdAt;
		return p;
	}

	/** 签约: formal contract signed 90 days ago. */
	static Project signed() {
		Project p = negotiating();
		p.stage = Stage.SIGNED;
		p.signedDate = SIGNED_ON;
		p.contractType = ContractType.FORMAL_CONTRACT;
		p.contractedInvestment = new BigDecimal("48000.00");
		return p;
	}

	/** 开工: construction commenced 45 days ago, part of the money in. */
	static Project commenced() {
		Project p = signed();
		p.stage = Stage.COMMENCED;
		p.commencedDate = COMMENCED_ON;
		p.paidInInvestment = new BigDecimal("12000.00");
		return p;
	}

	/** 投产: producing since five days ago. */
	static Project inProduction() {
		Project p = commenced();
		p.stage = Stage.IN_PRODUCTION;
		p.productionDate = PRODUCING_SINCE;
		p.actualInvestment = new BigDecimal("46000.00");
		p.paidInInvestment = new BigDecimal("46000.00");
		return p;
	}

	static Project onHold() {
		Project p = signed();
		p.status = ProjectStatus.ON_HOLD;
		p.statusReason = "投资方资金链紧张，暂缓推进";
		return p;
	}

	static Project dropped() {
		Project p = negotiating();
		p.status = ProjectStatus.DROPPED;
		p.statusReason = "投资方转投外省";
		return p;
	}

	/** A signed project whose move to COMMENCED awaits the city bureau's review. */
	static Project awaitingReview() {
		Project p = signed();
		p.pendingMoveId = 55L;
		return p;
	}

	// ---------------------------------------------------------------- moves

	static StageMoveRequest signing() {
		return signing(SIGNED_ON, ContractType.FORMAL_CONTRACT, new BigDecimal("48000"), List.of(CONTRACT));
	}

	static StageMoveRequest signing(LocalDate date, ContractType type, BigDecimal contracted, List<Long> evidence) {
		return new StageMoveRequest(Stage.SIGNED, null, date, type, contracted, null, null, evidence, null, KINDS);
	}

	static StageMoveRequest commencing() {
		return commencing(COMMENCED_ON, new BigDecimal("12000"), List.of(PERMIT, SITE_PHOTO));
	}

	static StageMoveRequest commencing(LocalDate date, BigDecimal paidIn, List<Long> evidence) {
		return new StageMoveRequest(Stage.COMMENCED, null, date, null, null, paidIn, null, evidence, null, KINDS);
	}

	static StageMoveRequest producing() {
		return producing(PRODUCING_SINCE, new BigDecimal("46000"), List.of(LICENCE));
	}

	static StageMoveRequest producing(LocalDate date, BigDecimal actual, List<Long> evidence) {
		return new StageMoveRequest(Stage.IN_PRODUCTION, null, date, null, null, null, actual, evidence, null, KINDS);
	}

	static StageMoveRequest backTo(Stage stage, String reason) {
		return new StageMoveRequest(stage, null, null, null, null, null, null, null, reason);
	}

	static StageMoveRequest status(ProjectStatus status, String reason) {
		return new StageMoveRequest(null, status, null, null, null, null, null, null, reason);
	}
}
