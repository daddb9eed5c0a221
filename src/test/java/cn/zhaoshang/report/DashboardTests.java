package cn.zhaoshang.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.project.internal.CountedMoves;
import cn.zhaoshang.project.internal.FundsSums;
import cn.zhaoshang.support.MockMvcTestSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The home dashboard's JSON against a hand count (issue 11), on H2 and PostgreSQL. Two units of its own (甲, 乙) so
 * that the ledger's other test data does not touch the unit figures, and the year 2016 (with 2015 before it), which
 * no other test writes, for funds and completion. The city's stage counts are compared as the difference the
 * fixed data makes.
 * <ul>
 * <li>P1 甲 在谈 active, planned 100, chain 化工; funds 2015-03 7.00 and 2016-03 10.00.</li>
 * <li>P2 甲 签约 active, key, planned 200, 化工, led by 甲's leader; signed 2016-05-01 for 200; funds 2016-03 5.50.</li>
 * <li>P3 甲 开工 on hold, key, stalled, planned 300, 装备制造; signed 2016-02-01 for 300, commenced 2016-06-01;
 * funds 2016-07 20.00.</li>
 * <li>P4 甲 签约 dropped, planned 400, 化工: not in the stock; its funds 2016-07 1.25 still count.</li>
 * <li>P5 乙 投产 active, stalled, planned 500, 装备制造; signed 2016-01-10, commenced 2016-02-10, in production
 * 2016-08-01; funds 2016-03 100.00.</li>
 * <li>Targets 2016: 甲 4 signings and 100.00 funds; 乙 2 signings.</li>
 * </ul>
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTests extends MockMvcTestSupport {

	@Autowired
	CountedMoves counted;

	@Autowired
	FundsSums fundsSums;

	long jia;
	long yi;
	long chemical;
	long equipment;
	long merchant;
	long leaderPerson;
	long[] cityBefore;
	CurrentUser jiaManager;
	CurrentUser leader;

	@BeforeAll
	void ledger() throws Exception {
		buildMockMvc();
		cityBefore = cityStages();
		jia = unit("dash-jia", "看板测试县甲", 990);
		yi = unit("dash-yi", "看板测试县乙", 991);
		chemical = jdbc.sql("SELECT id FROM industry_chain WHERE code = 'chemical'").query(Long.class).single();
		equipment = jdbc.sql("SELECT id FROM industry_chain WHERE code = 'equipment'").query(Long.class).single();
		jdbc.sql("INSERT INTO merchant (name, normalized_name) VALUES ('看板测试投资有限公司', '看板测试投资有限公司')").update();
		merchant = jdbc.sql("SELECT id FROM merchant WHERE name = '看板测试投资有限公司'").query(Long.class).single();
		long leaderUser = userId("LEADER", null);
		leader = new CurrentUser(leaderUser, "dash-leader", null, "看板领导", Role.LEADER, null, null, Locale.SIMPLIFIED_CHINESE,
				true, false);
		jiaManager = new CurrentUser(userId("UNIT_MANAGER", jia), "dash-jia", null, "甲县管理员", Role.UNIT_MANAGER, jia,
				"看板测试县甲", Locale.SIMPLIFIED_CHINESE, true, false);
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO person (unit_id, name, kind, user_id) VALUES (?, '看板领导', 'LEADER', ?)")
			.params(jia, leaderUser)
			.update(keys, "id");
		leaderPerson = keys.getKey().longValue();

		long p1 = project("P1", jia, "NEGOTIATING", "ACTIVE", "100", chemical, false, false);
		funds(p1, "2015-03-01", "7.00");
		funds(p1, "2016-03-01", "10.00");
		long p2 = project("P2", jia, "SIGNED", "ACTIVE", "200", chemical, true, false);
		jdbc.sql("UPDATE project SET leader_id = ? WHERE id = ?").params(leaderPerson, p2).update();
		move(p2, "NEGOTIATING", "SIGNED", "2016-05-01", "200.00");
		funds(p2, "2016-03-01", "5.50");
		long p3 = project("P3", jia, "COMMENCED", "ON_HOLD", "300", equipment, true, true);
		move(p3, "NEGOTIATING", "SIGNED", "2016-02-01", "300.00");
		move(p3, "SIGNED", "COMMENCED", "2016-06-01", null);
		funds(p3, "2016-07-01", "20.00");
		long p4 = project("P4", jia, "SIGNED", "DROPPED", "400", chemical, false, false);
		funds(p4, "2016-07-01", "1.25");
		long p5 = project("P5", yi, "IN_PRODUCTION", "ACTIVE", "500", equipment, false, true);
		move(p5, "NEGOTIATING", "SIGNED", "2016-01-10", "500.00");
		move(p5, "SIGNED", "COMMENCED", "2016-02-10", null);
		move(p5, "COMMENCED", "IN_PRODUCTION", "2016-08-01", null);
		funds(p5, "2016-03-01", "100.00");
		jdbc.sql("DELETE FROM unit_target WHERE target_year = 2016").update();
		jdbc.sql("INSERT INTO unit_target (target_year, unit_id, signed_count, funds_in_place) VALUES (2016, ?, 4, 100.00)")
			.param(jia)
			.update();
		jdbc.sql("INSERT INTO unit_target (target_year, unit_id, signed_count) VALUES (2016, ?, 2)").param(yi).update();
	}

	// ====================================================================================================== scope

	@Test
	void a_unit_manager_sees_their_unit_against_the_city() throws Exception {
		String body = dashboard(jiaManager, 2016);
		assertThat((String) JsonPath.read(body, "$.scope")).isEqualTo("UNIT");
		assertThat((String) JsonPath.read(body, "$.scopeLabel")).isEqualTo("看板测试县甲");
		// the unit's stock: P1, P2, P3 (P4 dropped is left out as the ledger leaves it out)
		assertThat(counts(body, "$.funnel[*].count")).containsExactly(1L, 1L, 1L, 0L);
		assertThat(amounts(body, "$.funnel[*].amount")).containsExactly("100.00", "200.00", "300.00", "0.00");
		assertThat((String) JsonPath.read(body, "$.funnel[1].link")).isEqualTo("/projects?unit=" + jia + "&stage=SIGNED");
		assertThat((String) JsonPath.read(body, "$.funnel[1].cityLink")).isEqualTo("/projects?stage=SIGNED");
		// the city beside it: what the city bureau sees
		String city = dashboard(cityUser(), 2016);
		assertThat(counts(body, "$.funnel[*].cityCount")).isEqualTo(counts(city, "$.funnel[*].count"));
		// key projects P2 and P3, stalled P3
		assertThat(counts(body, "$.keyProjects[*].count")).containsExactly(0L, 1L, 1L, 0L);
		assertThat(figure(body, "key")).isEqualByComparingTo("2");
		assertThat(figure(body, "stalled")).isEqualByComparingTo("1");
		assertThat(link(body, "stalled")).isEqualTo("/projects?unit=" + jia + "&stalled=true");
		// by chain: 化工 P1 and P2 (300.00), 装备制造 P3 (300.00)
		assertThat(chain(body, chemical, "count")).isEqualTo(2);
		assertThat(new BigDecimal(chain(body, chemical, "amount").toString())).isEqualByComparingTo("300.00");
		assertThat(chain(body, equipment, "count")).isEqualTo(1);
		assertThat(chain(body, chemical, "link")).isEqualTo("/projects?unit=" + jia + "&chain=" + chemical);
		// funds by month: March 15.50 (P1, P2), July 21.25 (P3, and dropped P4's money that arrived); 2015 March 7.00
		assertThat(amounts(body, "$.funds.months[*].amount"))
			.containsExactly("0.00", "0.00", "15.50", "0.00", "0.00", "0.00", "21.25", "0.00", "0.00", "0.00", "0.00", "0.00");
		assertThat(amounts(body, "$.funds.months[2].lastAmount")).containsExactly("7.00");
		assertThat(figure(body, "funds")).isEqualByComparingTo("36.75");
		assertThat((String) JsonPath.read(body, "$.funds.months[2].link"))
			.isEqualTo("/funds?unit=" + jia + "&from=2016-03&to=2016-03&groupBy=unit");
	}

	@Test
	void the_city_sees_the_whole_city() throws Exception {
		String body = dashboard(cityUser(), 2016);
		assertThat((String) JsonPath.read(body, "$.scope")).isEqualTo("CITY");
		long[] after = cityStages();
		// the fixed data adds one project at each stage to the city's stock
		for (int i = 0; i < 4; i++) {
			assertThat(after[i] - cityBefore[i]).as("stage %d", i).isEqualTo(1);
		}
		assertThat(counts(body, "$.funnel[*].count")).containsExactly(after[0], after[1], after[2], after[3]);
		assertThat(JsonPath.<List<Object>>read(body, "$.funnel[*].cityCount")).allMatch(java.util.Objects::isNull);
		// nobody else has funds in 2015 and 2016: the city's months are the hand count
		assertThat(amounts(body, "$.funds.months[*].amount"))
			.containsExactly("0.00", "0.00", "115.50", "0.00", "0.00", "0.00", "21.25", "0.00", "0.00", "0.00", "0.00", "0.00");
		assertThat(amounts(body, "$.funds.total")).containsExactly("136.75");
		assertThat(amounts(body, "$.funds.lastTotal")).containsExactly("7.00");
		assertThat((String) JsonPath.read(body, "$.funds.months[6].link"))
			.isEqualTo("/funds?from=2016-07&to=2016-07&groupBy=unit");
	}

	@Test
	void completion_per_unit_is_the_supervision_figures_over_the_targets_at_the_years_pace() throws Exception {
		String body = dashboard(jiaManager, 2016);
		assertThat((Integer) JsonPath.read(body, "$.month")).isEqualTo(12);
		assertThat((String) JsonPath.read(body, "$.asOf")).isEqualTo("2016-12-31");
		// signings: 甲 P2 and P3 = 2 of 4; 乙 P5 = 1 of 2; the city 3 of 6
		String signed = "$.completion[?(@.field == 'signedCount')]";
		assertThat(JsonPath.<List<Object>>read(body, signed + ".pace")).containsExactly(100.0);
		assertThat(JsonPath.<List<Object>>read(body, signed + ".cityPercent")).containsExactly(50.0);
		assertThat(JsonPath.<List<Object>>read(body, signed + ".rows[*].unitId")).containsExactly((int) jia, (int) yi);
		assertThat(JsonPath.<List<Object>>read(body, signed + ".rows[*].percent")).containsExactly(50.0, 50.0);
		assertThat(JsonPath.<List<Object>>read(body, signed + ".rows[*].achieved")).containsExactly(2.0, 1.0);
		assertThat(JsonPath.<List<Object>>read(body, signed + ".rows[*].own")).containsExactly(true, false);
		assertThat(JsonPath.<List<Object>>read(body, signed + ".rows[0].link"))
			.containsExactly("/projects?unit=" + jia + "&dateOf=signed&from=2016-01-01&to=2016-12-31");
		// funds: 甲 36.75 of 100.00 (乙 has no funds target: no bar); the city 136.75 over 100.00
		String funds = "$.completion[?(@.field == 'fundsInPlace')]";
		assertThat(JsonPath.<List<Object>>read(body, funds + ".rows[*].unitId")).containsExactly((int) jia);
		assertThat(JsonPath.<List<Object>>read(body, funds + ".rows[*].percent")).containsExactly(36.8);
		assertThat(JsonPath.<List<Object>>read(body, funds + ".cityPercent")).containsExactly(136.8);
		assertThat(JsonPath.<List<Object>>read(body, funds + ".rows[0].link"))
			.containsExactly("/funds?unit=" + jia + "&from=2016-01&to=2016-12&groupBy=month");
		// indicators without any target have no chart
		assertThat(JsonPath.<List<Object>>read(body, "$.completion[*].field")).containsExactly("signedCount", "fundsInPlace");
	}

	@Test
	void a_leader_sees_the_projects_they_lead() throws Exception {
		String body = dashboard(leader, 2016);
		assertThat((String) JsonPath.read(body, "$.scope")).isEqualTo("LEADER");
		assertThat(counts(body, "$.funnel[*].count")).containsExactly(0L, 1L, 0L, 0L);
		assertThat((String) JsonPath.read(body, "$.funnel[1].link"))
			.isEqualTo("/projects?leader=" + leaderPerson + "&stage=SIGNED");
		assertThat(amounts(body, "$.funds.total")).containsExactly("5.50");
	}

	@Test
	void a_viewer_gets_no_completion_and_an_intermediary_no_dashboard() throws Exception {
		CurrentUser viewer = new CurrentUser(userId("VIEWER", null), "dash-viewer", null, "看板观察员", Role.VIEWER, null,
				null, Locale.SIMPLIFIED_CHINESE, true, false);
		String body = dashboard(viewer, 2016);
		assertThat((String) JsonPath.read(body, "$.scope")).isEqualTo("CITY");
		assertThat(JsonPath.<List<Object>>read(body, "$.completion")).isEmpty();
		CurrentUser intermediary = new CurrentUser(userId("INTERMEDIARY", jia), "dash-agent", null, "看板中介",
				Role.INTERMEDIARY, jia, "看板测试县甲", Locale.SIMPLIFIED_CHINESE, true, false);
		mvc.perform(get("/api/v1/dashboard").with(user(intermediary))).andExpect(status().isForbidden());
	}

	@Test
	void labels_follow_the_readers_language_and_a_wrong_year_is_refused() throws Exception {
		String zh = dashboard(jiaManager, 2016);
		assertThat(JsonPath.<List<String>>read(zh, "$.funnel[*].label")).containsExactly("在谈", "签约", "开工", "投产");
		CurrentUser english = new CurrentUser(jiaManager.id().value(), "dash-jia", null, "甲县管理员", Role.UNIT_MANAGER,
				jia, "看板测试县甲", Locale.ENGLISH, true, false);
		jdbc.sql("UPDATE app_user SET locale = 'en' WHERE id = ?").param(jiaManager.id().value()).update();
		String en = mvc.perform(get("/api/v1/dashboard").param("year", "2016").with(user(english)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		jdbc.sql("UPDATE app_user SET locale = 'zh-CN' WHERE id = ?").param(jiaManager.id().value()).update();
		assertThat((String) JsonPath.read(en, "$.funds.months[0].label")).isEqualTo("Jan");
		assertThat(JsonPath.<List<String>>read(en, "$.funnel[*].label")).containsExactly("Negotiating", "Signed",
				"Commenced", "In production");
		mvc.perform(get("/api/v1/dashboard").param("year", "1999").with(user(jiaManager)))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].field").value("year"));
	}

	// ================================================================================================= helpers

	private String dashboard(CurrentUser who, int year) throws Exception {
		return mvc.perform(get("/api/v1/dashboard").param("year", Integer.toString(year)).with(user(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private CurrentUser cityUser() {
		long id = jdbc.sql("SELECT id FROM app_user WHERE username = 'city'").query(Long.class).single();
		return new CurrentUser(id, "city", null, "city", Role.CITY_SUPERVISOR, null, null, Locale.SIMPLIFIED_CHINESE,
				true, false);
	}

	/** The city's active and on-hold projects per stage, counted here by hand. */
	private long[] cityStages() {
		long[] n = new long[4];
		String[] stages = { "NEGOTIATING", "SIGNED", "COMMENCED", "IN_PRODUCTION" };
		for (int i = 0; i < 4; i++) {
			n[i] = jdbc.sql("SELECT COUNT(*) FROM project WHERE status <> 'DROPPED' AND stage = ?")
				.param(stages[i])
				.query(Long.class)
				.single();
		}
		return n;
	}

	private static List<Long> counts(String body, String path) {
		List<Object> values = JsonPath.read(body, path);
		return values.stream().map(v -> ((Number) v).longValue()).toList();
	}

	private static List<String> amounts(String body, String path) {
		Object read = JsonPath.read(body, path);
		List<?> values = read instanceof List<?> l ? l : List.of(read);
		return values.stream().map(v -> new BigDecimal(v.toString()).setScale(2).toPlainString()).toList();
	}

	private static BigDecimal figure(String body, String id) {
		List<Object> v = JsonPath.read(body, "$.totals[?(@.id == '" + id + "')].value");
		return new BigDecimal(v.get(0).toString());
	}

	private static String link(String body, String id) {
		List<String> v = JsonPath.read(body, "$.totals[?(@.id == '" + id + "')].link");
		return v.get(0);
	}

	private static Object chain(String body, long chain, String field) {
		List<Object> v = JsonPath.read(body, "$.chains[?(@.key == '" + chain + "')]." + field);
		return v.get(0);
	}

	private long unit(String code, String name, int order) {
		jdbc.sql("INSERT INTO unit (code, name, type, sort_order) VALUES (?, ?, 'COUNTY', ?)")
			.params(code, name, order)
			.update();
		return jdbc.sql("SELECT id FROM unit WHERE code = ?").param(code).query(Long.class).single();
	}

	private long userId(String role, Long unit) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO app_user (username, password_hash, display_name, role, unit_id, locale) "
				+ "VALUES (?, '{noop}-', ?, ?, ?, 'zh-CN')")
			.params("dash-" + role.toLowerCase() + "-" + System.nanoTime(), "看板" + role, role, unit)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	private long project(String letter, long unit, String stage, String status, String planned, long chain,
			boolean key, boolean stalled) {
		String code = "DASH-2016-" + letter;
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment, key_project, stalled)
				VALUES (:code, :name, :m, '看板测试投资有限公司', :u, :chain, 'NEW', :stage, :status, :planned, :key, :stalled)""")
			.params(Map.of("code", code, "name", "看板测试项目" + letter, "m", merchant, "u", unit, "chain", chain,
					"stage", stage, "status", status, "planned", new BigDecimal(planned), "key", key, "stalled",
					stalled))
			.update();
		long id = jdbc.sql("SELECT id FROM project WHERE code = :c").param("c", code).query(Long.class).single();
		jdbc.sql("""
				INSERT INTO project_credit_share (project_id, unit_id, share_bp, default_share)
				VALUES (:p, :u, 10000, TRUE)""")
			.param("p", id)
			.param("u", unit)
			.update();
		return id;
	}

	private void funds(long project, String month, String amount) {
		var fundsBefore = fundsSums.snapshot(List.of(project));
		jdbc.sql("INSERT INTO project_funds (project_id, funds_month, funds_in_place) VALUES (?, ?, ?)")
			.params(project, LocalDate.parse(month), new BigDecimal(amount))
			.update();
		fundsSums.update(fundsBefore);
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
}
