package cn.zhaoshang.clue;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.zhaoshang.chain.ChainId;
import cn.zhaoshang.merchant.MerchantId;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UserId;

/**
 * A clue as other modules see it.
 *
 * @param merchant the matched enterprise, {@code null} while only {@code enterpriseName} is known
 * @param estimatedInvestment in 万元, may be {@code null}
 * @param sourceUnit the credited organisation when it is a unit of ours (an intermediary, a resident team)
 * @param sourceCredit the credited person or organisation as text
 * @param owner the owning unit, {@code null} for the city pool
 * @param projectId the project it was converted to, if any
 * @param lastFollowUpAt the latest follow-up date, or the creation date while there is none (stale detection)
 */
public record ClueSummary(ClueId id, String title, MerchantId merchant, String enterpriseName, ChainId chain,
		String chainLink, BigDecimal estimatedInvestment, PromotionMode promotionMode, ClueSource source,
		UnitId sourceUnit, String sourceCredit, UnitId owner, UserId assignee, ClueStatus status,
		String invalidReason, ProjectId projectId, String projectCode, LocalDate lastFollowUpAt, int version) {

	public boolean inCityPool() {
		return owner == null;
	}
}
