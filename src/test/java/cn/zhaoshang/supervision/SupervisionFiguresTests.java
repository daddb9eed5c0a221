package cn.zhaoshang.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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

import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.project.internal.CountedMoves;
import cn.zhaoshang.project.internal.FundsSums;
import cn.zhaoshang.supervision.SupervisionFigures.Figures;
import cn.zhaoshang.supervision.SupervisionFigures.Result;
import cn.zhaoshang.support.LedgerRows;
import cn.zhaoshang.support.MockMvcTestSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;

/**
 * The figures read model against a hand count (issue 11, ADR 0012), on H2 and PostgreSQL. A fixed small ledger in
 * 2031 (no other test writes that year), written as rows the way the ledger stores them:
 * <ul>
 * <li>A (华龙区): signed 2031-10-05 for 1,000.00, commenced 2031-10-20; funds in October 300.00 (100.00 from outside
 * the province, 10.00 foreign) and 999.00 in November, which October must not count.</li>
 * <li>B (濮阳县): signed 2031-03-10 for 500.00, commenced 2031-08-15, moved back to 签约 on 2031-10-12.</li>
 * <li>C (清丰县): signed 2031-09-20 for 800.00, dropped on 2031-10-08; funds in September 50.00.</li>
 * <li>D (华龙区 60 %, 濮阳县 40 %): signed 2031-10-10 for 100.01 (the fen goes to the larger remainder: 60.01 and
 * 40.00); funds in October 0.05 (0.03 and 0.02), from outside the province 0.03 (0.02 and 0.01).</li>
 * <li>E (华龙区): signing dated 2031-10-28, approved on 2031-11-03: counts in November, not October.</li>
 * <li>F (华龙区): a signing returned by the review: never counts.</li>
 * <li>G (濮阳县): signed 2030-12-20 (last year), commenced 2031-10-03.</li>
 * </ul>
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisionFiguresTests extends MockMvcTestSupport {

	static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	@Autowired
	SupervisionFigures figures;

	@Autowired
	CountedMoves counted;

	@Autowired
	FundsSums fundsSums;

	long hualong;
	long puyang;
	long qingfeng;
	long merchant;
	long chain;

	@BeforeAll
	void ledger() {
		hualong = unit("hualong");
		puyang = unit("puyang");
		qingfeng = unit("qingfeng");
		chain = jdbc.sql("SELECT id FROM industry_chain WHERE code = 'chemical'").query(Long.class).single();
		jdbc.sql("INSERT INTO merchant (name, normalized_name) VALUES ('图表测试投资有限公司', '图表测试投资有限公司')").update();
		merchant = jdbc.sql("SELECT id FROM merchant WHERE name = '图表测试投资有限公司'").query(Long.class).single();

		long a = project("A", hualong, "COMMENCED", "ACTIVE");
		move(a, "NEGOTIATING", "SIGNED", "ACTIVE", "2031-10-05", "1000.00", "APPLIED", "2031-10-05T10:00+08:00", null);
		move(a, "SIGNED", "COMMENCED", "ACTIVE", "2031-10-20", "120.00", "APPLIED", "2031-10-20T10:00+08:00", null);
		funds(a, "2031-10-01", "300.00", "100.00", "10.00");
		funds(a, "2031-11-01", "999.00", "0", "0");

		long b = project("B", puyang, "SIGNED", "ACTIVE");
		move(b, "NEGOTIATING", "SIGNED", "ACTIVE", "2031-03-10", "500.00", "APPLIED", "2031-03-10T10:00+08:00", null);
		move(b, "SIGNED", "COMMENCED", "ACTIVE", "2031-08-15", null, "APPLIED", "2031-08-15T10:00+08:00", null);
		move(b, "COMMENCED", "SIGNED", "ACTIVE", null, null, "APPLIED", "2031-10-12T10:00+08:00", null);

		long c = project("C", qingfeng, "SIGNED", "DROPPED");
		move(c, "NEGOTIATING", "SIGNED", "ACTIVE", "2031-09-20", "800.00", "APPLIED", "2031-09-20T10:00+08:00", null);
		statusMove(c, "SIGNED", "ACTIVE", "DROPPED", "2031-10-08T17:00+08:00");
		funds(c, "2031-09-01", "50.00", "0", "0");

		long d = project("D", hualong, "SIGNED", "ACTIVE");
		jdbc.sql("DELETE FROM project_credit_share WHERE project_id = :p").param("p", d).update();
		share(d, hualong, 6000, false);
		share(d, puyang, 4000, false);
		move(d, "NEGOTIATING", "SIGNED", "ACTIVE", "2031-10-10", "100.01", "APPLIED", "2031-10-10T10:00+08:00", null);
		funds(d, "2031-10-01", "0.05", "0.03", "0");

		long e = project("E", hualong, "SIGNED", "ACTIVE");
		move(e, "NEGOTIATING", "SIGNED", "ACTIVE", "2031-10-28", "200.00", "APPROVED", "2031-10-29T10:00+08:00",
				"2031-11-03T10:00+08:00");

		long f = project("F", hualong, "NEGOTIATING", "ACTIVE");
		move(f, "NEGOTIATING", "SIGNED", "ACTIVE", "2031-10-02", "70.00", "RETURNED", "2031-10-02T10:00+08:00",
				"2031-10-03T10:00+08:00");

		long g = project("G", puyang, "COMMENCED", "ACTIVE");
		move(g, "NEGOTIATING", "SIGNED", "ACTIVE", "2030-12-20", "300.00", "APPLIED", "2030-12-20T10:00+08:00", null);
		move(g, "SIGNED", "COMMENCED", "ACTIVE", "2031-10-03", null, "APPLIED", "2031-10-03T10:00+08:00", null);
	}

	// ====================================================================================== October against the hand

	@Test
	void october_counts_what_happened_in_october_and_splits_the_shared_project_to_the_fen() {
		Result r = figures.of(ReportingPeriod.parse("2031-10"));
		assertThat(r.asOf()).isEqualTo(LocalDate.of(2031, 10, 31));
		// 华龙区: A signed and commenced, D 60 %, E not yet approved, F returned
		assertThat(row(r, hualong).period()).isEqualTo(f("1.6", "1060.01", "1.0", "0.0", "300.03", "100.02", "10.00"));
		assertThat(row(r, hualong).yearToDate()).isEqualTo(row(r, hualong).period());
		// 濮阳县: D 40 %, G commenced; B's commencement was undone on 2031-10-12
		assertThat(row(r, puyang).period()).isEqualTo(f("0.4", "40.00", "1.0", "0.0", "0.02", "0.01", "0.00"));
		assertThat(row(r, puyang).yearToDate()).isEqualTo(f("1.4", "540.00", "1.0", "0.0", "0.02", "0.01", "0.00"));
		// 清丰县: C dropped in October no longer counts as signed; its September funds still do
		assertThat(row(r, qingfeng).period()).isEqualTo(f("0.0", "0.00", "0.0", "0.0", "0.00", "0.00", "0.00"));
		assertThat(row(r, qingfeng).yearToDate()).isEqualTo(f("0.0", "0.00", "0.0", "0.0", "50.00", "0.00", "0.00"));
		assertThat(r.totals()).isEqualTo(f("2.0", "1100.01", "2.0", "0.0", "300.05", "100.03", "10.00"));
		assertThat(r.totalsYearToDate()).isEqualTo(f("3.0", "1600.01", "2.0", "0.0", "350.05", "100.03", "10.00"));
	}

	@Test
	void september_regenerated_later_gives_septembers_figures() {
		Result r = figures.of(ReportingPeriod.parse("2031-09"));
		assertThat(r.asOf()).isEqualTo(LocalDate.of(2031, 9, 30));
		assertThat(row(r, hualong).yearToDate()).isEqualTo(Figures.ZERO);
		// B was still commenced on 30 September; the move back came later
		assertThat(row(r, puyang).period()).isEqualTo(Figures.ZERO);
		assertThat(row(r, puyang).yearToDate()).isEqualTo(f("1.0", "500.00", "1.0", "0.0", "0.00", "0.00", "0.00"));
		// C was not yet dropped
		assertThat(row(r, qingfeng).period()).isEqualTo(f("1.0", "800.00", "0.0", "0.0", "50.00", "0.00", "0.00"));
	}

	@Test
	void a_quarter_and_a_year_use_their_own_windows() {
		Result q3 = figures.of(ReportingPeriod.parse("2031-Q3"));
		assertThat(q3.asOf()).isEqualTo(LocalDate.of(2031, 9, 30));
		assertThat(row(q3, puyang).period()).isEqualTo(f("0.0", "0.00", "1.0", "0.0", "0.00", "0.00", "0.00"));
		assertThat(row(q3, qingfeng).period()).isEqualTo(f("1.0", "800.00", "0.0", "0.0", "50.00", "0.00", "0.00"));

		Result year = figures.of(ReportingPeriod.parse("2031"));
		assertThat(year.asOf()).isEqualTo(LocalDate.of(2031, 12, 31));
		// E approved in November counts; A's November funds count
		assertThat(row(year, hualong).period()).isEqualTo(f("2.6", "1260.01", "1.0", "0.0", "1299.03", "100.02", "10.00"));
		assertThat(row(year, hualong).yearToDate()).isEqualTo(row(year, hualong).period());
	}

	@Test
	void a_move_dated_in_october_and_approved_in_november_counts_in_november() {
		Result nov = figures.of(ReportingPeriod.parse("2031-11"));
		assertThat(row(nov, hualong).period()).isEqualTo(f("1.0", "200.00", "0.0", "0.0", "999.00", "0.00", "0.00"));
	}

	// ================================================================================================== the API

	@Test
	void the_api_answers_period_as_of_rows_and_totals() throws Exception {
		var result = mvc.perform(get("/api/v1/supervision/figures").param("period", "2031-10")
			.header("Authorization", "Bearer " + token("hualong")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.period").value("2031-10"))
			.andExpect(jsonPath("$.asOf").value("2031-10-31"))
			.andExpect(jsonPath("$.totals.signedCount").value(2.0))
			.andExpect(jsonPath("$.totals.contractedInvestment").value(1100.01))
			.andExpect(jsonPath("$.totals.yearToDate.fundsInPlace").value(350.05))
			.andReturn();
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		// a unit manager reads every unit's row: rankings are published
		assertThat(((Number) field(body, puyang, "signedCount")).doubleValue()).isEqualTo(0.4);
		assertThat(field(body, hualong, "unitName")).isEqualTo("华龙区");
		assertThat(((Number) field(body, hualong, "fundsInPlace")).doubleValue()).isEqualTo(300.03);
		assertThat(((Number) field(body, puyang, "yearToDate.contractedInvestment")).doubleValue()).isEqualTo(540.0);
		assertThat((Object) JsonPath.read(body, "$.rows[0].completion")).isNotNull();
	}

	@Test
	void completion_is_the_year_to_date_over_the_annual_target_at_the_pace_of_the_month() throws Exception {
		jdbc.sql("DELETE FROM unit_target WHERE target_year = 2031").update();
		jdbc.sql("INSERT INTO unit_target (target_year, unit_id, signed_count, contracted_investment, funds_in_place)"
				+ " VALUES (2031, :u, 4, 2000.00, 1000.00)").param("u", hualong).update();
		jdbc.sql("INSERT INTO unit_target (target_year, unit_id, signed_count) VALUES (2031, :u, 2)")
			.param("u", puyang)
			.update();
		Result oct = figures.of(ReportingPeriod.parse("2031-10"));
		Map<String, Completion> hl = row(oct, hualong).completion();
		// 1.6 signed of 4, 1,060.01 of 2,000.00, 300.03 of 1,000.00; no target for the others, no completion
		assertThat(hl.keySet()).containsExactly("signedCount", "contractedInvestment", "fundsInPlace");
		assertThat(hl.get("signedCount").percent()).isEqualByComparingTo("40.0");
		assertThat(hl.get("signedCount").pace()).isEqualByComparingTo("83.3");
		assertThat(hl.get("signedCount").onPace()).isFalse();
		assertThat(hl.get("contractedInvestment").percent()).isEqualByComparingTo("53.0");
		assertThat(hl.get("fundsInPlace").percent()).isEqualByComparingTo("30.0");
		assertThat(row(oct, qingfeng).completion()).isEmpty();
		// the city: the totals year to date over the sum of the targets (4 + 2 signings)
		BigDecimal citySigned = oct.totalsYearToDate().signedCount();
		assertThat(oct.totalsCompletion().get("signedCount").percent()).isEqualByComparingTo(
				citySigned.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(6), 1, java.math.RoundingMode.HALF_UP));
		assertThat(oct.totalsCompletion().get("signedCount").target()).isEqualByComparingTo("6");
		// March: the pace is 25.0 and the year to date is March's
		Result mar = figures.of(ReportingPeriod.parse("2031-03"));
		assertThat(row(mar, hualong).completion().get("signedCount").pace()).isEqualByComparingTo("25.0");
		mvc.perform(get("/api/v1/supervision/figures").param("period", "2031-10")
			.header("Authorization", "Bearer " + token("hualong")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totals.completion.signedCount.target").value(6))
			.andExpect(jsonPath("$.rows[?(@.unitId == " + hualong + ")].completion.contractedInvestment.percent")
				.value(53.0));
		jdbc.sql("DELETE FROM unit_target WHERE target_year = 2031").update();
	}

	@Test
	void the_api_refuses_a_period_it_cannot_read_and_viewers() throws Exception {
		mvc.perform(get("/api/v1/supervision/figures").param("period", "2031-13")
			.header("Authorization", "Bearer " + token("city")))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("period"));
		mvc.perform(get("/api/v1/supervision/figures").param("period", "2031-10")
			.header("Authorization", "Bearer " + token("viewer")))
			.andExpect(status().isForbidden());
	}

	// ================================================================================================= helpers

	private static Object field(String body, long unit, String path) {
		java.util.List<Object> found = JsonPath.read(body, "$.rows[?(@.unitId == " + unit + ")]." + path);
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private static Figures f(String signed, String contracted, String commenced, String production, String funds,
			String outOfProvince, String foreign) {
		return new Figures(new BigDecimal(signed), new BigDecimal(contracted), new BigDecimal(commenced),
				new BigDecimal(production), new BigDecimal(funds), new BigDecimal(outOfProvince),
				new BigDecimal(foreign));
	}

	private static SupervisionFigures.UnitRow row(Result r, long unit) {
		return r.rows().stream().filter(x -> x.unitId().equals(new UnitId(unit))).findFirst().orElseThrow();
	}

	private long unit(String code) {
		return jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", code).query(Long.class).single();
	}

	private long project(String letter, long unit, String stage, String status) {
		String code = "FIG-2031-" + letter;
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment)
				VALUES (:code, :name, :m, '图表测试投资有限公司', :u, :chain, 'NEW', :stage, :status, 1000)""")
			.param("code", code)
			.param("name", "图表测试项目" + letter)
			.param("m", merchant)
			.param("u", unit)
			.param("chain", chain)
			.param("stage", stage)
			.param("status", status)
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

	private void move(long project, String from, String to, String status, String date, String amount, String state,
			String submittedAt, String reviewedAt) {
		jdbc.sql("""
				INSERT INTO project_stage_move (project_id, from_stage, to_stage, from_status, to_status, move_date,
				    amount, reason, state, submitted_by, submitted_at, reviewed_by, reviewed_at)
				VALUES (:p, :from, :to, :st, :st, :d, :amount, :reason, :state, 'test', :at, :rb, :rat)""")
			.param("p", project)
			.param("from", from)
			.param("to", to)
			.param("st", status)
			.param("d", date == null ? null : LocalDate.parse(date))
			.param("amount", amount == null ? null : new BigDecimal(amount))
			.param("reason", date == null ? "moved back" : null)
			.param("state", state)
			.param("at", OffsetDateTime.parse(submittedAt))
			.param("rb", reviewedAt == null ? null : "city")
			.param("rat", reviewedAt == null ? null : OffsetDateTime.parse(reviewedAt))
			.update();
		counted.refresh(List.of(project));
	}

	private void statusMove(long project, String stage, String from, String to, String submittedAt) {
		jdbc.sql("""
				INSERT INTO project_stage_move (project_id, from_stage, to_stage, from_status, to_status, reason,
				    state, submitted_by, submitted_at)
				VALUES (:p, :s, :s, :from, :to, 'investor withdrew', 'APPLIED', 'test', :at)""")
			.param("p", project)
			.param("s", stage)
			.param("from", from)
			.param("to", to)
			.param("at", OffsetDateTime.parse(submittedAt))
			.update();
		counted.refresh(List.of(project));
	}

	private void funds(long project, String month, String inPlace, String outOfProvince, String foreign) {
		new LedgerRows(jdbc, counted, fundsSums).funds(project, month, inPlace, outOfProvince, foreign);
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
