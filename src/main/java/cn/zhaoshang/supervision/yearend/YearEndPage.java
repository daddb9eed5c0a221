package cn.zhaoshang.supervision.yearend;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.supervision.Completion;
import cn.zhaoshang.supervision.RankingHistory;
import cn.zhaoshang.supervision.TargetIndicator;
import cn.zhaoshang.supervision.observation.ObservationNotice;

/** What the year-end page shows (public: the precompiled template reads it). */
public record YearEndPage(int year, List<Integer> years, YearEndSummary summary, boolean editor,
		List<String> errors) {

	/** The label key of a kind ({@code yearEnd.kind.<NAME>}; ObservationResultsTests checks each). */
	public static String kindKey(CommendationKind kind) {
		return "yearEnd.kind." + kind.name();
	}

	public List<TargetIndicator> indicators() {
		return YearEndDocument.INDICATORS;
	}

	public String figure(TargetIndicator indicator, BigDecimal value) {
		return YearEndDocument.figure(indicator, value);
	}

	public String target(TargetIndicator indicator, Map<String, Completion> completion) {
		Completion c = completion.get(indicator.field());
		return c == null || c.target() == null ? "—" : YearEndDocument.figure(indicator, c.target());
	}

	public String percent(TargetIndicator indicator, Map<String, Completion> completion) {
		return YearEndDocument.percent(completion.get(indicator.field()));
	}

	public String score(BigDecimal score) {
		return ObservationNotice.score(score);
	}

	/** A unit's place in a quarter's ranking, or null. */
	public RankingHistory.Place place(RankingHistory.QuarterRanking quarter, long unitId) {
		return quarter.places().stream().filter(p -> p.unitId().value() == unitId).findFirst().orElse(null);
	}
}
