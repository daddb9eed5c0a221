package cn.zhaoshang.supervision.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.supervision.Publications.Scope;
import cn.zhaoshang.supervision.ReportingPeriod;
import cn.zhaoshang.supervision.SupervisionFigures;
import cn.zhaoshang.supervision.SupervisionFigures.Figures;
import cn.zhaoshang.supervision.SupervisionFigures.UnitRow;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures a publication froze, as JSON: {@code {period, asOf, rows:[{unitId, unitName, period:{...},
 * yearToDate:{...}}], totals:{...}, totalsYearToDate:{...}}} with the seven figures by field name, each as its
 * decimal text ({@code "1060.01"}), so that nothing passes through binary floating point. Completion is not frozen: it follows from the
 * figures and the targets.
 */
final class FrozenFigures {

	private FrozenFigures() {
	}

	static String write(SupervisionFigures.Result r, JsonMapper json) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("period", r.period().toString());
		root.put("asOf", r.asOf().toString());
		List<Map<String, Object>> rows = new ArrayList<>();
		for (UnitRow row : r.rows()) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("unitId", row.unitId().value());
			m.put("unitName", row.unitName());
			m.put("period", text(row.period()));
			m.put("yearToDate", text(row.yearToDate()));
			rows.add(m);
		}
		root.put("rows", rows);
		root.put("totals", text(r.totals()));
		root.put("totalsYearToDate", text(r.totalsYearToDate()));
		return json.writeValueAsString(root);
	}

	static SupervisionFigures.Result read(String text, JsonMapper json) {
		JsonNode root = json.readTree(text);
		List<UnitRow> rows = new ArrayList<>();
		for (JsonNode row : root.get("rows")) {
			rows.add(new UnitRow(new UnitId(row.get("unitId").asLong()), row.get("unitName").asString(),
					figures(row.get("period")), figures(row.get("yearToDate")), Map.of()));
		}
		return new SupervisionFigures.Result(ReportingPeriod.parse(root.get("period").asString()),
				LocalDate.parse(root.get("asOf").asString()), rows, figures(root.get("totals")),
				figures(root.get("totalsYearToDate")));
	}

	/** Every figure of a result by {@link #key}: per unit and for the city, period and year to date. */
	static Map<String, BigDecimal> cells(SupervisionFigures.Result r) {
		Map<String, BigDecimal> cells = new LinkedHashMap<>();
		for (UnitRow row : r.rows()) {
			put(cells, row.unitId().value(), row.period(), Scope.PERIOD);
			put(cells, row.unitId().value(), row.yearToDate(), Scope.YTD);
		}
		put(cells, null, r.totals(), Scope.PERIOD);
		put(cells, null, r.totalsYearToDate(), Scope.YTD);
		return cells;
	}

	/** {@code unitId|indicator|scope}, {@code city} for the totals. */
	static String key(Long unit, String indicator, Scope scope) {
		return (unit == null ? "city" : unit.toString()) + "|" + indicator + "|" + scope.name();
	}

	private static void put(Map<String, BigDecimal> cells, Long unit, Figures f, Scope scope) {
		Map<String, BigDecimal> values = map(f);
		values.forEach((field, value) -> cells.put(key(unit, field, scope), value));
	}

	static Map<String, BigDecimal> map(Figures f) {
		Map<String, BigDecimal> m = new LinkedHashMap<>();
		m.put("signedCount", f.signedCount());
		m.put("contractedInvestment", f.contractedInvestment());
		m.put("commencedCount", f.commencedCount());
		m.put("productionCount", f.productionCount());
		m.put("fundsInPlace", f.fundsInPlace());
		m.put("outOfProvince", f.outOfProvince());
		m.put("foreignUsed", f.foreignUsed());
		return m;
	}

	private static Map<String, String> text(Figures f) {
		Map<String, String> m = new LinkedHashMap<>();
		map(f).forEach((k, v) -> m.put(k, v.toPlainString()));
		return m;
	}

	private static Figures figures(JsonNode n) {
		return new Figures(d(n, "signedCount"), d(n, "contractedInvestment"), d(n, "commencedCount"),
				d(n, "productionCount"), d(n, "fundsInPlace"), d(n, "outOfProvince"), d(n, "foreignUsed"));
	}

	private static BigDecimal d(JsonNode n, String field) {
		return new BigDecimal(n.get(field).asString());
	}
}
