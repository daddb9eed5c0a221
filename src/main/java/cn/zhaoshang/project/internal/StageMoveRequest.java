package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.project.ContractType;
import cn.zhaoshang.project.EvidenceKind;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.Stage;

/**
 * A requested move ({@code POST /api/v1/projects/{id}/stage-moves}): to another stage with that stage's facts and
 * evidence, or to another status ({@code toStatus}) with a reason.
 *
 * @param date signing, commencement or production date (SIGNED, COMMENCED, IN_PRODUCTION)
 * @param contractedInvestment 万元, for SIGNED
 * @param paidInInvestment 万元 paid in so far, for COMMENCED
 * @param actualInvestment 万元, for IN_PRODUCTION
 * @param evidenceIds uploaded attachments proving the move (contract, permit, photos, licence …)
 * @param reason required for a backward move, ON_HOLD and DROPPED
 * @param evidenceKinds what each evidence file proves, by attachment id; a file not named here keeps the kind it was
 *        uploaded with ({@code evidenceKind} on the upload), else counts as {@link EvidenceKind#OTHER}
 */
public record StageMoveRequest(Stage to, ProjectStatus toStatus, LocalDate date, ContractType contractType,
		BigDecimal contractedInvestment, BigDecimal paidInInvestment, BigDecimal actualInvestment,
		List<Long> evidenceIds, String reason, Map<Long, EvidenceKind> evidenceKinds) {

	public StageMoveRequest(Stage to, ProjectStatus toStatus, LocalDate date, ContractType contractType,
			BigDecimal contractedInvestment, BigDecimal paidInInvestment, BigDecimal actualInvestment,
			List<Long> evidenceIds, String reason) {
		this(to, toStatus, date, contractType, contractedInvestment, paidInInvestment, actualInvestment, evidenceIds,
				reason, Map.of());
	}

	public StageMoveRequest {
		evidenceKinds = evidenceKinds == null ? Map.of() : Map.copyOf(evidenceKinds);
	}

	/** The same move with these kinds for its evidence. */
	public StageMoveRequest withEvidenceKinds(Map<Long, EvidenceKind> kinds) {
		return new StageMoveRequest(to, toStatus, date, contractType, contractedInvestment, paidInInvestment,
				actualInvestment, evidenceIds, reason, kinds);
	}

	/** The same move with these evidence files. */
	public StageMoveRequest withEvidence(List<Long> ids) {
		return new StageMoveRequest(to, toStatus, date, contractType, contractedInvestment, paidInInvestment,
				actualInvestment, ids, reason, evidenceKinds);
	}

	/** A move back to an earlier stage, with its reason. */
	public static StageMoveRequest back(Stage to, String reason) {
		return new StageMoveRequest(to, null, null, null, null, null, null, List.of(), reason);
	}

	/** The kinds of the evidence files ({@link EvidenceKind#OTHER} where none is known). */
	public List<EvidenceKind> evidenceKindsPresent() {
		return evidence().stream().map(id -> id == null ? null : evidenceKinds.getOrDefault(id, EvidenceKind.OTHER))
			.filter(java.util.Objects::nonNull).toList();
	}

	public List<Long> evidence() {
		return evidenceIds == null ? List.of() : evidenceIds;
	}

	/** The amount this move records, by target stage. */
	public BigDecimal amount() {
		if (to == null) {
			return null;
		}
		return switch (to) {
			case SIGNED -> contractedInvestment;
			case COMMENCED -> paidInInvestment;
			case IN_PRODUCTION -> actualInvestment;
			case NEGOTIATING -> null;
		};
	}
}
