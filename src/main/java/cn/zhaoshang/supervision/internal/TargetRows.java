package cn.zhaoshang.supervision.internal;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.Amount;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ImportColumns;
import cn.zhaoshang.platform.ImportResult.Outcome;
import cn.zhaoshang.platform.ImportRow;
import cn.zhaoshang.platform.ImportRules;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.supervision.TargetIndicator;

/** The rules of one targets import: a row names a unit of the year's targets and gives figures that keep the rules. */
final class TargetRows implements ImportRules<TargetRows.Line> {

	record Line(UnitSummary unit, TargetValues values) {
	}

	private final TargetImport imports;
	private final int year;
	private final List<UnitSummary> units;
	private final Map<String, UnitId> byName;
	private final Map<Long, TargetRow> stored;
	private final CurrentUser user;
	private final ImportColumns columns;

	TargetRows(TargetImport imports, int year, List<UnitSummary> units, Map<Long, TargetRow> stored,
			CurrentUser user) {
		this.imports = imports;
		this.year = year;
		this.units = units;
		this.byName = UnitSummary.byName(units);
		this.stored = stored;
		this.user = user;
		this.columns = imports.columns();
	}

	@Override
	public ImportColumns columns() {
		return columns;
	}

	@Override
	public int maxRows() {
		return TargetImport.MAX_ROWS;
	}

	@Override
	public Line check(ImportRow row) {
		String name = row.text("unit");
		if (name != null && name.equals(imports.totalLabel())) {
			return null;
		}
		int mark = row.errorCount();
		if (row.has("year") && row.text("year") != null) {
			BigDecimal y = row.decimal("year");
			if (y == null || y.compareTo(BigDecimal.valueOf(year)) != 0) {
				row.refuse("year", "supervision.import.otherYear", String.valueOf(year));
			}
		}
		UnitSummary unit = null;
		if (name == null) {
			row.refuse("unit", "validation.required");
		}
		else {
			UnitId id = byName.get(name);
			unit = id == null ? null
					: units.stream().filter(u -> u.id().equals(id)).findFirst().orElse(null);
			if (unit == null) {
				row.refuse("unit", "supervision.import.unknownUnit", name);
			}
		}
		TargetRow existing = unit == null ? null : stored.get(unit.id().value());
		Map<TargetIndicator, BigDecimal> values = new EnumMap<>(TargetIndicator.class);
		for (TargetIndicator i : TargetIndicator.values()) {
			if (!row.has(i.field())) {
				if (existing != null && existing.values().get(i) != null) {
					values.put(i, existing.values().get(i));
				}
				continue;
			}
			if (row.text(i.field()) == null) {
				continue;
			}
			BigDecimal v = row.decimal(i.field());
			if (v == null) {
				row.refuse(i.field(), Amount.NOT_A_NUMBER);
				continue;
			}
			values.put(i, v);
		}
		TargetValues target = new TargetValues(values);
		if (unit != null && existing == null && target.isEmpty() && row.errorCount() == mark) {
			return null; // an exported unit without targets: nothing to set
		}
		for (var problem : TargetRules.check(target)) {
			if (!row.refusedSince(mark, problem.field())) {
				row.refuse(problem.field(), problem.messageKey(), problem.args());
			}
		}
		return row.errorCount() > mark ? null : new Line(unit, target);
	}

	@Override
	public List<Object> sameKeys(Line line) {
		return List.of(line.unit().id());
	}

	@Override
	public void refuseRepeat(ImportRow row, int firstRow) {
		row.refuse("unit", "import.error.duplicateRow", firstRow);
	}

	@Override
	public Outcome write(Line line, ImportRow row) {
		return imports.targets().importRow(year, line.unit(), line.values(), user);
	}
}
