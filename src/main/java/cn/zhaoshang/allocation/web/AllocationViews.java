package cn.zhaoshang.allocation.web;

import java.math.BigDecimal;
import java.util.List;

import cn.zhaoshang.project.Stage;

/** What the allocation API and pages show of candidates, and the pages' forms. */
public final class AllocationViews {

	private AllocationViews() {
	}

	/** A reason with its points, and its text in the reader's language. */
	public record ReasonJson(String code, int points, String text) {
	}

	/** A recommended unit: its score out of 100, how the chain fits its positioning, the reasons. */
	public record CandidateJson(long unitId, String unitName, int score, String positioning,
			List<ReasonJson> reasons) {
	}

	/** The answer of the candidates endpoint. */
	public record CandidatesJson(boolean outsidePositioning, Long projectId, Long clueId, Long unitId, Long chainId,
			List<CandidateJson> items) {
	}

	/** The proposal form (the project comes from the path). */
	public record ProposalForm(Long toUnitId, String reason, BigDecimal introducerShare, Integer years,
			Stage untilStage) {

		static ProposalForm empty() {
			return new ProposalForm(null, "", new BigDecimal("30"), 3, null);
		}
	}

	/** The agreement form of the city bureau. */
	public record AgreementForm(BigDecimal introducerShare, Integer years, String note, Integer version) {
	}
}
