package cn.zhaoshang.partner.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;

/**
 * The introducer-credit form: up to four rows of an intermediary and its part in percent (two decimals); empty rows
 * are dropped, and no row at all puts the credit back to 100 % for the project's introducing unit.
 */
public class CreditForm {

	static final int ROWS = 4;

	private List<Row> credits = new ArrayList<>();

	/** One row: an intermediary unit and its part in percent. */
	public static class Row {

		private Long unitId;
		private BigDecimal percent;

		public Long getUnitId() {
			return unitId;
		}

		public void setUnitId(Long unitId) {
			this.unitId = unitId;
		}

		public BigDecimal getPercent() {
			return percent;
		}

		public void setPercent(BigDecimal percent) {
			this.percent = percent;
		}
	}

	/** The form filled with the stored credit (basis points shown as percent). */
	static CreditForm of(Map<Long, Integer> credit) {
		var form = new CreditForm();
		credit.forEach((unit, bp) -> {
			var row = new Row();
			row.unitId = unit;
			row.percent = BigDecimal.valueOf(bp, 2);
			form.credits.add(row);
		});
		return form;
	}

	/** The rows to show: the entered ones filled up to four. */
	public List<Row> shown() {
		List<Row> shown = new ArrayList<>(credits);
		while (shown.size() < ROWS) {
			shown.add(new Row());
		}
		return shown;
	}

	/** Units and basis points; a row with a unit but no part (or the reverse), or a part of more than two decimals, is refused by row. */
	Map<Long, Integer> credit() {
		Map<Long, Integer> credit = new LinkedHashMap<>();
		List<Violation> broken = new ArrayList<>();
		for (int i = 0; i < credits.size(); i++) {
			Row r = credits.get(i);
			if (r == null || r.unitId == null && r.percent == null) {
				continue;
			}
			if (r.unitId == null) {
				broken.add(new Violation("credits[" + i + "].unitId", "validation.required"));
			}
			else if (credit.containsKey(r.unitId)) {
				broken.add(new Violation("credits[" + i + "].unitId", "partner.validation.creditTwice"));
			}
			if (r.percent == null) {
				broken.add(new Violation("credits[" + i + "].percent", "validation.required"));
			}
			else if (r.percent.stripTrailingZeros().scale() > 2 || r.percent.signum() <= 0
					|| r.percent.compareTo(BigDecimal.valueOf(100)) > 0) {
				broken.add(new Violation("credits[" + i + "].percent", "partner.validation.creditPercent"));
			}
			if (r.unitId != null && r.percent != null) {
				credit.put(r.unitId, r.percent.movePointRight(2).intValue());
			}
		}
		if (!broken.isEmpty()) {
			throw new InvalidInputException(broken);
		}
		return credit;
	}

	public List<Row> getCredits() {
		return credits;
	}

	public void setCredits(List<Row> credits) {
		this.credits = credits;
	}
}
