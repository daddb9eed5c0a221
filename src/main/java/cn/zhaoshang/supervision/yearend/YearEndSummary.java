package cn.zhaoshang.supervision.yearend;

import java.util.List;

import cn.zhaoshang.supervision.RankingHistory.QuarterRanking;
import cn.zhaoshang.supervision.SupervisionFigures;
import cn.zhaoshang.supervision.observation.Observations;

/**
 * The year-end summary of a year: the year's figures against the targets per unit and for the city (the figures read
 * model with completion), the published quarterly rankings, the closed observations' results, and the bureau's
 * commendations and fault-tolerance exemptions.
 */
public record YearEndSummary(int year, SupervisionFigures.Result figures, List<QuarterRanking> rankings,
		List<Observations.Closed> observations, List<YearEndRecords.Commendation> commendations,
		List<YearEndRecords.Exemption> exemptions) {
}
