package cn.zhaoshang.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.project.internal.FundsRows;
import cn.zhaoshang.project.internal.RecordFunds;
import cn.zhaoshang.support.ApiTestSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Funds in place per project and month (issue 10) through the API and the use case, on H2 and PostgreSQL: the
 * rules of a row (future month, out-of-province above the month, negative, three decimals, stale version), the
 * data scope, the history, and paid-in investment staying the sum of the rows after edits and after cumulative
 * figures given with a stage move or a progress update (ADR 0010).
 */
@SpringBootTest
@RecordApplicationEvents
class FundsApiTests extends ApiTestSupport {

	@Autowired
	ApplicationEvents events;

	@Autowired
	cn.zhaoshang.platform.RecordHistory history;

	@Autowired
	RecordFunds recordFunds;

	@Autowired
	cn.zhaoshang.platform.user.AccountUserDetailsService accounts;

	/** Tokens of this context (another test context signs with another key). */

	YearMonth thisMonth = YearMonth.now();

	LocalDate today = LocalDate.now();

	@Test
	void a_month_is_entered_then_corrected_with_its_version_and_the_sum_is_the_paid_in_investment() throws Exception {
		long id = project("hualong");
		YearMonth m = thisMonth.minusMonths(1);
		put("hualong", id, m, funds(120.5, 20, 3.25, 80, "首笔到位", null)).andExpect(status().isOk())
			.andExpect(jsonPath("$.month").value(m.toString()))
			.andExpect(jsonPath("$.fundsInPlace").value(120.5))
			.andExpect(jsonPath("$.outOfProvince").value(20))
			.andExpect(jsonPath("$.foreignUsed").value(3.25))
			.andExpect(jsonPath("$.fixedAssets").value(80))
			.andExpect(jsonPath("$.note").value("首笔到位"))
			.andExpect(jsonPath("$.historical").value(false))
			.andExpect(jsonPath("$.version").value(0))
			.andExpect(jsonPath("$.updatedBy").value("hualong"))
			.andExpect(jsonPath("$.updatedAt").exists());
		put("hualong.staff", id, thisMonth, funds(30, 0, 0, 10, null, null)).andExpect(status().isOk());
		assertThat(paidIn(id)).isEqualByComparingTo("150.50");
		// a correction is an edit of the row, never a second one
		put("hualong", id, m, funds(100, 20, 3.25, 80, "更正", 0)).andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1));
		assertThat(paidIn(id)).isEqualByComparingTo("130.00");
		as("viewer", get("/api/v1/projects/" + id + "/funds")).andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(2))
			.andExpect(jsonPath("$.items[0].month").value(m.toString()))
			.andExpect(jsonPath("$.items[1].month").value(thisMonth.toString()))
			.andExpect(jsonPath("$.total.fundsInPlace").value(130.0))
			.andExpect(jsonPath("$.total.outOfProvince").value(20.0))
			.andExpect(jsonPath("$.total.foreignUsed").value(3.25))
			.andExpect(jsonPath("$.total.fixedAssets").value(90.0));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM project_funds WHERE project_id = ?").param(id).query(Long.class)
			.single()).isEqualTo(2);
		// the ledger list's sums add funds in place from the rows, beside the existing keys
		String code = jdbc.sql("SELECT code FROM project WHERE id = ?").param(id).query(String.class).single();
		as("city", get("/api/v1/projects?q=" + code)).andExpect(status().isOk())
			.andExpect(jsonPath("$.sums.fundsInPlace").value(130.0))
			.andExpect(jsonPath("$.sums.paidInInvestment").value(130.0));
		// the project's history tells the month and what changed
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_entry WHERE record_type = 'project' AND record_id = ? AND action = 'FUNDS'""")
			.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(3);
		assertThat(events.stream(ProjectFundsRecorded.class).filter(e -> e.id().value() == id)).hasSize(3);
		var funds = history.of("project", id).stream().filter(h -> "FUNDS".equals(h.action())).toList();
		assertThat(funds).hasSize(3);
		// newest first: the correction shows the month and the amount before and after
		assertThat(funds.get(0).changes()).extracting(c -> c.field() + ":" + c.before() + ">" + c.after())
			.contains("fundsMonth:>" + m, "fundsInPlace:120.50>100.00", "fundsNote:首笔到位>更正");
	}

	@Test
	void a_stale_version_is_409_and_changes_nothing() throws Exception {
		long id = project("hualong");
		YearMonth m = thisMonth.minusMonths(2);
		put("hualong", id, m, funds(10, 0, 0, 0, null, null)).andExpect(status().isOk());
		put("hualong", id, m, funds(11, 0, 0, 0, null, 0)).andExpect(status().isOk());
		put("hualong", id, m, funds(12, 0, 0, 0, null, 0)).andExpect(status().isConflict());
		// without a version an existing month is not overwritten blindly
		put("hualong", id, m, funds(13, 0, 0, 0, null, null)).andExpect(status().isConflict());
		assertThat(paidIn(id)).isEqualByComparingTo("11");
	}

	@Test
	void the_rules_of_a_row_are_422_naming_the_field() throws Exception {
		long id = project("hualong");
		put("hualong", id, thisMonth.plusMonths(1), funds(10, 0, 0, 0, null, null))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("month"))
			.andExpect(jsonPath("$.errors[0].message").value("月份：不能晚于本月"));
		put("hualong", id, thisMonth, funds(10, 12, 0, 0, null, null)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("outOfProvince"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("不能大于本月到位资金")));
		put("hualong", id, thisMonth, funds(-1, 0, 0, 0, null, null)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("fundsInPlace"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("不能为负数")));
		as("hualong", MockMvcBuilders_put(id, thisMonth.toString(), """
				{"fundsInPlace": 1.005, "outOfProvince": 0}""")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("fundsInPlace"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("2 位小数")));
		as("hualong", MockMvcBuilders_put(id, thisMonth.toString(), "{}")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("fundsInPlace"));
		as("hualong", MockMvcBuilders_put(id, "2026-13", "{\"fundsInPlace\": 1}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("month"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM project_funds WHERE project_id = ?").param(id).query(Long.class)
			.single()).isZero();
	}

	@Test
	void another_units_project_is_403_and_viewers_and_intermediaries_may_not_write() throws Exception {
		long id = project("hualong");
		put("qingfeng", id, thisMonth, funds(10, 0, 0, 0, null, null)).andExpect(status().isForbidden());
		put("viewer", id, thisMonth, funds(10, 0, 0, 0, null, null)).andExpect(status().isForbidden());
		put("agent", id, thisMonth, funds(10, 0, 0, 0, null, null)).andExpect(status().isForbidden());
		as("agent", get("/api/v1/projects/" + id + "/funds")).andExpect(status().isForbidden());
		put("city", id, thisMonth, funds(10, 0, 0, 0, null, null)).andExpect(status().isOk());
		put("hualong", 0, thisMonth, funds(10, 0, 0, 0, null, null)).andExpect(status().isNotFound());
		assertThat(paidIn(id)).isEqualByComparingTo("10");
	}

	@Test
	void a_cumulative_figure_of_a_progress_update_books_the_difference_and_one_below_the_rows_is_refused()
			throws Exception {
		long id = project("hualong");
		YearMonth earlier = thisMonth.minusMonths(3);
		put("hualong", id, earlier, funds(100, 0, 0, 0, null, null)).andExpect(status().isOk());
		as("hualong", post("/api/v1/projects/" + id + "/progress").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("date", today.toString(), "text", "设备进场", "paidInInvestment", 160))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.paidInInvestment").value(160.0));
		as("hualong", get("/api/v1/projects/" + id + "/funds")).andExpect(jsonPath("$.items.length()").value(2))
			.andExpect(jsonPath("$.items[1].month").value(thisMonth.toString()))
			.andExpect(jsonPath("$.items[1].fundsInPlace").value(60.0));
		as("hualong", post("/api/v1/projects/" + id + "/progress").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("date", today.toString(), "text", "数字写错", "paidInInvestment", 150))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("paidInInvestment"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("160.00")));
		assertThat(paidIn(id)).isEqualByComparingTo("160");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM project_progress WHERE project_id = ?").param(id)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void a_stage_move_to_commenced_books_its_paid_in_so_far_as_a_row() throws Exception {
		long id = project("hualong");
		long contract = upload("hualong", pdf("合同.pdf"), "CONTRACT");
		as("hualong", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("to", "SIGNED", "date", today.minusDays(40).toString(), "contractType",
					"FORMAL_CONTRACT", "contractedInvestment", 9000, "evidenceIds", List.of(contract)))))
			.andExpect(status().isCreated());
		YearMonth m = YearMonth.from(today.minusDays(35));
		put("hualong", id, m, funds(500, 0, 0, 0, null, null)).andExpect(status().isOk());
		long permit = upload("hualong", pdf("施工许可证.pdf"), "CONSTRUCTION_PERMIT");
		long photo = upload("hualong", pdf("现场照片.pdf"), "SITE_PHOTO");
		var commence = new LinkedHashMap<String, Object>(Map.of("to", "COMMENCED", "date", today.toString(),
				"paidInInvestment", 400, "evidenceIds", List.of(permit, photo)));
		as("hualong", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content(write(commence)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("paidInInvestment"));
		commence.put("paidInInvestment", 3000);
		as("hualong", post("/api/v1/projects/" + id + "/stage-moves").contentType(MediaType.APPLICATION_JSON)
			.content(write(commence)))
			.andExpect(status().isCreated());
		assertThat(paidIn(id)).isEqualByComparingTo("3000");
		assertThat(rows(id)).isEqualByComparingTo(paidIn(id));
		assertThat(jdbc.sql("SELECT funds_in_place FROM project_funds WHERE project_id = ? AND funds_month = ?")
			.params(id, thisMonth.atDay(1)).query(BigDecimal.class).single()).isEqualByComparingTo("2500");
	}

	@Test
	void a_grid_saves_every_line_or_none() throws Exception {
		long a = project("hualong");
		long b = project("hualong");
		YearMonth m = thisMonth.minusMonths(1);
		var user = cn.zhaoshang.support.Demo.signIn(accounts, "hualong");
		try {
			var good = new RecordFunds.Line(a, new RecordFunds.Input(new BigDecimal("10"), null, null, null, null, null));
			var bad = new RecordFunds.Line(b,
					new RecordFunds.Input(new BigDecimal("5"), new BigDecimal("6"), null, null, null, null));
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> recordFunds.executeAll(m, List.of(good, bad), user))
				.isInstanceOfSatisfying(cn.zhaoshang.platform.InvalidInputException.class,
						e -> assertThat(e.violations()).extracting(v -> v.field())
							.containsExactly("rows[1].outOfProvince"));
			assertThat(jdbc.sql("SELECT COUNT(*) FROM project_funds WHERE project_id IN (?, ?)").params(a, b)
				.query(Long.class).single()).isZero();
			// another unit's project in the grid refuses it too
			long other = project("city");
			jdbc.sql("UPDATE project SET unit_id = (SELECT id FROM unit WHERE code = 'qingfeng') WHERE id = ?")
				.param(other).update();
			var foreign = new RecordFunds.Line(other,
					new RecordFunds.Input(new BigDecimal("1"), null, null, null, null, null));
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> recordFunds.executeAll(m, List.of(good, foreign), user))
				.isInstanceOf(cn.zhaoshang.platform.InvalidInputException.class);
			assertThat(recordFunds.executeAll(m, List.of(good, new RecordFunds.Line(b,
					new RecordFunds.Input(new BigDecimal("5"), new BigDecimal("5"), null, null, "ok", null))), user))
				.isEqualTo(2);
			assertThat(paidIn(a)).isEqualByComparingTo("10");
			assertThat(paidIn(b)).isEqualByComparingTo("5");
			// a stale line (version 0 read, someone saved meanwhile) refuses the grid
			put("hualong", a, m, funds(11, 0, 0, 0, null, 0)).andExpect(status().isOk());
			var stale = new RecordFunds.Line(a, new RecordFunds.Input(new BigDecimal("12"), null, null, null, null, 0));
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> recordFunds.executeAll(m, List.of(stale), user))
				.isInstanceOfSatisfying(cn.zhaoshang.platform.InvalidInputException.class,
						e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("rows[0].version"));
			assertThat(paidIn(a)).isEqualByComparingTo("11");
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
	}

	@Test
	void the_month_form_and_the_grid_pages_save_and_show_errors_by_field() throws Exception {
		long id = project("hualong");
		YearMonth m = thisMonth.minusMonths(1);
		var hualong = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(accounts.loadUserByUsername("hualong"));
		var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
		var content = org.springframework.test.web.servlet.result.MockMvcResultMatchers.content();
		mvc.perform(get("/projects/" + id + "/funds/edit").param("month", m.toString()).with(hualong))
			.andExpect(status().isOk())
			.andExpect(content.string(containsString("登记实际到位资金")));
		mvc.perform(post("/projects/" + id + "/funds/edit").with(hualong).with(csrf).param("month", m.toString())
			.param("fundsInPlace", "12.345"))
			.andExpect(status().isOk())
			.andExpect(content.string(containsString("本月到位资金（万元）：最多 12 位整数、2 位小数")));
		mvc.perform(post("/projects/" + id + "/funds/edit").with(hualong).with(csrf).param("month", m.toString())
			.param("fundsInPlace", "12.5").param("outOfProvince", "2").param("note", "页面登记"))
			.andExpect(status().is3xxRedirection());
		assertThat(paidIn(id)).isEqualByComparingTo("12.5");
		mvc.perform(get("/projects/" + id).with(hualong)).andExpect(status().isOk())
			.andExpect(content.string(containsString("实际到位资金（按月）")))
			.andExpect(content.string(containsString("页面登记")));
		mvc.perform(get("/funds/grid").with(hualong)).andExpect(status().isOk())
			.andExpect(content.string(containsString("data-project=\"" + id + "\"")));
		// the grid of another unit is refused to a unit; the city bureau picks any
		long qingfeng = jdbc.sql("SELECT id FROM unit WHERE code = 'qingfeng'").query(Long.class).single();
		mvc.perform(get("/funds/grid").param("unit", String.valueOf(qingfeng)).with(hualong))
			.andExpect(status().isForbidden());
		mvc.perform(get("/funds/grid").param("unit", String.valueOf(qingfeng))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(accounts.loadUserByUsername("city"))))
			.andExpect(status().isOk())
			.andExpect(content.string(containsString("grid-unit")));
	}

	@Test
	void the_use_case_checks_the_month_against_the_clock() {
		assertThat(RecordFunds.month(" 2026-10 ")).isEqualTo(YearMonth.of(2026, 10));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> RecordFunds.month("2026/10"))
			.isInstanceOf(cn.zhaoshang.platform.FieldException.class);
		assertThat(FundsRows.Totals.of(List.of()).fundsInPlace()).isEqualByComparingTo("0");
	}

	// ---------------------------------------------------------------- helpers

	static Map<String, Object> funds(Number in, Number out, Number foreign, Number fixed, String note, Integer version) {
		var body = new LinkedHashMap<String, Object>();
		body.put("fundsInPlace", in);
		body.put("outOfProvince", out);
		body.put("foreignUsed", foreign);
		body.put("fixedAssets", fixed);
		body.put("note", note);
		if (version != null) {
			body.put("version", version);
		}
		return body;
	}

	ResultActions put(String user, long id, YearMonth month, Map<String, Object> body) throws Exception {
		return as(user, MockMvcBuilders_put(id, month.toString(), write(body)));
	}

	static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder MockMvcBuilders_put(long id,
			String month, String body) {
		return org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.put("/api/v1/projects/" + id + "/funds/" + month)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
	}

	long project(String user) throws Exception {
		var body = new LinkedHashMap<String, Object>();
		body.put("name", ProjectApiTests.marker() + "资金测试项目");
		body.put("investorName", ProjectApiTests.marker() + "资金测试有限公司");
		body.put("unitId", jdbc.sql("SELECT id FROM unit WHERE code = 'hualong'").query(Long.class).single());
		body.put("chainId", jdbc.sql("SELECT MIN(id) FROM industry_chain").query(Long.class).single());
		body.put("type", "NEW");
		body.put("plannedInvestment", 12000);
		var result = as(user, post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON).content(write(body)))
			.andExpect(status().isCreated())
			.andReturn();
		return ((Number) JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id"))
			.longValue();
	}

	long upload(String user, MockMultipartFile file, String evidenceKind) throws Exception {
		var result = as(user, multipart("/api/v1/attachments").file(file).param("evidenceKind", evidenceKind))
			.andExpect(status().isCreated())
			.andReturn();
		return ((Number) JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id"))
			.longValue();
	}

	static MockMultipartFile pdf(String name) {
		return ProjectApiTests.pdf(name);
	}

	BigDecimal paidIn(long id) {
		return jdbc.sql("SELECT paid_in_investment FROM project WHERE id = ?").param(id).query(BigDecimal.class)
			.single();
	}

	BigDecimal rows(long id) {
		return jdbc.sql("SELECT SUM(funds_in_place) FROM project_funds WHERE project_id = ?").param(id)
			.query(BigDecimal.class).single();
	}

	String write(Object value) {
		return json.writeValueAsString(value);
	}
}
