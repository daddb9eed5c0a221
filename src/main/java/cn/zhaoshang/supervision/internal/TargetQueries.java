package cn.zhaoshang.supervision.internal;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.supervision.TargetIndicator;

import org.springframework.stereotype.Service;

/**
 * The targets of a year as every page, export and API shows them: one line per unit that takes targets (or has
 * one stored), in the unit tree's order, and the city total. Targets are published figures: every internal role
 * reads all units' (no data scope).
 */
@Service
public class TargetQueries {

	/** One unit's line: its figures (empty when none set) and the version a change must name (null when no row). */
	public record Line(long unitId, String unitName, TargetValues values, Integer version) {
	}

	/**
	 * The year's lines and the city total: per indicator the sum of the units' figures, null when no unit has one.
	 */
	public record YearTargets(int year, List<Line> lines, TargetValues totals) {
	}

	private final TargetStore store;
	private final TargetUnits units;

	TargetQueries(TargetStore store, TargetUnits units) {
		this.store = store;
		this.units = units;
	}

	public YearTargets forYear(int year) {
		Map<Long, TargetRow> rows = store.forYear(year);
		List<Line> lines = units.of(rows.keySet()).stream().map(u -> line(u, rows.get(u.id().value()))).toList();
		return new YearTargets(year, lines, totals(lines));
	}

	private static Line line(UnitSummary unit, TargetRow row) {
		return new Line(unit.id().value(), unit.name(), row == null ? TargetValues.EMPTY : row.values(),
				row == null ? null : row.version());
	}

	static TargetValues totals(List<Line> lines) {
		Map<TargetIndicator, BigDecimal> sums = new EnumMap<>(TargetIndicator.class);
		for (Line line : lines) {
			line.values().byIndicator().forEach((i, v) -> sums.merge(i, v, BigDecimal::add));
		}
		return new TargetValues(sums);
	}
}
