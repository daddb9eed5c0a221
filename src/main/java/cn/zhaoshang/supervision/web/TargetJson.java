package cn.zhaoshang.supervision.web;

import java.math.BigDecimal;
import java.util.List;

import cn.zhaoshang.supervision.TargetIndicator;
import cn.zhaoshang.supervision.internal.TargetQueries;
import cn.zhaoshang.supervision.internal.TargetRow;
import cn.zhaoshang.supervision.internal.TargetValues;

import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON of the targets API: a unit's target, the figures of the city total, a year's list. */
final class TargetJson {

	private TargetJson() {
	}

	/** The figures; null where no target is set. */
	@Schema(name = "TargetFigures")
	record Figures(Integer signedCount, Integer signedCount100m, Integer signedCount1b,
			@Schema(description = "10k CNY") BigDecimal contractedInvestment, Integer commencedCount,
			Integer productionCount, @Schema(description = "10k CNY") BigDecimal fundsInPlace,
			@Schema(description = "10k CNY") BigDecimal outOfProvince,
			@Schema(description = "10k USD") BigDecimal foreignUsed, Integer keyProjects) {

		static Figures of(TargetValues v) {
			return new Figures(v.count(TargetIndicator.SIGNED_COUNT), v.count(TargetIndicator.SIGNED_COUNT_100M),
					v.count(TargetIndicator.SIGNED_COUNT_1B), v.get(TargetIndicator.CONTRACTED_INVESTMENT),
					v.count(TargetIndicator.COMMENCED_COUNT), v.count(TargetIndicator.PRODUCTION_COUNT),
					v.get(TargetIndicator.FUNDS_IN_PLACE), v.get(TargetIndicator.OUT_OF_PROVINCE),
					v.get(TargetIndicator.FOREIGN_USED), v.count(TargetIndicator.KEY_PROJECTS));
		}
	}

	/** One unit's target for a year; version null when nothing is stored yet. */
	@Schema(name = "UnitTarget")
	record Item(int year, long unitId, String unitName, Integer signedCount, Integer signedCount100m,
			Integer signedCount1b, @Schema(description = "10k CNY") BigDecimal contractedInvestment,
			Integer commencedCount, Integer productionCount, @Schema(description = "10k CNY") BigDecimal fundsInPlace,
			@Schema(description = "10k CNY") BigDecimal outOfProvince,
			@Schema(description = "10k USD") BigDecimal foreignUsed, Integer keyProjects, Integer version) {

		static Item of(int year, long unitId, String unitName, TargetValues v, Integer version) {
			var f = Figures.of(v);
			return new Item(year, unitId, unitName, f.signedCount(), f.signedCount100m(), f.signedCount1b(),
					f.contractedInvestment(), f.commencedCount(), f.productionCount(), f.fundsInPlace(),
					f.outOfProvince(), f.foreignUsed(), f.keyProjects(), version);
		}

		static Item of(TargetRow row, String unitName) {
			return of(row.year(), row.unitId(), unitName, row.values(), row.version());
		}
	}

	/** A year's targets: every unit that takes targets, and the city total. */
	@Schema(name = "YearTargets")
	record Year(int year, List<Item> items, Figures totals) {

		static Year of(TargetQueries.YearTargets t) {
			return new Year(t.year(), t.lines()
				.stream()
				.map(l -> Item.of(t.year(), l.unitId(), l.unitName(), l.values(), l.version()))
				.toList(), Figures.of(t.totals()));
		}
	}
}
