package cn.zhaoshang.project.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.LedgerSheets;
import cn.zhaoshang.support.Demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The funds report (issue 10): the all-or-nothing import of the monthly funds workbook ({@code POST
 * /api/v1/funds/import}, {@code /funds/import}) and the totals ({@code GET /api/v1/funds}, {@code /funds}, the
 * export), against the real database with the demo data. Each test makes its own projects (unique codes and names)
 * and uses months of its own, so that the figures it checks are its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FundsReportTests {

	static final List<String> HEADERS = List.of("项目编号", "项目名称", "月份", "本月到位资金（万元）", "其中省外资金（万元）",
			"实际利用外资（万美元）", "完成固定资产投资（万元）", "备注");

	static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 100_000));

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	Clock clock;

	@Autowired
	cn.zhaoshang.project.internal.FundsSums fundsSums;

	RequestPostProcessor as(String username) {
		return user(accounts.loadUserByUsername(username));
	}

	YearMonth current() {
		return YearMonth.from(LocalDate.now(clock));
	}

	/** A new project of the unit (copied from a demo project, new code and name), with an investor of its own. */
	long project(String code, String name, String unitCode, String chainCode, String type) {
		long merchant = jdbc.sql("SELECT MIN(id) FROM merchant").query(Long.class).single()
				+ SEQ.incrementAndGet() % 3;
		Long exists = jdbc.sql("SELECT COUNT(*) FROM merchant WHERE id = :m").param("m", merchant).query(Long.class)
			.single();
		if (exists == 0) {
			merchant = jdbc.sql("SELECT MIN(id) FROM merchant").query(Long.class).single();
		}
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment)
				VALUES (:code, :name, :merchant, :name, :unit, :chain, :type, 'SIGNED', 'ACTIVE', 1000)""")
			.param("code", code)
			.param("name", name)
			.param("merchant", merchant)
			.param("unit", Demo.unit(jdbc, unitCode))
			.param("chain", Demo.chain(jdbc, chainCode))
			.param("type", type)
			.update();
		return jdbc.sql("SELECT id FROM project WHERE code = :c").param("c", code).query(Long.class).single();
	}

	static String code() {
		return "FT-" + System.nanoTime() % 1_000_000_000L;
	}

	static String name(String prefix) {
		return prefix + "-" + System.nanoTime() % 1_000_000_000L;
	}

	/** One row of the workbook: the cells under their headers (null = no cell). */
	static Map<String, Object> row(String code, String name, Object month, Object in, Object out, Object foreign,
			Object fixed, String note) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("项目编号", code);
		m.put("项目名称", name);
		m.put("月份", month);
		m.put("本月到位资金（万元）", in);
		m.put("其中省外资金（万元）", out);
		m.put("实际利用外资（万美元）", foreign);
		m.put("完成固定资产投资（万元）", fixed);
		m.put("备注", note);
		return m;
	}

	static MockMultipartFile file(byte[] bytes) {
		return new MockMultipartFile("file", "资金月报.xlsx", LedgerSheets.class == null ? null
				: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes);
	}

	ResultActions upload(String username, List<Map<String, Object>> rows) throws Exception {
		return upload(username, HEADERS, rows);
	}

	ResultActions upload(String username, List<String> headers, List<Map<String, Object>> rows) throws Exception {
		return mvc.perform(multipart("/api/v1/funds/import").file(file(LedgerSheets.xlsx(headers, rows)))
			.with(as(username))
			.with(csrf()));
	}

	long fundsRows() {
		return jdbc.sql("SELECT COUNT(*) FROM project_funds").query(Long.class).single();
	}

	BigDecimal paidIn(long project) {
		return jdbc.sql("SELECT paid_in_investment FROM project WHERE id = :id").param("id", project)
			.query(BigDecimal.class).optional().orElse(null);
	}

	BigDecimal sumOfRows(long project) {
		return jdbc.sql("SELECT SUM(funds_in_place) FROM project_funds WHERE project_id = :id").param("id", project)
			.query(BigDecimal.class).single();
	}

	// ---------------------------------------------------------------- import

	@Test
	void imports_by_code_and_by_name_then_reimport_is_unchanged_and_a_change_is_an_update() throws Exception {
		String codeA = code();
		String nameB = name("资金导入乙");
		long a = project(codeA, name("资金导入甲"), "hualong", "chemical", "NEW");
		long b = project(code(), nameB, "hualong", "chemical", "EXPANSION");
		YearMonth m1 = current().minusMonths(2);
		YearMonth m2 = current().minusMonths(1);
		long auditBefore = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'project' AND action = 'IMPORT'")
			.query(Long.class).single();
		List<Map<String, Object>> rows = List.of(row(codeA, null, m1.toString(), 100.5, 40, 2, 80, "首期"),
				row(codeA, null, m2.getYear() + "年" + m2.getMonthValue() + "月", "1,200", "0", null, "10.25", null),
				row(null, nameB, m2.atDay(15), 30, 30, 0, 0, null));

		upload("hualong", rows).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(3))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(0));

		assertThat(paidIn(a)).isEqualByComparingTo("1300.50").isEqualByComparingTo(sumOfRows(a));
		assertThat(paidIn(b)).isEqualByComparingTo("30");
		var stored = jdbc.sql("SELECT out_of_province, foreign_used, fixed_assets, note, version, historical, created_by "
				+ "FROM project_funds WHERE project_id = :p AND funds_month = :m")
			.param("p", a).param("m", m1.atDay(1)).query().singleRow();
		assertThat((BigDecimal) stored.get("out_of_province")).isEqualByComparingTo("40");
		assertThat((BigDecimal) stored.get("foreign_used")).isEqualByComparingTo("2");
		assertThat((BigDecimal) stored.get("fixed_assets")).isEqualByComparingTo("80");
		assertThat(stored.get("note")).isEqualTo("首期");
		assertThat(((Number) stored.get("version")).intValue()).isZero();
		assertThat(stored.get("created_by")).isEqualTo("hualong");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'project' AND action = 'IMPORT'")
			.query(Long.class).single()).isEqualTo(auditBefore + 3);

		// the same file again: nothing changes
		upload("hualong", rows).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(3));

		// one figure differs: that row is updated (version + 1), paid-in follows
		List<Map<String, Object>> changed = new ArrayList<>(rows);
		changed.set(0, row(codeA, null, m1.toString(), 200.5, 40, 2, 80, "首期"));
		upload("hualong.staff", changed).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(1))
			.andExpect(jsonPath("$.unchanged").value(2));
		assertThat(jdbc.sql("SELECT version FROM project_funds WHERE project_id = :p AND funds_month = :m")
			.param("p", a).param("m", m1.atDay(1)).query(Integer.class).single()).isEqualTo(1);
		assertThat(paidIn(a)).isEqualByComparingTo("1400.50").isEqualByComparingTo(sumOfRows(a));
		String after = jdbc.sql("SELECT after_json FROM audit_entry WHERE record_type = 'project' AND record_id = :id "
				+ "AND action = 'IMPORT' ORDER BY id DESC LIMIT 1").param("id", String.valueOf(a))
			.query(String.class).single();
		assertThat(after).contains("200.5").contains(m1.toString());
	}

	@Test
	void a_bad_header_is_refused_naming_the_column_and_nothing_is_written() throws Exception {
		String code = code();
		project(code, name("资金表头"), "hualong", "chemical", "NEW");
		long before = fundsRows();
		List<String> noMonth = HEADERS.stream().filter(h -> !h.equals("月份")).toList();
		upload("hualong", noMonth, List.of(row(code, null, null, 10, 0, 0, 0, null)))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].row").value(1))
			.andExpect(jsonPath("$.errors[0].column").value("月份"));
		assertThat(fundsRows()).isEqualTo(before);
	}

	@Test
	void every_bad_row_is_refused_with_row_and_column_and_the_good_rows_are_not_written() throws Exception {
		String mine = code();
		long good = project(mine, name("资金好行"), "hualong", "chemical", "NEW");
		String twin = name("资金同名");
		project(code(), twin, "hualong", "chemical", "NEW");
		project(code(), twin, "hualong", "equipment", "NEW");
		String other = code();
		String otherName = name("资金清丰");
		project(other, otherName, "qingfeng", "chemical", "NEW");
		YearMonth past = current().minusMonths(1);
		YearMonth future = current().plusMonths(1);
		long before = fundsRows();

		String body = upload("hualong", List.of(row(mine, null, past.toString(), 10, 0, 0, 0, null), // 2 good
				row(mine, null, "2026/13", 10, 0, 0, 0, null), // 3 bad month
				row(mine, null, future.toString(), 10, 0, 0, 0, null), // 4 future month
				row(mine, null, past.minusMonths(1).toString(), 10, 20, 0, 0, null), // 5 out > in
				row("NO-SUCH-CODE", null, past.toString(), 10, 0, 0, 0, null), // 6 code not found
				row(null, twin, past.toString(), 10, 0, 0, 0, null), // 7 name ambiguous in the unit
				row(other, null, past.toString(), 10, 0, 0, 0, null), // 8 another unit's project by code
				row(null, otherName, past.toString(), 10, 0, 0, 0, null), // 9 another unit's project by name
				row(mine, null, past.toString(), 11, 0, 0, 0, null), // 10 same project and month as row 2
				row(mine, null, past.minusMonths(2).toString(), -5, 0, "abc", 0, null))) // 11 negative, not a number
			.andExpect(status().isUnprocessableEntity())
			.andReturn().getResponse().getContentAsString();

		List<Map<String, Object>> errors = JsonPath.read(body, "$.errors");
		Map<Integer, List<String>> columnsByRow = new TreeMap<>();
		errors.forEach(e -> columnsByRow.computeIfAbsent((Integer) e.get("row"), k -> new ArrayList<>())
			.add((String) e.get("column")));
		assertThat(columnsByRow).doesNotContainKey(2);
		assertThat(columnsByRow.get(3)).containsExactly("月份");
		assertThat(columnsByRow.get(4)).containsExactly("月份");
		assertThat(columnsByRow.get(5)).containsExactly("其中省外资金（万元）");
		assertThat(columnsByRow.get(6)).containsExactly("项目编号");
		assertThat(columnsByRow.get(7)).containsExactly("项目名称");
		assertThat(columnsByRow.get(8)).containsExactly("项目编号");
		assertThat(columnsByRow.get(9)).containsExactly("项目名称");
		assertThat(columnsByRow.get(10)).containsExactly("月份");
		assertThat(columnsByRow.get(11)).containsExactlyInAnyOrder("本月到位资金（万元）", "实际利用外资（万美元）");
		assertThat(body).contains("晚于当前月份").contains("请填写项目编号").contains("与第 2 行是同一项目同一月份");
		assertThat(fundsRows()).isEqualTo(before);
		assertThat(paidIn(good)).isNull();
	}

	@Test
	void the_city_bureau_matches_a_name_only_when_it_is_unique_in_the_city() throws Exception {
		String twin = name("资金全市同名");
		project(code(), twin, "hualong", "chemical", "NEW");
		project(code(), twin, "qingfeng", "chemical", "NEW");
		String unique = name("资金全市唯一");
		long u = project(code(), unique, "qingfeng", "chemical", "NEW");
		YearMonth past = current().minusMonths(3);

		upload("city", List.of(row(null, twin, past.toString(), 10, 0, 0, 0, null)))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].column").value("项目名称"))
			.andExpect(jsonPath("$.errors[0].message", containsString("全市有 2 个")));
		upload("city", List.of(row(null, unique, past.toString(), 10, 0, 0, 0, null)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(1));
		assertThat(paidIn(u)).isEqualByComparingTo("10");
	}

	@Test
	void readers_without_edit_rights_cannot_import() throws Exception {
		mvc.perform(multipart("/api/v1/funds/import").file(file(LedgerSheets.xlsx(HEADERS, List.of())))
			.with(as("leader")).with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void the_template_has_the_headers_and_an_example_row() throws Exception {
		byte[] xlsx = mvc.perform(get("/funds/import/template.xlsx").with(as("hualong")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		List<List<Object>> header = LedgerSheets.read(xlsx, 0);
		assertThat(header.get(0)).containsExactlyElementsOf(HEADERS);
		List<List<Object>> example = LedgerSheets.read(xlsx, 1);
		assertThat(example).hasSizeGreaterThanOrEqualTo(2);
		assertThat(example.get(1).get(0)).isEqualTo("PY-2026-00123");
	}

	@Test
	void the_import_page_shows_the_rules_and_the_template_link() throws Exception {
		mvc.perform(get("/funds/import").with(as("hualong")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/funds/import/template.xlsx")))
			.andExpect(content().string(containsString("导入实际到位资金月报")));
	}

	// ---------------------------------------------------------------- totals

	record Inserted(long project, String unit, String chain, String type, LocalDate month, BigDecimal in,
			BigDecimal out, BigDecimal foreign, BigDecimal fixed) {
	}

	/** Rows in a year of their own (nobody else writes funds for 2003), for three projects of two units. */
	List<Inserted> insertYear(int year) {
		long p1 = project(code(), name("汇总甲"), "hualong", "chemical", "NEW");
		long p2 = project(code(), name("汇总乙"), "hualong", "equipment", "FOREIGN");
		long p3 = project(code(), name("汇总丙"), "qingfeng", "chemical", "RETURN");
		List<Inserted> rows = new ArrayList<>();
		int i = 0;
		// rows written here straight into the table: the monthly sums follow as they do for every writer
		var before = fundsSums.snapshot(List.of(p1, p2, p3));
		for (long p : List.of(p1, p2, p3)) {
			String unit = p == p3 ? "qingfeng" : "hualong";
			String chain = p == p2 ? "equipment" : "chemical";
			String type = p == p1 ? "NEW" : p == p2 ? "FOREIGN" : "RETURN";
			for (int month = 1; month <= 12; month += 1 + (int) (p % 2)) {
				i++;
				BigDecimal in = new BigDecimal(i * 7 + ".25");
				var r = new Inserted(p, unit, chain, type, LocalDate.of(year, month, 1), in,
						in.divide(BigDecimal.valueOf(2)).setScale(2, java.math.RoundingMode.DOWN),
						new BigDecimal(i + ".1"), new BigDecimal(i * 3 + ".5"));
				jdbc.sql("""
						INSERT INTO project_funds (project_id, funds_month, funds_in_place, out_of_province,
						    foreign_used, fixed_assets)
						VALUES (:p, :m, :in, :out, :f, :x)""")
					.param("p", p).param("m", r.month()).param("in", r.in()).param("out", r.out())
					.param("f", r.foreign()).param("x", r.fixed()).update();
				rows.add(r);
			}
		}
		fundsSums.update(before);
		return rows;
	}

	static Map<String, BigDecimal[]> sums(List<Inserted> rows, java.util.function.Function<Inserted, String> key) {
		Map<String, BigDecimal[]> sums = new HashMap<>();
		for (Inserted r : rows) {
			BigDecimal[] s = sums.computeIfAbsent(key.apply(r), k -> new BigDecimal[] { BigDecimal.ZERO,
					BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
			s[0] = s[0].add(r.in());
			s[1] = s[1].add(r.out());
			s[2] = s[2].add(r.foreign());
			s[3] = s[3].add(r.fixed());
		}
		return sums;
	}

	void assertRows(String body, Map<String, BigDecimal[]> expected) {
		List<Map<String, Object>> rows = JsonPath.read(body, "$.rows");
		assertThat(rows).hasSize(expected.size());
		BigDecimal[] total = { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO };
		for (Map<String, Object> row : rows) {
			BigDecimal[] e = expected.get((String) row.get("key"));
			assertThat(e).as("group %s", row.get("key")).isNotNull();
			assertThat(new BigDecimal(row.get("fundsInPlace").toString())).isEqualByComparingTo(e[0]);
			assertThat(new BigDecimal(row.get("outOfProvince").toString())).isEqualByComparingTo(e[1]);
			assertThat(new BigDecimal(row.get("foreignUsed").toString())).isEqualByComparingTo(e[2]);
			assertThat(new BigDecimal(row.get("fixedAssets").toString())).isEqualByComparingTo(e[3]);
			assertThat((String) row.get("label")).isNotBlank();
			for (int k = 0; k < 4; k++) {
				total[k] = total[k].add(e[k]);
			}
		}
		assertThat(new BigDecimal(JsonPath.read(body, "$.totals.fundsInPlace").toString()))
			.isEqualByComparingTo(total[0]);
		assertThat(new BigDecimal(JsonPath.read(body, "$.totals.fixedAssets").toString()))
			.isEqualByComparingTo(total[3]);
	}

	String totals(String username, String query) throws Exception {
		return mvc.perform(get("/api/v1/funds?" + query).with(as(username)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	@Test
	void totals_by_unit_chain_type_month_and_quarter_equal_the_sums_of_the_rows() throws Exception {
		List<Inserted> rows = insertYear(2003);
		String period = "from=2003-01&to=2003-12";
		assertRows(totals("city", period + "&groupBy=unit"),
				sums(rows, r -> String.valueOf(Demo.unit(jdbc, r.unit()))));
		assertRows(totals("city", period + "&groupBy=chain"),
				sums(rows, r -> String.valueOf(Demo.chain(jdbc, r.chain()))));
		assertRows(totals("city", period + "&groupBy=type"), sums(rows, Inserted::type));
		assertRows(totals("city", period + "&groupBy=month"), sums(rows, r -> YearMonth.from(r.month()).toString()));
		assertRows(totals("city", period + "&groupBy=quarter"),
				sums(rows, r -> "2003-Q" + ((r.month().getMonthValue() - 1) / 3 + 1)));
		// a part of the year, one chain, one type
		List<Inserted> q2 = rows.stream()
			.filter(r -> r.month().getMonthValue() >= 4 && r.month().getMonthValue() <= 6 && r.chain().equals("chemical"))
			.toList();
		assertRows(totals("city", "from=2003-04&to=2003-06&groupBy=unit&chain=" + Demo.chain(jdbc, "chemical")),
				sums(q2, r -> String.valueOf(Demo.unit(jdbc, r.unit()))));
		assertRows(totals("city", period + "&groupBy=unit&type=RETURN"),
				sums(rows.stream().filter(r -> r.type().equals("RETURN")).toList(),
						r -> String.valueOf(Demo.unit(jdbc, r.unit()))));
		// labels in the reader's language
		String body = totals("city", period + "&groupBy=month");
		assertThat(body).contains("2003年1月");
		assertThat(totals("city", period + "&groupBy=quarter")).contains("2003年第1季度");
		assertThat(JsonPath.<String>read(body, "$.from")).isEqualTo("2003-01");
	}

	@Test
	void a_unit_sees_only_its_own_totals_and_leaders_the_whole_city() throws Exception {
		List<Inserted> rows = insertYear(2004);
		long hualong = Demo.unit(jdbc, "hualong");
		String period = "from=2004-01&to=2004-12&groupBy=unit";
		assertRows(totals("hualong", period), sums(rows.stream().filter(r -> r.unit().equals("hualong")).toList(),
				r -> String.valueOf(hualong)));
		assertRows(totals("hualong.staff", period + "&unit=" + Demo.unit(jdbc, "qingfeng")), Map.of());
		assertRows(totals("leader", period), sums(rows, r -> String.valueOf(Demo.unit(jdbc, r.unit()))));
		assertRows(totals("viewer", period), sums(rows, r -> String.valueOf(Demo.unit(jdbc, r.unit()))));
		mvc.perform(get("/api/v1/funds").with(as("agent"))).andExpect(status().isForbidden());
	}

	@Test
	void the_period_defaults_to_the_year_to_date_and_bad_parameters_are_refused() throws Exception {
		String body = totals("city", "");
		assertThat(JsonPath.<String>read(body, "$.from")).isEqualTo(YearMonth.of(current().getYear(), 1).toString());
		assertThat(JsonPath.<String>read(body, "$.to")).isEqualTo(current().toString());
		assertThat(JsonPath.<String>read(body, "$.groupBy")).isEqualTo("unit");
		mvc.perform(get("/api/v1/funds?from=2026-13").with(as("city"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/funds?groupBy=leader").with(as("city"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/funds?from=2026-05&to=2026-04").with(as("city")))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("to")));
	}

	@Test
	void the_export_holds_the_groups_and_a_total_row() throws Exception {
		List<Inserted> rows = insertYear(2005);
		byte[] xlsx = mvc.perform(get("/funds/export.xlsx?from=2005-01&to=2005-12&groupBy=unit").with(as("city")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		List<List<Object>> sheet = LedgerSheets.read(xlsx, 0);
		assertThat(sheet.get(0).get(0)).isEqualTo("落地单位");
		assertThat(sheet).hasSize(1 + 2 + 1);
		Map<String, BigDecimal[]> byUnit = sums(rows, Inserted::unit);
		assertThat(sheet.get(1).get(0)).isEqualTo("华龙区");
		assertThat((BigDecimal) sheet.get(1).get(1)).isEqualByComparingTo(byUnit.get("hualong")[0]);
		List<Object> total = sheet.get(3);
		assertThat(total.get(0)).isEqualTo("合计");
		BigDecimal all = byUnit.values().stream().map(s -> s[0]).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal fixed = byUnit.values().stream().map(s -> s[3]).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat((BigDecimal) total.get(1)).isEqualByComparingTo(all);
		assertThat((BigDecimal) total.get(4)).isEqualByComparingTo(fixed);
	}

	@Test
	void the_page_shows_the_groups_the_total_and_links_to_the_ledger() throws Exception {
		insertYear(2006);
		long hualong = Demo.unit(jdbc, "hualong");
		mvc.perform(get("/funds?from=2006-01&to=2006-12").with(as("city")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"funds-total\"")))
			.andExpect(content().string(containsString("/projects?unit=" + hualong)))
			.andExpect(content().string(containsString("/funds/export.xlsx?")));
		mvc.perform(get("/funds?from=2006-05&to=2006-01").with(as("city")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"filter-errors\"")));
	}
}
