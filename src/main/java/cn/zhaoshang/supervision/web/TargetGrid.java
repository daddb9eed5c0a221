package cn.zhaoshang.supervision.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.supervision.TargetIndicator;
import cn.zhaoshang.supervision.internal.TargetValues;

/**
 * What the targets page shows: the year, whether the reader may edit, the units' rows (the text of each cell, as
 * stored or as typed when a save was refused), the city total and the refused cells' messages.
 *
 * @param year the year shown
 * @param years the years offered in the year picker
 * @param editable whether the reader is the city bureau (the grid is a form)
 * @param rows the units' rows
 * @param totals the city total per indicator field, formatted; empty text when no unit has a target
 * @param errors refused cells by {@code <unitId>.<field>}, each its message
 * @param messages every refusal as a line for the summary above the grid
 * @param failure a refusal of the whole save (a conflict), or null
 */
public record TargetGrid(int year, List<Integer> years, boolean editable, List<Row> rows, Map<String, String> totals,
		Map<String, String> errors, List<String> messages, String failure) {

	/** One unit's row: cell text by indicator field, the version the save sends back (null: no row yet). */
	public record Row(long unitId, String unitName, Map<String, String> cells, Integer version) {

		public String cell(TargetIndicator i) {
			return cells.getOrDefault(i.field(), "");
		}
	}

	public List<TargetIndicator> indicators() {
		return List.of(TargetIndicator.values());
	}

	public String error(long unitId, TargetIndicator i) {
		return errors.get(unitId + "." + i.field());
	}

	public String total(TargetIndicator i) {
		return totals.getOrDefault(i.field(), "");
	}

	/** The form field of a cell. */
	public static String name(long unitId, TargetIndicator i) {
		return "t_" + unitId + "_" + i.field();
	}

	/** Cell texts of stored figures: counts as whole numbers, amounts without trailing zeros (input) or grouped. */
	static Map<String, String> cells(TargetValues values, boolean grouped) {
		Map<String, String> cells = new LinkedHashMap<>();
		for (TargetIndicator i : TargetIndicator.values()) {
			BigDecimal v = values.get(i);
			if (v != null) {
				cells.put(i.field(), text(i, v, grouped));
			}
		}
		return cells;
	}

	static String text(TargetIndicator i, BigDecimal v, boolean grouped) {
		if (!i.kind().amount()) {
			return grouped ? String.format(java.util.Locale.ROOT, "%,d", v.longValueExact()) : v.toPlainString();
		}
		if (grouped) {
			return String.format(java.util.Locale.ROOT, "%,.2f", v);
		}
		BigDecimal plain = v.stripTrailingZeros();
		return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
	}
}
