package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.zhaoshang.project.ContractType;
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
 */
public record StageMoveRequest(Stage to, ProjectStatus toStatus, LocalDate date, ContractType contractType,
		BigDecimal contractedInvestment, BigDecimal paidInInvestment, BigDecimal actualInvestment,
		List<Long> evidenceIds, String reason) {

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
