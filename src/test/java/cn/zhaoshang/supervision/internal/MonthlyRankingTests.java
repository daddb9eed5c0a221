package cn.zhaoshang.supervision.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.supervision.Completion;
import cn.zhaoshang.supervision.ReportingPeriod;
import cn.zhaoshang.supervision.SupervisionFigures;
import cn.zhaoshang.supervision.SupervisionFigures.Figures;
import cn.zhaoshang.supervision.SupervisionFigures.UnitRow;

import org.junit.jupiter.api.Test;

/** The ranking rule of the monthly notification: average completion over the indicators with a target. */
class MonthlyRankingTests {

	@Test
	void averages_the_completions_shares_ranks_on_ties_and_lists_units_without_targets_last() {
		var result = new SupervisionFigures.Result(ReportingPeriod.parse("2026-10"), LocalDate.of(2026, 10, 31),
				List.of(row(1, "A", Map.of("signedCount", c(50, 100), "fundsInPlace", c(25, 100))),
						row(2, "B", Map.of()),
						row(3, "C", Map.of("signedCount", c(75, 200))),
						row(4, "D", Map.of("signedCount", c(1, 3), "commencedCount", c(2, 3)))),
				Figures.ZERO, Figures.ZERO);
		// A (50.0 + 25.0) / 2 = 37.5; C 37.5; D (33.3 + 66.7) / 2 = 50.0; B has no target
		assertThat(MonthlyRanking.of(result)).extracting(p -> p.unitName() + " " + p.rank() + " " + p.score()
				+ " " + p.indicators())
			.containsExactly("D 1 50.0 2", "A 2 37.5 2", "C 2 37.5 1", "B null null 0");
	}

	private static UnitRow row(long id, String name, Map<String, Completion> completion) {
		return new UnitRow(new UnitId(id), name, Figures.ZERO, Figures.ZERO, new LinkedHashMap<>(completion));
	}

	private static Completion c(long achieved, long target) {
		return Completion.of(BigDecimal.valueOf(achieved), BigDecimal.valueOf(target), 10);
	}
}
