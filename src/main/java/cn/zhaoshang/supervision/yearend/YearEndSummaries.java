package cn.zhaoshang.supervision.yearend;

import cn.zhaoshang.supervision.RankingHistory;
import cn.zhaoshang.supervision.ReportingPeriod;
import cn.zhaoshang.supervision.SupervisionFigures;
import cn.zhaoshang.supervision.observation.Observations;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Gathers a year's summary from the one figures read model, the ranking history, the observations and the records. */
@Service
public class YearEndSummaries {

	private final SupervisionFigures figures;
	private final RankingHistory rankings;
	private final Observations observations;
	private final YearEndRecords records;

	YearEndSummaries(SupervisionFigures figures, RankingHistory rankings, Observations observations,
			YearEndRecords records) {
		this.figures = figures;
		this.rankings = rankings;
		this.observations = observations;
		this.records = records;
	}

	@Transactional(readOnly = true)
	public YearEndSummary of(int year) {
		YearEndRecords.checkYear(year);
		return new YearEndSummary(year, figures.of(new ReportingPeriod(ReportingPeriod.Kind.YEAR, year, 0)),
				rankings.ofYear(year), observations.closedOfYear(year), records.commendations(year),
				records.exemptions(year));
	}
}
