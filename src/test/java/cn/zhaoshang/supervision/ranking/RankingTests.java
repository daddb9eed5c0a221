package cn.zhaoshang.supervision.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.project.internal.CountedMoves;
import cn.zhaoshang.project.internal.FundsSums;
import cn.zhaoshang.supervision.RankingHistory;
import cn.zhaoshang.supervision.ReportingPeriod;
import cn.zhaoshang.support.MockMvcTestSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;

/**
 * Quarterly rankings against a hand computation (issue 11, ADR 0015), on H2 and PostgreSQL. A fixed ledger in
 * 2003 (no other test writes that year), ranked for 2003-Q3 with this formula: completion of projects signed
 * (weight 20, cap 120 %), completion of funds in place (30, cap 120 %), key projects commenced (2 a project, cap 5),
 * funds growth over 2002-Q3 (10, cap 100 %), dispatch reports (10, cap 100 %), stalled projects (-3 a project).
 * <ul>
 * <li>华龙区 (targets: 4 signed, 1,000 funds): P1 key, signed in February, commenced 2003-08-05, funds 600 in
 * August (800 in August 2002); P2 signed 2003-07-15, funds 300 in September; P3 key, shared 50/50 with 濮阳县,
 * signed in March, commenced 2003-09-10, funds 200 in July. Signed 2.5 / 4 = 62.5 % -> 12.50; funds 1,000 / 1,000
 * = 100.0 % -> 30.00; key commenced 1.5 -> 3.00; growth (1,000 - 800) / 800 = 25.0 % -> 2.50; reports 1 of 2 =
 * 50.0 % -> 5.00; P2 stalled -> -3.00. Score 50.00.</li>
 * <li>濮阳县 (targets: 2 signed, 500 funds): P3's half; P4 signed 2003-08-20, funds 500 in August, report
 * submitted. Signed 1.5 / 2 = 75.0 % -> 15.00; funds 600 / 500 = 120.0 % -> 36.00; key 0.5 -> 1.00; growth: no
 * funds in 2002-Q3, not applicable -> 0.00; reports 100 % -> 10.00. Score 62.00.</li>
 * <li>清丰县 (no targets): P6 signed 2003-09-01, funds 50 in September 2003 and 100 in September 2002. Completion
 * without targets 0.00; growth -50.0 % scores 0.00; no reports due: 100 % -> 10.00. Score 10.00, as every other
 * county and zone (nothing in 2003): they share place 3.</li>
 * </ul>
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RankingTests extends MockMvcTestSupport {

	static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	@Autowired
	Rankings rankings;

	@Autowired
	Formulas formulas;

	@Autowired
	RankingDrillDown drillDown;

	@Autowired
	RankingHistory history;

	@Autowired
	cn.zhaoshang.supervision.Publications publications;

	@Autowired
	CountedMoves counted;

	@Autowired
	FundsSums fundsSums;

	long hualong;
	long puyang;
	long qingfeng;
	long merchant;
	long chain;
	long p6;
	long published;

	static final ReportingPeriod Q3 = ReportingPeriod.parse("2003-Q3");

	@BeforeAll
	void ledger() {
		hualong = unit("hualong");
		puyang = unit("puyang");
		qingfeng = unit("qingfeng");
		chain = jdbc.sql("SELECT id FROM industry_chain WHERE code = 'chemical'").query(Long.class).single();
		jdbc.sql("INSERT INTO merchant (name, normalized_name) VALUES ('排名测试投资有限公司', '排名测试投资有限公司')").update();
		merchant = jdbc.sql("SELECT id FROM merchant WHERE name = '排名测试投资有限公司'").query(Long.class).single();
		target(hualong, 4, "1000");
		target(puyang, 2, "500");

		long p1 = project("P1", hualong, "COMMENCED", true);
		move(p1, "NEGOTIATING", "SIGNED", "2003-02-10", "100.00");
		move(p1, "SIGNED", "COMMENCED", "2003-08-05", null);
		funds(p1, "2003-08-01", "600.00");
		funds(p1, "2002-08-01", "800.00");
		long p2 = project("P2", hualong, "SIGNED", false);
		move(p2, "NEGOTIATING", "SIGNED", "2003-07-15", "50.00");
		funds(p2, "2003-09-01", "300.00");
		long p3 = project("P3", hualong, "COMMENCED", true);
		jdbc.sql("DELETE FROM project_credit_share WHERE project_id = :p").param("p", p3).update();
		share(p3, hualong, 5000, false);
		share(p3, puyang, 5000, false);
		move(p3, "NEGOTIATING", "SIGNED", "2003-03-01", "40.00");
		move(p3, "SIGNED", "COMMENCED", "2003-09-10", null);
		funds(p3, "2003-07-01", "200.00");
		long p4 = project("P4", puyang, "SIGNED", false);
		move(p4, "NEGOTIATING", "SIGNED", "2003-08-20", "80.00");
		funds(p4, "2003-08-01", "500.00");
		p6 = project("P6", qingfeng, "SIGNED", true);
		move(p6, "NEGOTIATING", "SIGNED", "2003-09-01", "10.00");
		funds(p6, "2003-09-01", "50.00");
		funds(p6, "2002-09-01", "100.00");

		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO dispatch_round (name, period_from, period_to, deadline, status, closed_at)
				VALUES ('2003年第4轮调度', DATE '2003-07-01', DATE '2003-08-31', DATE '2003-09-05', 'CLOSED',
				        TIMESTAMP WITH TIME ZONE '2003-09-06 10:00:00+08:00')""")
			.update(keys, "id");
		long round = keys.getKey().longValue();
		scope(round, p1, hualong, "SUBMITTED");
		scope(round, p2, hualong, "MISSING");
		scope(round, p4, puyang, "SUBMITTED");
		jdbc.sql("""
				INSERT INTO dispatch_stalled (round_id, project_id, rounds_without_progress, counting_rounds, stalled)
				VALUES (:r, :p, 2, '1', TRUE)""").param("r", round).param("p", p2).update();
	}

	private static Formula.Criterion c(RankingCriterion criterion, String weight, String cap) {
		return new Formula.Criterion(criterion, new BigDecimal(weight), cap == null ? null : new BigDecimal(cap));
	}

	static final List<Formula.Criterion> FORMULA = List.of(c(RankingCriterion.COMPLETION_SIGNED_COUNT, "20", "120"),
			c(RankingCriterion.COMPLETION_FUNDS_IN_PLACE, "30", "120"),
			c(RankingCriterion.KEY_PROJECTS_COMMENCED, "2", "5"), c(RankingCriterion.FUNDS_GROWTH, "10", "100"),
			c(RankingCriterion.DISPATCH_REPORTS, "10", "100"), c(RankingCriterion.STALLED_PROJECTS, "3", null));

	// ================================================================================ the hand computation

	@Test
	@Order(1)
	void a_draft_scores_every_unit_line_by_line_as_computed_by_hand() {
		Formula f = formulas.save(FORMULA, "test formula", formulas.current().version(), "city");
		long id = rankings.compute(Q3, "city");
		var r = rankings.find(id);
		assertThat(r.summary().status()).isEqualTo(Rankings.Status.DRAFT);
		assertThat(r.summary().formulaVersion()).isEqualTo(f.version());
		assertThat(r.summary().asOf()).isEqualTo(LocalDate.of(2003, 9, 30));

		var py = r.row(puyang).orElseThrow();
		assertThat(py.rank()).isEqualTo(1);
		assertThat(py.score()).isEqualByComparingTo("62.00");
		assertThat(points(py)).containsExactly("75.0:15.00", "120.0:36.00", "0.5:1.00", "null:0.00", "100.0:10.00",
				"0.0:0.00");

		var hl = r.row(hualong).orElseThrow();
		assertThat(hl.rank()).isEqualTo(2);
		assertThat(hl.score()).isEqualByComparingTo("50.00");
		assertThat(points(hl)).containsExactly("62.5:12.50", "100.0:30.00", "1.5:3.00", "25.0:2.50", "50.0:5.00",
				"1.0:-3.00");
		assertThat(hl.parts().get(0).achieved()).isEqualByComparingTo("2.5");
		assertThat(hl.parts().get(0).basis()).isEqualByComparingTo("4");
		assertThat(hl.parts().get(3).achieved()).isEqualByComparingTo("1000.00");
		assertThat(hl.parts().get(3).basis()).isEqualByComparingTo("800.00");
		assertThat(hl.parts().get(4).achieved()).isEqualByComparingTo("1");
		assertThat(hl.parts().get(4).basis()).isEqualByComparingTo("2");

		var qf = r.row(qingfeng).orElseThrow();
		assertThat(qf.rank()).isEqualTo(3);
		assertThat(qf.score()).isEqualByComparingTo("10.00");
		assertThat(points(qf)).containsExactly("null:0.00", "null:0.00", "0.0:0.00", "-50.0:0.00", "100.0:10.00",
				"0.0:0.00");
		// every other county and zone shares place 3; every score is the sum of its parts
		assertThat(r.rows()).allSatisfy(row -> assertThat(Rankings.sum(row)).isEqualByComparingTo(row.score()));
		assertThat(r.rows().stream().skip(2)).allSatisfy(row -> assertThat(row.rank()).isEqualTo(3));
	}

	@Test
	@Order(2)
	void each_value_drills_down_to_the_projects_whose_parts_add_up_to_it() {
		var signed = drillDown.of(Q3, hualong, RankingCriterion.COMPLETION_SIGNED_COUNT);
		assertThat(signed.lines()).extracting(RankingDrillDown.Line::code)
			.containsExactly("RNK-2003-P1", "RNK-2003-P2", "RNK-2003-P3");
		assertThat(signed.lines().get(2).sharePercent()).isEqualByComparingTo("50");
		assertThat(signed.total()).isEqualByComparingTo("2.5");
		var funds = drillDown.of(Q3, hualong, RankingCriterion.COMPLETION_FUNDS_IN_PLACE);
		assertThat(funds.total()).isEqualByComparingTo("1000.00");
		var growth = drillDown.of(Q3, hualong, RankingCriterion.FUNDS_GROWTH);
		assertThat(growth.total()).isEqualByComparingTo("1000.00");
		assertThat(growth.lastYearTotal()).isEqualByComparingTo("800.00");
		var key = drillDown.of(Q3, hualong, RankingCriterion.KEY_PROJECTS_COMMENCED);
		assertThat(key.lines()).extracting(RankingDrillDown.Line::code).containsExactly("RNK-2003-P1", "RNK-2003-P3");
		assertThat(key.total()).isEqualByComparingTo("1.5");
		var reports = drillDown.of(Q3, hualong, RankingCriterion.DISPATCH_REPORTS);
		assertThat(reports.lines()).extracting(RankingDrillDown.Line::code).containsExactly("RNK-2003-P1", "RNK-2003-P2");
		assertThat(reports.total()).isEqualByComparingTo("1");
		var stalled = drillDown.of(Q3, hualong, RankingCriterion.STALLED_PROJECTS);
		assertThat(stalled.lines()).extracting(RankingDrillDown.Line::code).containsExactly("RNK-2003-P2");
	}

	// ===================================================================================== the API contract

	@Test
	@Order(3)
	void the_api_computes_a_draft_with_201_and_answers_the_contract_fields() throws Exception {
		var created = mvc.perform(post("/api/v1/rankings").header("Authorization", "Bearer " + token("city"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"quarter\":\"2003-Q3\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().exists("Location"))
			.andExpect(jsonPath("$.quarter").value("2003-Q3"))
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andReturn();
		long id = ((Number) JsonPath.read(created.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id"))
			.longValue();
		mvc.perform(get("/api/v1/rankings/" + id).header("Authorization", "Bearer " + token("city")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.formulaVersion").isNumber())
			.andExpect(jsonPath("$.rows[0].unitId").value(puyang))
			.andExpect(jsonPath("$.rows[0].rank").value(1))
			.andExpect(jsonPath("$.rows[0].score").value(62.00))
			.andExpect(jsonPath("$.rows[0].parts[0].criterion").value("COMPLETION_SIGNED_COUNT"))
			.andExpect(jsonPath("$.rows[0].parts[0].value").value(75.0))
			.andExpect(jsonPath("$.rows[0].parts[0].weight").value(20))
			.andExpect(jsonPath("$.rows[0].parts[0].points").value(15.00))
			.andExpect(jsonPath("$.corrections").isArray())
			.andExpect(jsonPath("$.corrections").isEmpty());
		mvc.perform(get("/api/v1/rankings/" + id + "/drill-down?unitId=" + hualong + "&criterion=FUNDS_GROWTH")
			.header("Authorization", "Bearer " + token("city")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.frozenValue").value(25.0))
			.andExpect(jsonPath("$.total").value(1000.00))
			.andExpect(jsonPath("$.lastYearTotal").value(800.00));
		mvc.perform(post("/api/v1/rankings").header("Authorization", "Bearer " + token("city"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"quarter\":\"2003-13\"}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("quarter"));
	}

	@Test
	@Order(4)
	void unit_users_read_published_rankings_only_and_only_the_city_bureau_computes_and_publishes() throws Exception {
		long draft = rankings.compute(Q3, "city");
		mvc.perform(post("/api/v1/rankings").header("Authorization", "Bearer " + token("hualong"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"quarter\":\"2003-Q3\"}")).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/rankings/" + draft).header("Authorization", "Bearer " + token("hualong")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/rankings/" + draft + "/publish").header("Authorization", "Bearer " + token("hualong")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/rankings/" + draft).header("Authorization", "Bearer " + token("viewer")))
			.andExpect(status().isForbidden());
		int version = rankings.find(draft).summary().version();
		mvc.perform(post("/api/v1/rankings/" + draft + "/publish").header("Authorization", "Bearer " + token("city"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":" + (version + 5) + "}")).andExpect(status().isConflict());
		mvc.perform(post("/api/v1/rankings/" + draft + "/publish").header("Authorization", "Bearer " + token("city")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PUBLISHED"));
		mvc.perform(get("/api/v1/rankings/" + draft).header("Authorization", "Bearer " + token("hualong")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows[1].unitId").value(hualong))
			.andExpect(jsonPath("$.rows[1].score").value(50.00));
		mvc.perform(post("/api/v1/rankings/" + draft + "/publish").header("Authorization", "Bearer " + token("city")))
			.andExpect(status().isConflict());
		published = draft;
	}

	// ======================================================================================== freezing

	@Test
	@Order(5)
	void a_published_ranking_never_changes_while_a_new_draft_follows_the_data() {
		var before = rankings.find(published);
		// 清丰县 gets 1,000 in July 2003: growth (1,050 - 100) / 100 = 950 %, capped at 100 % -> 10.00 more
		funds(p6, "2003-07-01", "1000.00");
		long draft = rankings.compute(Q3, "city");
		assertThat(draft).isNotEqualTo(published);
		var after = rankings.find(published);
		assertThat(after).isEqualTo(before);
		assertThat(after.row(qingfeng).orElseThrow().score()).isEqualByComparingTo("10.00");
		var fresh = rankings.find(draft);
		assertThat(fresh.row(qingfeng).orElseThrow().score()).isEqualByComparingTo("20.00");
		assertThat(fresh.row(qingfeng).orElseThrow().parts().get(3).value()).isEqualByComparingTo("950.0");
		// recomputing keeps the same draft
		assertThat(rankings.compute(Q3, "city")).isEqualTo(draft);
		// the year-end summary reads the published one
		var year = history.ofYear(2003);
		assertThat(year).hasSize(1);
		assertThat(year.get(0).rankingId()).isEqualTo(published);
		assertThat(year.get(0).places().get(0).unitName()).isEqualTo("濮阳县");
		assertThat(year.get(0).places().get(0).score()).isEqualByComparingTo("62.00");
		// the edit behind a published figure is listed as a correction of the published ranking (ADR 0014)
		assertThat(rankings.corrections(published)).isEmpty();
		publications.check(new cn.zhaoshang.supervision.Publications.ProjectChange(p6, "FUNDS", "p6 2003-07", "city"));
		var corrections = rankings.corrections(published);
		assertThat(corrections).anySatisfy(c -> {
			assertThat(c.unitId().value()).isEqualTo(qingfeng);
			assertThat(c.indicator()).isEqualTo("fundsInPlace");
			assertThat(c.scope()).isEqualTo(cn.zhaoshang.supervision.Publications.Scope.PERIOD);
			assertThat(c.now().subtract(c.then())).isEqualByComparingTo("1000.00");
		});
		assertThat(rankings.find(published)).isEqualTo(before);
	}

	// ================================================================================ formula versions

	@Test
	@Order(6)
	void an_edit_writes_the_next_formula_version_and_keeps_the_old_one_readable() throws Exception {
		int current = formulas.current().version();
		var saved = mvc.perform(post("/api/v1/ranking-formulas").header("Authorization", "Bearer " + token("city"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"basedOn\":" + current + ",\"note\":\"more weight on funds\",\"criteria\":["
					+ "{\"criterion\":\"COMPLETION_FUNDS_IN_PLACE\",\"weight\":50,\"cap\":110},"
					+ "{\"criterion\":\"STALLED_PROJECTS\",\"weight\":1}]}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value(current + 1))
			.andReturn();
		assertThat(saved.getResponse().getHeader("Location")).endsWith("/api/v1/ranking-formulas/" + (current + 1));
		assertThat(formulas.current().criteria()).hasSize(2);
		assertThat(formulas.of(current).criteria()).isEqualTo(FORMULA.stream()
			.map(x -> new Formula.Criterion(x.criterion(), x.weight().setScale(2), x.cap() == null ? null : x.cap().setScale(1)))
			.toList());
		mvc.perform(get("/api/v1/ranking-formulas/" + current).header("Authorization", "Bearer " + token("hualong")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.criteria.length()").value(6));
		// a stale base, a bad weight, a unit user
		mvc.perform(post("/api/v1/ranking-formulas").header("Authorization", "Bearer " + token("city"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"basedOn\":" + current + ",\"criteria\":[{\"criterion\":\"FUNDS_GROWTH\",\"weight\":5}]}"))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/v1/ranking-formulas").header("Authorization", "Bearer " + token("city"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"basedOn\":" + (current + 1) + ",\"criteria\":[{\"criterion\":\"FUNDS_GROWTH\",\"weight\":0}]}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("权重")));
		mvc.perform(post("/api/v1/ranking-formulas").header("Authorization", "Bearer " + token("hualong"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"basedOn\":" + (current + 1) + ",\"criteria\":[]}"))
			.andExpect(status().isForbidden());
		assertThat(formulas.current().version()).isEqualTo(current + 1);
		// the published ranking still names and reads its own version
		assertThat(formulas.of(rankings.find(published).summary().formulaVersion()).criteria()).hasSize(6);
	}

	// ========================================================================================= helpers

	private static List<String> points(Scoring.Row row) {
		return row.parts().stream()
			.map(p -> (p.value() == null ? "null" : p.value().toPlainString()) + ":" + p.points().toPlainString())
			.toList();
	}

	private long unit(String code) {
		return jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", code).query(Long.class).single();
	}

	private void target(long unit, int signed, String funds) {
		jdbc.sql("INSERT INTO unit_target (target_year, unit_id, signed_count, funds_in_place) VALUES (2003, :u, :s, :f)")
			.param("u", unit)
			.param("s", signed)
			.param("f", new BigDecimal(funds))
			.update();
	}

	private long project(String letter, long unit, String stage, boolean key) {
		String code = "RNK-2003-" + letter;
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment, key_project)
				VALUES (:code, :name, :m, '排名测试投资有限公司', :u, :chain, 'NEW', :stage, 'ACTIVE', 1000, :key)""")
			.param("code", code)
			.param("name", "排名测试项目" + letter)
			.param("m", merchant)
			.param("u", unit)
			.param("chain", chain)
			.param("stage", stage)
			.param("key", key)
			.update();
		long id = jdbc.sql("SELECT id FROM project WHERE code = :c").param("c", code).query(Long.class).single();
		share(id, unit, 10000, true);
		return id;
	}

	private void share(long project, long unit, int bp, boolean isDefault) {
		jdbc.sql("""
				INSERT INTO project_credit_share (project_id, unit_id, share_bp, default_share, reason)
				VALUES (:p, :u, :bp, :d, :r)""")
			.param("p", project)
			.param("u", unit)
			.param("bp", bp)
			.param("d", isDefault)
			.param("r", isDefault ? null : "test")
			.update();
	}

	private void move(long project, String from, String to, String date, String amount) {
		jdbc.sql("""
				INSERT INTO project_stage_move (project_id, from_stage, to_stage, from_status, to_status, move_date,
				    amount, state, submitted_by, submitted_at)
				VALUES (:p, :from, :to, 'ACTIVE', 'ACTIVE', :d, :amount, 'APPLIED', 'test', :at)""")
			.param("p", project)
			.param("from", from)
			.param("to", to)
			.param("d", LocalDate.parse(date))
			.param("amount", amount == null ? null : new BigDecimal(amount))
			.param("at", OffsetDateTime.parse(date + "T10:00+08:00"))
			.update();
		counted.refresh(List.of(project));
	}

	private void funds(long project, String month, String inPlace) {
		var fundsBefore = fundsSums.snapshot(List.of(project));
		jdbc.sql("""
				INSERT INTO project_funds (project_id, funds_month, funds_in_place, out_of_province, foreign_used)
				VALUES (:p, :m, :f, 0, 0)""")
			.param("p", project)
			.param("m", LocalDate.parse(month))
			.param("f", new BigDecimal(inPlace))
			.update();
		fundsSums.update(fundsBefore);
	}

	private void scope(long round, long project, long unit, String status) {
		jdbc.sql("""
				INSERT INTO dispatch_scope (round_id, project_id, unit_id, report_status, closed_snapshot)
				VALUES (:r, :p, :u, :s, TRUE)""")
			.param("r", round)
			.param("p", project)
			.param("u", unit)
			.param("s", status)
			.update();
	}

	private String token(String user) throws Exception {
		String cached = TOKENS.get(user);
		if (cached != null) {
			return cached;
		}
		var result = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + user + "\",\"password\":\"Demo@2026\"}"))
			.andExpect(status().isOk())
			.andReturn();
		String token = JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.token");
		TOKENS.put(user, token);
		return token;
	}
}
