package cn.zhaoshang.supervision;

import java.math.BigDecimal;
import java.util.List;

import cn.zhaoshang.platform.UnitId;

/** The published quarterly rankings of a year, for the year-end summary. */
public interface RankingHistory {

	/** The published rankings of the year's quarters in quarter order; a quarter without one is absent. */
	List<QuarterRanking> ofYear(int year);

	/** One published quarterly ranking. */
	record QuarterRanking(String quarter, long rankingId, int formulaVersion, List<Place> places) {
	}

	/** One unit's place in it. */
	record Place(UnitId unitId, String unitName, int rank, BigDecimal score) {
	}
}
