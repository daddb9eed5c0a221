package cn.zhaoshang.supervision.web;

import java.math.BigDecimal;
import java.util.EnumMap;

import cn.zhaoshang.supervision.TargetIndicator;
import cn.zhaoshang.supervision.internal.TargetValues;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code PUT /api/v1/targets/{year}/{unitId}}: every figure optional (null or absent: no target for
 * that indicator). Counts are whole numbers, amounts in 10k CNY (foreignUsed in 10k USD); the use case checks the
 * rules and answers 422 naming each field, so a fraction of a count is refused rather than cut.
 */
@Schema(name = "TargetInput")
record TargetBody(@Schema(description = "Projects signed (count)", example = "40") BigDecimal signedCount,
		@Schema(description = "Of which contracted investment >= 100M CNY (count)") BigDecimal signedCount100m,
		@Schema(description = "Of which contracted investment >= 1 billion CNY (count)") BigDecimal signedCount1b,
		@Schema(description = "Contracted investment, 10k CNY", example = "1500000") BigDecimal contractedInvestment,
		@Schema(description = "Projects commenced (count)") BigDecimal commencedCount,
		@Schema(description = "Projects in production (count)") BigDecimal productionCount,
		@Schema(description = "Funds actually in place, 10k CNY") BigDecimal fundsInPlace,
		@Schema(description = "Of which from outside the province, 10k CNY") BigDecimal outOfProvince,
		@Schema(description = "Foreign capital actually used, 10k USD") BigDecimal foreignUsed,
		@Schema(description = "Key projects (count)") BigDecimal keyProjects,
		@Schema(description = "The version read; required when the unit already has a target for the year")
		Integer version) {

	TargetValues values() {
		var map = new EnumMap<TargetIndicator, BigDecimal>(TargetIndicator.class);
		put(map, TargetIndicator.SIGNED_COUNT, signedCount);
		put(map, TargetIndicator.SIGNED_COUNT_100M, signedCount100m);
		put(map, TargetIndicator.SIGNED_COUNT_1B, signedCount1b);
		put(map, TargetIndicator.CONTRACTED_INVESTMENT, contractedInvestment);
		put(map, TargetIndicator.COMMENCED_COUNT, commencedCount);
		put(map, TargetIndicator.PRODUCTION_COUNT, productionCount);
		put(map, TargetIndicator.FUNDS_IN_PLACE, fundsInPlace);
		put(map, TargetIndicator.OUT_OF_PROVINCE, outOfProvince);
		put(map, TargetIndicator.FOREIGN_USED, foreignUsed);
		put(map, TargetIndicator.KEY_PROJECTS, keyProjects);
		return new TargetValues(map);
	}

	private static void put(EnumMap<TargetIndicator, BigDecimal> map, TargetIndicator i, BigDecimal v) {
		if (v != null) {
			map.put(i, v);
		}
	}
}
