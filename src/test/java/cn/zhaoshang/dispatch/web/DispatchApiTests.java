package cn.zhaoshang.dispatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.dispatch.internal.DispatchReminders;
import cn.zhaoshang.support.ApiTestSupport;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The dispatch rounds through {@code /api/v1}: the bureau opens a round (default scope or chosen projects), units
 * draft and submit reports on their own projects only, completion per unit, returns, closing (idempotent, frozen
 * facts that later project edits do not change, reports refused afterwards), reopening and closing again, decisions
 * with overdue items carried to the next round, major matters, and the deadline reminders.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class DispatchApiTests extends ApiTestSupport {

	@Autowired
	DispatchReminders reminders;

	@Autowired
	Clock clock;

	/** A new active project of the unit at the stage (its own code and name, so no other test counts it). */
	long project(String unitCode, String stage) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment)
				VALUES (?, ?, (SELECT MIN(id) FROM merchant), '调度测试投资有限公司', ?, (SELECT MIN(id) FROM industry_chain),
				    'NEW', ?, 'ACTIVE', 1000)""")
			.params(Pages.unique("D"), Pages.unique("调度测试项目"), Demo.unit(jdbc, unitCode), stage)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	long open(String name, String from, String to, String deadline, List<Long> projects) throws Exception {
		var body = new LinkedHashMap<String, Object>();
		body.put("name", name);
		body.put("periodFrom", from);
		body.put("periodTo", to);
		body.put("deadline", deadline);
		if (projects != null) {
			body.put("projectIds", projects);
		}
		var result = as("city", post("/api/v1/dispatch-rounds").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)))
			.andExpect(status().isCreated())
			.andReturn();
		return ((Number) JsonPath.read(body(result), "$.id")).longValue();
	}

	ResultActions report(String user, long round, long project, Map<String, Object> body) throws Exception {
		return as(user, put("/api/v1/dispatch-rounds/" + round + "/reports/" + project)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)));
	}

	static Map<String, Object> submitted(String summary, Object... problems) {
		var body = new LinkedHashMap<String, Object>();
		body.put("summary", summary);
		body.put("nextSteps", "下月完成土地摘牌");
		body.put("problems", List.of(problems));
		body.put("submit", true);
		return body;
	}

	Map<String, Object> scope(long round, long project) {
		return jdbc.sql("SELECT * FROM dispatch_scope WHERE round_id = ? AND project_id = ?")
			.params(round, project)
			.query()
			.singleRow();
	}

	@Test
	void the_bureau_opens_a_round_over_every_active_negotiating_signed_and_commenced_project() throws Exception {
		long expected = jdbc.sql("SELECT COUNT(*) FROM project WHERE status = 'ACTIVE'"
				+ " AND stage IN ('NEGOTIATING', 'SIGNED', 'COMMENCED')").query(Long.class).single();
		long round = open("2026年第5次（9-10月）项目调度", "2026-09-01", "2026-10-31", "2026-11-05", null);

		as("city", get("/api/v1/dispatch-rounds/" + round)).andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(round))
			.andExpect(jsonPath("$.name").value("2026年第5次（9-10月）项目调度"))
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.periodFrom").value("2026-09-01"))
			.andExpect(jsonPath("$.periodTo").value("2026-10-31"))
			.andExpect(jsonPath("$.deadline").value("2026-11-05"))
			.andExpect(jsonPath("$.completion[0].unitId").isNumber())
			.andExpect(jsonPath("$.completion[0].unitName").isString())
			.andExpect(jsonPath("$.completion[0].expected").isNumber())
			.andExpect(jsonPath("$.completion[0].submitted").value(0));
		long inScope = jdbc.sql("SELECT COUNT(*) FROM dispatch_scope WHERE round_id = ?").param(round)
			.query(Long.class).single();
		assertThat(inScope).isGreaterThanOrEqualTo(expected).isPositive();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM dispatch_scope s JOIN project p ON p.id = s.project_id"
				+ " WHERE s.round_id = ? AND (p.stage = 'IN_PRODUCTION' OR p.status <> 'ACTIVE')").param(round)
			.query(Long.class).single()).as("no project in production, on hold or dropped").isZero();
		as("city", get("/api/v1/dispatch-rounds?q=9-10")).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].name").value(containsString("9-10")))
			.andExpect(jsonPath("$.total").isNumber());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'dispatchRound' AND record_id = ?"
				+ " AND action = 'CREATE'").param(String.valueOf(round)).query(Long.class).single()).isOne();
	}

	@Test
	void a_unit_may_not_open_or_close_a_round_and_bad_periods_name_their_field() throws Exception {
		as("hualong", post("/api/v1/dispatch-rounds").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\",\"periodFrom\":\"2026-09-01\",\"periodTo\":\"2026-10-31\",\"deadline\":\"2026-11-05\"}"))
			.andExpect(status().isForbidden());
		as("city", post("/api/v1/dispatch-rounds").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\",\"periodFrom\":\"2026-09-01\",\"periodTo\":\"2026-08-31\",\"deadline\":\"2026-11-05\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("periodTo"));
		long round = open("unit may not close", "2019-01-01", "2019-02-28", "2019-03-05", List.of());
		as("hualong", post("/api/v1/dispatch-rounds/" + round + "/close")).andExpect(status().isForbidden());
	}

	@Test
	void units_report_on_their_own_projects_and_completion_counts_them_per_unit() throws Exception {
		long a = project("hualong", "SIGNED");
		long b = project("hualong", "NEGOTIATING");
		long c = project("qingfeng", "COMMENCED");
		long round = open("completion round", "2019-05-01", "2019-06-30", "2019-07-05", List.of(a, b, c));

		var draft = new LinkedHashMap<String, Object>();
		draft.put("summary", "洽谈中");
		draft.put("submit", false);
		report("hualong", round, a, draft).andExpect(status().isOk())
			.andExpect(jsonPath("$.reportStatus").value("DRAFT"))
			.andExpect(jsonPath("$.stage").value("SIGNED"));
		report("hualong", round, a, submitted("已完成项目备案",
				Map.of("text", "用地指标不足", "ownerUnitId", Demo.unit(jdbc, "city"), "due", "2019-07-31"),
				Map.of("text", "电力增容", "ownerName", "市供电公司")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reportStatus").value("SUBMITTED"))
			.andExpect(jsonPath("$.problems.length()").value(2))
			.andExpect(jsonPath("$.problems[0].text").value("用地指标不足"))
			.andExpect(jsonPath("$.problems[1].ownerName").value("市供电公司"));
		report("qingfeng", round, c, submitted("主体施工")).andExpect(status().isOk());

		String json = body(as("city", get("/api/v1/dispatch-rounds/" + round)).andExpect(status().isOk()).andReturn());
		long hualong = Demo.unit(jdbc, "hualong");
		long qingfeng = Demo.unit(jdbc, "qingfeng");
		assertThat(JsonPath.<List<Integer>>read(json, "$.completion[?(@.unitId == " + hualong + ")].expected"))
			.containsExactly(2);
		assertThat(JsonPath.<List<Integer>>read(json, "$.completion[?(@.unitId == " + hualong + ")].submitted"))
			.containsExactly(1);
		assertThat(JsonPath.<List<Integer>>read(json, "$.completion[?(@.unitId == " + qingfeng + ")].submitted"))
			.containsExactly(1);
		assertThat(JsonPath.<Integer>read(json, "$.expected")).isEqualTo(3);
		assertThat(JsonPath.<Integer>read(json, "$.submitted")).isEqualTo(2);
		// a unit sees its own projects in the scope table, the bureau all of them
		String asUnit = body(as("hualong", get("/api/v1/dispatch-rounds/" + round)).andReturn());
		assertThat(JsonPath.<List<Integer>>read(asUnit, "$.projects[*].projectId")).hasSize(2)
			.doesNotContain((int) c);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'dispatchReport' AND action = 'SUBMIT'"
				+ " AND record_id = ?").param(String.valueOf(scope(round, a).get("id"))).query(Long.class).single())
			.isOne();
	}

	@Test
	void a_report_on_another_units_project_is_not_found_and_changes_nothing() throws Exception {
		long theirs = project("qingfeng", "SIGNED");
		long round = open("other unit round", "2019-07-01", "2019-08-31", "2019-09-05", List.of(theirs));

		report("hualong", round, theirs, submitted("不是本单位的项目")).andExpect(status().isNotFound());
		as("hualong", get("/api/v1/dispatch-rounds/" + round + "/reports/" + theirs)).andExpect(status().isNotFound());
		report("leader", round, theirs, submitted("领导只读")).andExpect(status().isForbidden());
		assertThat(scope(round, theirs).get("report_status")).isEqualTo("MISSING");
		as("leader", get("/api/v1/dispatch-rounds/" + round + "/reports/" + theirs)).andExpect(status().isOk())
			.andExpect(jsonPath("$.editable").value(false));
	}

	@Test
	void a_stale_version_is_a_conflict_and_submitting_needs_a_summary() throws Exception {
		long mine = project("hualong", "SIGNED");
		long round = open("version round", "2019-09-01", "2019-10-31", "2019-11-05", List.of(mine));
		var first = new LinkedHashMap<String, Object>();
		first.put("summary", "第一稿");
		first.put("submit", false);
		first.put("version", 0);
		report("hualong", round, mine, first).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
		report("hualong.staff", round, mine, first).andExpect(status().isConflict());
		assertThat(scope(round, mine).get("summary")).isEqualTo("第一稿");

		var empty = new LinkedHashMap<String, Object>();
		empty.put("summary", " ");
		empty.put("problems", List.of(Map.of("text", "")));
		empty.put("submit", true);
		report("hualong", round, mine, empty).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("summary"))
			.andExpect(jsonPath("$.errors[1].field").value("problems[0].text"))
			.andExpect(jsonPath("$.errors[1].message").value(containsString("第 1 个问题")));
		assertThat(scope(round, mine).get("report_status")).isEqualTo("DRAFT");
	}

	@Test
	void the_bureau_returns_a_report_with_a_comment_and_the_unit_is_told() throws Exception {
		long mine = project("hualong", "SIGNED");
		long round = open("return round", "2019-11-01", "2019-12-31", "2020-01-05", List.of(mine));
		report("hualong", round, mine, submitted("进展一般")).andExpect(status().isOk());

		as("city", post("/api/v1/dispatch-rounds/" + round + "/reports/" + mine + "/return")
			.contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"请补充资金到位情况\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reportStatus").value("RETURNED"))
			.andExpect(jsonPath("$.returnComment").value("请补充资金到位情况"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = ? AND link = ?")
			.params(Demo.user(jdbc, "hualong"), "/dispatch/rounds/" + round + "/reports/" + mine)
			.query(Long.class).single()).isOne();
		as("hualong", post("/api/v1/dispatch-rounds/" + round + "/reports/" + mine + "/return")
			.contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"x\"}")).andExpect(status().isForbidden());
		// submitted again, the comment is cleared
		report("hualong", round, mine, submitted("已补充：本期到位资金 300 万元")).andExpect(status().isOk())
			.andExpect(jsonPath("$.reportStatus").value("SUBMITTED"))
			.andExpect(jsonPath("$.returnComment").doesNotExist());
	}

	@Test
	void closing_freezes_the_period_facts_once_and_later_edits_change_neither_them_nor_the_reports() throws Exception {
		long p = project("hualong", "SIGNED");
		long quiet = project("hualong", "NEGOTIATING");
		jdbc.sql("INSERT INTO project_funds (project_id, funds_month, funds_in_place) VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?)")
			.params(p, LocalDate.of(2020, 3, 1), new BigDecimal("120.50"), p, LocalDate.of(2020, 4, 1),
					new BigDecimal("30.00"), p, LocalDate.of(2020, 5, 1), new BigDecimal("999.00"))
			.update();
		jdbc.sql("""
				INSERT INTO project_stage_move (project_id, from_stage, to_stage, from_status, to_status, move_date,
				  state, submitted_at) VALUES (?, 'NEGOTIATING', 'SIGNED', 'ACTIVE', 'ACTIVE', ?, 'APPLIED',
				  CURRENT_TIMESTAMP)""").params(p, LocalDate.of(2020, 4, 30)).update();
		jdbc.sql("UPDATE project SET registered_date = ? WHERE id = ?").params(LocalDate.of(2020, 3, 1), p).update();
		long round = open("close round", "2020-03-01", "2020-04-30", "2020-05-05", List.of(p, quiet));
		report("hualong", round, p, submitted("已签约")).andExpect(status().isOk());

		as("city", post("/api/v1/dispatch-rounds/" + round + "/close")).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"));
		var frozen = scope(round, p);
		assertThat(frozen.get("closed_snapshot")).isEqualTo(true);
		assertThat(frozen.get("stage_at_close")).isEqualTo("SIGNED");
		assertThat((BigDecimal) frozen.get("funds_in_period")).isEqualByComparingTo("150.50");
		assertThat(((Number) frozen.get("stage_moves_in_period")).intValue()).isOne();
		assertThat(frozen.get("milestone_in_period")).isEqualTo(true);
		var none = scope(round, quiet);
		assertThat((BigDecimal) none.get("funds_in_period")).isEqualByComparingTo("0");
		assertThat(((Number) none.get("stage_moves_in_period")).intValue()).isZero();
		assertThat(none.get("milestone_in_period")).isEqualTo(false);
		Object closedAt = jdbc.sql("SELECT closed_at FROM dispatch_round WHERE id = ?").param(round).query()
			.singleValue();

		// idempotent: closing again changes nothing and writes no second audit row
		as("city", post("/api/v1/dispatch-rounds/" + round + "/close")).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"));
		assertThat(jdbc.sql("SELECT closed_at FROM dispatch_round WHERE id = ?").param(round).query().singleValue())
			.isEqualTo(closedAt);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'dispatchRound' AND record_id = ?"
				+ " AND action = 'CLOSE'").param(String.valueOf(round)).query(Long.class).single()).isOne();

		// a report after closing: 409 with a clear message, nothing changed
		report("hualong", round, p, submitted("关闭后再改")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("close round")));
		assertThat(scope(round, p).get("summary")).isEqualTo("已签约");

		// later edits to the project do not change the frozen facts
		jdbc.sql("UPDATE project_funds SET funds_in_place = 530 WHERE project_id = ? AND funds_month = ?")
			.params(p, LocalDate.of(2020, 4, 1))
			.update();
		jdbc.sql("UPDATE project SET stage = 'COMMENCED' WHERE id = ?").param(p).update();
		as("city", get("/api/v1/dispatch-rounds/" + round)).andExpect(status().isOk())
			.andExpect(jsonPath("$.projects[?(@.projectId == " + p + ")].fundsInPeriod").value(150.5))
			.andExpect(jsonPath("$.projects[?(@.projectId == " + p + ")].stageAtClose").value("SIGNED"));
		assertThat((BigDecimal) scope(round, p).get("funds_in_period")).isEqualByComparingTo("150.50");

		// reopening needs a reason, clears the freeze; closing again freezes anew
		as("city", post("/api/v1/dispatch-rounds/" + round + "/reopen").contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		as("city", post("/api/v1/dispatch-rounds/" + round + "/reopen").contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"华龙区补报资金\"}")).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.reopenReason").value("华龙区补报资金"));
		assertThat(scope(round, p).get("closed_snapshot")).isEqualTo(false);
		assertThat(scope(round, p).get("funds_in_period")).isNull();
		as("city", post("/api/v1/dispatch-rounds/" + round + "/close")).andExpect(status().isOk());
		assertThat((BigDecimal) scope(round, p).get("funds_in_period")).isEqualByComparingTo("650.50");
		assertThat(scope(round, p).get("stage_at_close")).isEqualTo("COMMENCED");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'dispatchRound' AND record_id = ?"
				+ " AND action IN ('CLOSE', 'REOPEN')").param(String.valueOf(round)).query(Long.class).single())
			.isEqualTo(3);
	}

	@Test
	void overdue_open_decisions_are_carried_to_the_next_round_and_major_matters_have_their_list() throws Exception {
		long p = project("hualong", "COMMENCED");
		long first = open("first round", "2017-01-01", "2017-02-28", "2017-03-05", List.of(p));
		report("hualong", first, p, submitted("施工中", Map.of("text", "施工许可证办理慢", "due", "2017-03-31"),
				Map.of("text", "需市政府协调融资", "ownerName", "市金融局"))).andExpect(status().isOk());
		String problems = body(as("city", get("/api/v1/dispatch-rounds/" + first + "/problems")).andReturn());
		int slow = JsonPath.<List<Integer>>read(problems, "$.items[?(@.text == '施工许可证办理慢')].id").get(0);
		int money = JsonPath.<List<Integer>>read(problems, "$.items[?(@.text == '需市政府协调融资')].id").get(0);
		as("city", put("/api/v1/dispatch-problems/" + slow).contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"市住建局一周内办结\",\"ownerName\":\"市住建局\",\"due\":\"2017-03-20\",\"status\":\"OPEN\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.decision").value("市住建局一周内办结"))
			.andExpect(jsonPath("$.overdue").value(true));
		as("city", put("/api/v1/dispatch-problems/" + money).contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"提交市政府常务会议\",\"major\":true,\"forum\":\"EXECUTIVE_MEETING\","
					+ "\"outcome\":\"同意设立专项基金\",\"status\":\"DONE\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DONE"))
			.andExpect(jsonPath("$.overdue").value(false));
		as("city", put("/api/v1/dispatch-problems/" + money).contentType(MediaType.APPLICATION_JSON)
			.content("{\"major\":true,\"version\":0}")).andExpect(status().isConflict());
		as("hualong", put("/api/v1/dispatch-problems/" + money).contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isForbidden());
		as("city", post("/api/v1/dispatch-rounds/" + first + "/close")).andExpect(status().isOk());

		long next = open("next round", "2017-03-01", "2017-04-30", "2017-05-05", List.of(p));
		String carried = body(as("city", get("/api/v1/dispatch-rounds/" + next + "/problems")).andReturn());
		assertThat(JsonPath.<List<Integer>>read(carried, "$.items[?(@.carried == true)].id")).contains(slow)
			.doesNotContain(money);
		as("leader", get("/api/v1/dispatch-major-matters?forum=EXECUTIVE_MEETING")).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.id == " + money + ")].majorOutcome").value("同意设立专项基金"));
	}

	@Test
	void units_are_reminded_before_the_deadline_and_on_it_once_each() throws Exception {
		long mine = project("qingfeng", "SIGNED");
		LocalDate today = LocalDate.now(clock);
		long round = open("reminder round", today.minusMonths(2).toString(), today.toString(),
				today.plusDays(3).toString(), List.of(mine));
		long qingfeng = Demo.user(jdbc, "qingfeng");
		String link = "/dispatch/rounds/" + round;

		reminders.remind();
		reminders.remind();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = ? AND link = ?")
			.params(qingfeng, link).query(Long.class).single()).as("once, ahead of the deadline").isOne();

		jdbc.sql("UPDATE dispatch_round SET deadline = ? WHERE id = ?").params(today, round).update();
		reminders.remind();
		reminders.remind();
		assertThat(jdbc.sql("SELECT title FROM notification WHERE recipient_id = ? AND link = ? ORDER BY id")
			.params(qingfeng, link).query(String.class).list()).hasSize(2)
			.last().asString().contains("reminder round");
	}
}
