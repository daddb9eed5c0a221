package cn.zhaoshang.supervision.internal;

import static cn.zhaoshang.support.Pages.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.internal.CountedMoves;
import cn.zhaoshang.project.internal.FundsSums;
import cn.zhaoshang.supervision.internal.WeeklyDynamics.Item;
import cn.zhaoshang.supervision.internal.WeeklyDynamics.Section;
import cn.zhaoshang.supervision.internal.WeeklyDynamics.Week;
import cn.zhaoshang.support.MockMvcTestSupport;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * The weekly dynamics (issue 11) against a hand count, on H2 and PostgreSQL. Week 2033-W10 runs from Monday
 * 2033-03-07 to Sunday 2033-03-13 (Asia/Shanghai); the fixed data set (codes WK-2033-*, clue titles 周动态测试*):
 * <ul>
 * <li>Clues: C1 华龙区 logged Monday 00:30 and C2 华龙区 Sunday 23:59 (both in); C3 濮阳县 the Sunday before 23:59
 * (out); C4 the city pool, Thursday (in); C5 清丰县 the next Monday 00:00 (out).</li>
 * <li>P1 华龙区: signed 2033-03-08 (in); funds row for March 300.00 recorded 03-09 (in), a row for February recorded
 * 03-02 (out).</li>
 * <li>P2 濮阳县: commencement dated 03-05 but approved 03-09: effective 03-09 (in).</li>
 * <li>P3 濮阳县: signing dated 03-12 approved 03-15: effective the week after (out); marked stalled (2 rounds).</li>
 * <li>P4 清丰县: a signing returned by the review (out); dropped on 03-11 (in, a status move); funds recorded on the
 * next Monday 00:10 (out).</li>
 * <li>P5 华龙区 60 % / 濮阳县 40 %: in production 03-13 (a line in each); February funds 100.01 recorded 03-10: 60.01
 * and 40.00.</li>
 * </ul>
 * <li>Trips: T1 华龙区 approved 03-05..03-08 (in: a day in the week); T2 濮阳县 approved 03-14..03-16 (out, after);
 * T3 华龙区 submitted, not approved, 03-09 (out).</li>
 * By hand: 华龙区 clues 2, moves 2, funds 360.01, stalled 0, trips 1; 濮阳县 clues 0, moves 2, funds 40.00, stalled 1; 清丰县
 * clues 0, moves 1, funds 0.00, stalled 0; the city pool clues 1.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WeeklyDynamicsTests extends MockMvcTestSupport {

	static final String WEEK = "2033-W10";

	static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	@Autowired
	WeeklyCompiler compiler;

	@Autowired
	WeeklyQueries queries;

	@Autowired
	WeeklyStore store;

	@Autowired
	WeeklyJob job;

	@Autowired
	CountedMoves counted;

	@Autowired
	FundsSums fundsSums;

	@Autowired
	AccountUserDetailsService accounts;

	long hualong;
	long puyang;
	long qingfeng;
	long merchant;
	long chain;

	@BeforeAll
	void data() {
		hualong = unit("hualong");
		puyang = unit("puyang");
		qingfeng = unit("qingfeng");
		chain = jdbc.sql("SELECT id FROM industry_chain WHERE code = 'chemical'").query(Long.class).single();
		jdbc.sql("INSERT INTO merchant (name, normalized_name) VALUES ('周动态测试投资有限公司', '周动态测试投资有限公司')").update();
		merchant = jdbc.sql("SELECT id FROM merchant WHERE name = '周动态测试投资有限公司'").query(Long.class).single();

		clue("C1", hualong, "2033-03-07T00:30+08:00");
		clue("C2", hualong, "2033-03-13T23:59+08:00");
		clue("C3", puyang, "2033-03-06T23:59+08:00");
		clue("C4", null, "2033-03-10T10:00+08:00");
		clue("C5", qingfeng, "2033-03-14T00:00+08:00");

		long p1 = project("P1", hualong, "SIGNED", "ACTIVE");
		move(p1, "NEGOTIATING", "SIGNED", "ACTIVE", "ACTIVE", "2033-03-08", "APPLIED", "2033-03-08T10:00+08:00", null);
		funds(p1, "2033-03-01", "300.00", "2033-03-09T15:00+08:00");
		funds(p1, "2033-02-01", "77.00", "2033-03-02T15:00+08:00");

		long p2 = project("P2", puyang, "COMMENCED", "ACTIVE");
		move(p2, "SIGNED", "COMMENCED", "ACTIVE", "ACTIVE", "2033-03-05", "APPROVED", "2033-03-05T10:00+08:00",
				"2033-03-09T10:00+08:00");

		long p3 = project("P3", puyang, "SIGNED", "ACTIVE");
		move(p3, "NEGOTIATING", "SIGNED", "ACTIVE", "ACTIVE", "2033-03-12", "APPROVED", "2033-03-12T10:00+08:00",
				"2033-03-15T10:00+08:00");
		jdbc.sql("UPDATE project SET stalled = TRUE, stalled_rounds = 2 WHERE id = :id").param("id", p3).update();

		long p4 = project("P4", qingfeng, "NEGOTIATING", "DROPPED");
		move(p4, "NEGOTIATING", "SIGNED", "ACTIVE", "ACTIVE", "2033-03-09", "RETURNED", "2033-03-09T10:00+08:00",
				"2033-03-10T10:00+08:00");
		move(p4, "NEGOTIATING", "NEGOTIATING", "ACTIVE", "DROPPED", null, "APPLIED", "2033-03-11T17:00+08:00", null);
		funds(p4, "2033-03-01", "5.00", "2033-03-14T00:10+08:00");

		long p5 = project("P5", hualong, "IN_PRODUCTION", "ACTIVE");
		jdbc.sql("DELETE FROM project_credit_share WHERE project_id = :p").param("p", p5).update();
		share(p5, hualong, 6000, false);
		share(p5, puyang, 4000, false);
		move(p5, "COMMENCED", "IN_PRODUCTION", "ACTIVE", "ACTIVE", "2033-03-13", "APPLIED", "2033-03-13T10:00+08:00",
				null);
		funds(p5, "2033-02-01", "100.01", "2033-03-10T09:00+08:00");

		jdbc.sql("INSERT INTO person (unit_id, name, kind, position) VALUES (:u, '周动态领导', 'LEADER', 'COUNTY_PRINCIPAL')")
			.param("u", hualong)
			.update();
		long leader = jdbc.sql("SELECT MAX(id) FROM person WHERE name = '周动态领导'").query(Long.class).single();
		trip("周动态测试T1深圳", hualong, "2033-03-05", "2033-03-08", "APPROVED", leader);
		trip("周动态测试T2上海", puyang, "2033-03-14", "2033-03-16", "APPROVED", leader);
		trip("周动态测试T3杭州", hualong, "2033-03-09", "2033-03-10", "SUBMITTED", leader);
	}

	private void trip(String destination, long unit, String from, String to, String status, long leader) {
		jdbc.sql("INSERT INTO trip (unit_id, date_from, date_to, destination, purpose, status) "
				+ "VALUES (:u, :f, :t, :d, '拜访客商', :s)")
			.param("u", unit)
			.param("f", LocalDate.parse(from))
			.param("t", LocalDate.parse(to))
			.param("d", destination)
			.param("s", status)
			.update();
		long id = jdbc.sql("SELECT MAX(id) FROM trip WHERE destination = :d").param("d", destination).query(Long.class)
			.single();
		jdbc.sql("INSERT INTO trip_person (trip_id, person_id, role) VALUES (:t, :p, 'LEADER')")
			.param("t", id)
			.param("p", leader)
			.update();
	}

	// ================================================================================================ the hand count

	@Test
	@Order(1)
	void the_week_computed_from_the_ledger_and_the_clues_matches_the_hand_count() {
		var items = mine(compiler.items(WeeklyKey.parse(WEEK, 400)));

		assertThat(titles(items, hualong, WeeklyDynamics.Kind.CLUE)).containsExactly("周动态测试C1", "周动态测试C2");
		assertThat(titles(items, null, WeeklyDynamics.Kind.CLUE)).containsExactly("周动态测试C4");
		assertThat(titles(items, puyang, WeeklyDynamics.Kind.CLUE)).isEmpty();
		assertThat(titles(items, qingfeng, WeeklyDynamics.Kind.CLUE)).isEmpty();

		assertThat(lines(items, hualong, WeeklyDynamics.Kind.MOVE)).containsExactly(
				"WK-2033-P1 NEGOTIATING>SIGNED ACTIVE>ACTIVE 2033-03-08 10000",
				"WK-2033-P5 COMMENCED>IN_PRODUCTION ACTIVE>ACTIVE 2033-03-13 6000");
		assertThat(lines(items, puyang, WeeklyDynamics.Kind.MOVE)).containsExactly(
				"WK-2033-P2 SIGNED>COMMENCED ACTIVE>ACTIVE 2033-03-09 10000",
				"WK-2033-P5 COMMENCED>IN_PRODUCTION ACTIVE>ACTIVE 2033-03-13 4000");
		assertThat(lines(items, qingfeng, WeeklyDynamics.Kind.MOVE)).containsExactly(
				"WK-2033-P4 NEGOTIATING>NEGOTIATING ACTIVE>DROPPED 2033-03-11 10000");

		assertThat(amounts(items, hualong)).containsExactly("WK-2033-P1 2033-03-01 300.00", "WK-2033-P5 2033-02-01 60.01");
		assertThat(amounts(items, puyang)).containsExactly("WK-2033-P5 2033-02-01 40.00");
		assertThat(amounts(items, qingfeng)).isEmpty();

		assertThat(titles(items, puyang, WeeklyDynamics.Kind.STALLED)).containsExactly("周动态测试P3");
		assertThat(items.stream().filter(i -> i.kind() == WeeklyDynamics.Kind.STALLED).map(Item::rounds))
			.containsExactly(2);
		assertThat(titles(items, hualong, WeeklyDynamics.Kind.STALLED)).isEmpty();

		assertThat(titles(items, hualong, WeeklyDynamics.Kind.TRIP)).containsExactly("周动态测试T1深圳");
		assertThat(titles(items, puyang, WeeklyDynamics.Kind.TRIP)).isEmpty();
		assertThat(items.stream().filter(i -> i.kind() == WeeklyDynamics.Kind.TRIP))
			.extracting(i -> i.people() + " " + i.date() + ".." + i.endDate())
			.containsExactly("周动态领导 2033-03-05..2033-03-08");
	}

	@Test
	@Order(2)
	void the_city_bureau_compiles_the_week_and_the_api_shows_each_units_totals() throws Exception {
		jdbc.sql("DELETE FROM weekly_dynamics_item WHERE weekly_id IN (SELECT id FROM weekly_dynamics WHERE week_key = :k)")
			.param("k", WEEK)
			.update();
		jdbc.sql("DELETE FROM weekly_dynamics WHERE week_key = :k").param("k", WEEK).update();
		// not compiled: 404 (a read never compiles)
		mvc.perform(get("/api/v1/supervision/weekly").param("week", WEEK).header("Authorization", bearer("city")))
			.andExpect(status().isNotFound());

		mvc.perform(post("/api/v1/supervision/weekly/compile").param("week", WEEK).header("Authorization", bearer("city")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.week").value(WEEK))
			.andExpect(jsonPath("$.start").value("2033-03-07"))
			.andExpect(jsonPath("$.end").value("2033-03-13"))
			.andExpect(jsonPath("$.status").value("DRAFT"));

		Week week = store.week(store.header(WeeklyKey.parse(WEEK, 400)).orElseThrow());
		assertThat(counts(section(week, hualong))).isEqualTo("2/2/360.01/0");
		assertThat(counts(section(week, puyang))).isEqualTo("0/2/40.00/1");
		assertThat(counts(section(week, qingfeng))).isEqualTo("0/1/0.00/0");
		assertThat(section(week, null).clues()).extracting(Item::title).contains("周动态测试C4");
		assertThat(section(week, hualong).trips()).extracting(Item::title).contains("周动态测试T1深圳");

		var json = mvc.perform(get("/api/v1/supervision/weekly").param("week", WEEK).header("Authorization", bearer("city")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String hl = "$.units[?(@.unitId == " + hualong + ")]";
		assertThat(JsonPath.<List<Object>>read(json, hl + ".totals.newClues")).containsExactly(2);
		assertThat(JsonPath.<List<Object>>read(json, hl + ".totals.stageMoves")).containsExactly(2);
		assertThat(JsonPath.<List<Object>>read(json, hl + ".totals.fundsInPlace")).containsExactly(360.01);
		assertThat(JsonPath.<List<Object>>read(json, hl + ".stageMoves[*].code"))
			.containsExactly("WK-2033-P1", "WK-2033-P5");
		assertThat(JsonPath.<List<Object>>read(json, hl + ".stageMoves[*].sharePercent")).containsExactly(100.0, 60.0);
		assertThat(JsonPath.<List<Object>>read(json, "$.units[?(@.unitId == " + puyang + ")].stalledProjects[*].code"))
			.containsExactly("WK-2033-P3");
		assertThat(JsonPath.<List<Object>>read(json, hl + ".outboundTrips[*].destination")).contains("周动态测试T1深圳");
		assertThat(JsonPath.<List<Object>>read(json, hl + ".outboundTrips[?(@.destination == '周动态测试T1深圳')].leaders[0]"))
			.containsExactly("周动态领导");
		// the city pool's section comes last, without a unit
		assertThat(JsonPath.<Map<String, Object>>read(json, "$.units[-1]")).doesNotContainKey("unitId");
		assertThat(JsonPath.<List<Object>>read(json, "$.units[-1].newClues[*].title")).contains("周动态测试C4");
		assertThat(audits("COMPILED")).isEqualTo(1);
	}

	@Test
	@Order(3)
	void a_unit_user_sees_no_draft_and_may_not_publish() throws Exception {
		mvc.perform(get("/api/v1/supervision/weekly").param("week", WEEK).header("Authorization", bearer("hualong")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/supervision/weekly/publish").param("week", WEEK)
			.header("Authorization", bearer("hualong"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\":\"x\",\"version\":0}")).andExpect(status().isForbidden());
		mvc.perform(post("/supervision/weekly/" + WEEK + "/publish").with(as(accounts, "hualong"))
			.with(csrf())
			.param("note", "x")
			.param("version", "0")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/supervision/weekly/compile").param("week", WEEK).header("Authorization", bearer("hualong")))
			.andExpect(status().isForbidden());
		assertThat(store.header(WeeklyKey.parse(WEEK, 400)).orElseThrow().published()).isFalse();
	}

	@Test
	@Order(4)
	void publishing_freezes_the_week_audits_it_and_notifies_the_units_users() throws Exception {
		var header = store.header(WeeklyKey.parse(WEEK, 400)).orElseThrow();
		long unitManager = jdbc.sql("SELECT id FROM app_user WHERE username = 'hualong'").query(Long.class).single();
		// a stale version is refused and nothing changes
		mvc.perform(post("/api/v1/supervision/weekly/publish").param("week", WEEK)
			.header("Authorization", bearer("city"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\":\"本周要点\",\"version\":" + (header.version() + 5) + "}")).andExpect(status().isConflict());

		mvc.perform(post("/supervision/weekly/" + WEEK + "/publish").with(as(accounts, "city"))
			.with(csrf())
			.param("note", "本周华龙区新签约一个项目。")
			.param("version", String.valueOf(header.version()))).andExpect(status().is3xxRedirection());

		var published = store.header(WeeklyKey.parse(WEEK, 400)).orElseThrow();
		assertThat(published.published()).isTrue();
		assertThat(published.note()).isEqualTo("本周华龙区新签约一个项目。");
		assertThat(published.publishedBy()).isEqualTo("city");
		assertThat(audits("PUBLISHED")).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = :u AND kind = 'weeklyPublished' "
				+ "AND link = :l")
			.param("u", unitManager)
			.param("l", "/supervision/weekly/" + WEEK)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT title FROM notification WHERE recipient_id = :u AND kind = 'weeklyPublished'")
			.param("u", unitManager)
			.query(String.class)
			.list()).anyMatch(t -> t.contains(WEEK));

		// the unit user now reads it, every unit's section included; the bureau can no longer compile it again
		mvc.perform(get("/api/v1/supervision/weekly").param("week", WEEK).header("Authorization", bearer("hualong")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PUBLISHED"))
			.andExpect(jsonPath("$.units[?(@.unitId == " + puyang + ")].totals.stageMoves").value(2));
		mvc.perform(post("/api/v1/supervision/weekly/compile").param("week", WEEK).header("Authorization", bearer("city")))
			.andExpect(status().isConflict());

		// the pages: the week with its tables, the home card, the export
		String page = mvc.perform(get("/supervision/weekly/" + WEEK).with(as(accounts, "hualong")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("WK-2033-P3").contains("本周华龙区新签约一个项目。").doesNotContain("weekly-publish")
			.contains("周动态测试T1深圳").contains("周动态领导（2033-03-05 至 2033-03-08）");
		String home = mvc.perform(get("/").with(as(accounts, "hualong")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(home).contains("home-weekly").contains("/supervision/weekly/" + WEEK);
		byte[] xlsx = mvc.perform(get("/supervision/weekly/" + WEEK + "/export.xlsx").with(as(accounts, "hualong")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var summary = wb.getSheetAt(0);
			boolean found = false;
			for (var row : summary) {
				if ("华龙区".equals(row.getCell(0).getStringCellValue())) {
					assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(2.0);
					assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(360.01);
					found = true;
				}
			}
			assertThat(found).isTrue();
		}
	}

	// ============================================================================================== the Monday job

	@Test
	@Order(5)
	void the_monday_job_compiles_last_week_exactly_once() {
		WeeklyKey last = compiler.lastWeek();
		assertThat(last.end()).isBefore(LocalDate.now(compiler.zone()));
		assertThat(last.end().plusDays(7)).isAfterOrEqualTo(LocalDate.now(compiler.zone()));
		jdbc.sql("DELETE FROM weekly_dynamics_item WHERE weekly_id IN (SELECT id FROM weekly_dynamics WHERE week_key = :k)")
			.param("k", last.toString())
			.update();
		jdbc.sql("DELETE FROM weekly_dynamics WHERE week_key = :k").param("k", last.toString()).update();

		job.run();
		// a second node within the lock's time skips; after the lock a later run finds the week compiled
		job.run();
		jdbc.sql("UPDATE shedlock SET lock_until = locked_at WHERE name = 'supervision-weekly-compile'").update();
		job.run();
		jdbc.sql("UPDATE shedlock SET lock_until = locked_at WHERE name = 'supervision-weekly-compile'").update();

		assertThat(jdbc.sql("SELECT COUNT(*) FROM weekly_dynamics WHERE week_key = :k")
			.param("k", last.toString())
			.query(Long.class)
			.single()).isEqualTo(1);
		var h = store.header(last).orElseThrow();
		assertThat(h.compiledBy()).isEqualTo("system");
		assertThat(h.status()).isEqualTo(WeeklyDynamics.Status.DRAFT);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'weeklyDynamics' AND record_id = :id "
				+ "AND action = 'COMPILED'")
			.param("id", String.valueOf(h.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM shedlock WHERE name = 'supervision-weekly-compile'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	@Order(6)
	void a_week_is_written_2026_W44_and_runs_monday_to_sunday() {
		assertThat(WeeklyKey.parse("2026-W44", 400).start()).isEqualTo(LocalDate.of(2026, 10, 26));
		assertThat(WeeklyKey.parse("2026-W44", 400).end()).isEqualTo(LocalDate.of(2026, 11, 1));
		assertThat(WeeklyKey.parse("2026-W01", 400).start()).isEqualTo(LocalDate.of(2025, 12, 29));
		assertThat(WeeklyKey.of(LocalDate.of(2027, 1, 1)).toString()).isEqualTo("2026-W53");
		assertThat(WeeklyKey.parse("2026-W53", 400).end()).isEqualTo(LocalDate.of(2027, 1, 3));
		for (String bad : List.of("2025-W53", "2026-44", "2026-W00", "x")) {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> WeeklyKey.parse(bad, 400))
				.isInstanceOf(cn.zhaoshang.platform.FieldException.class);
		}
	}

	// ===================================================================================================== helpers

	private long audits(String action) {
		long id = store.header(WeeklyKey.parse(WEEK, 400)).orElseThrow().id();
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'weeklyDynamics' AND record_id = :id "
				+ "AND action = :a")
			.param("id", String.valueOf(id))
			.param("a", action)
			.query(Long.class)
			.single();
	}

	private static List<Item> mine(List<Item> items) {
		return items.stream()
			.filter(i -> i.title().startsWith("周动态测试") || (i.code() != null && i.code().startsWith("WK-2033-")))
			.toList();
	}

	private static List<String> titles(List<Item> items, Long unit, WeeklyDynamics.Kind kind) {
		return items.stream()
			.filter(i -> java.util.Objects.equals(i.unitId(), unit) && i.kind() == kind)
			.map(Item::title)
			.toList();
	}

	private static List<String> lines(List<Item> items, long unit, WeeklyDynamics.Kind kind) {
		return items.stream()
			.filter(i -> i.unitId() != null && i.unitId() == unit && i.kind() == kind)
			.map(i -> i.code() + " " + i.fromStage() + ">" + i.toStage() + " " + i.fromStatus() + ">" + i.toStatus()
					+ " " + i.date() + " " + i.shareBp())
			.toList();
	}

	private static List<String> amounts(List<Item> items, long unit) {
		return items.stream()
			.filter(i -> i.unitId() != null && i.unitId() == unit && i.kind() == WeeklyDynamics.Kind.FUNDS)
			.map(i -> i.code() + " " + i.fundsMonth() + " " + i.amount().toPlainString())
			.toList();
	}

	private static Section section(Week week, Long unit) {
		return week.sections()
			.stream()
			.filter(s -> java.util.Objects.equals(s.unitId(), unit))
			.findFirst()
			.orElseThrow();
	}

	/** clues/moves/funds/stalled of a section, counting only this test's records. */
	private static String counts(Section s) {
		var clues = mine(s.clues());
		var moves = mine(s.moves());
		var funds = mine(s.funds());
		var stalled = mine(s.stalled());
		BigDecimal total = funds.stream().map(Item::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
		return clues.size() + "/" + moves.size() + "/" + total.toPlainString() + "/" + stalled.size();
	}

	private long unit(String code) {
		return jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", code).query(Long.class).single();
	}

	private void clue(String letter, Long owner, String createdAt) {
		jdbc.sql("""
				INSERT INTO clue (title, enterprise_name, source, owner_unit_id, status, last_follow_up_at, created_at,
				    updated_at)
				VALUES (:t, '周动态测试投资有限公司', 'OTHER', :o, 'NEW', :d, :at, :at)""")
			.param("t", "周动态测试" + letter)
			.param("o", owner)
			.param("d", OffsetDateTime.parse(createdAt).toLocalDate())
			.param("at", OffsetDateTime.parse(createdAt))
			.update();
	}

	private long project(String letter, long unit, String stage, String status) {
		String code = "WK-2033-" + letter;
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment)
				VALUES (:code, :name, :m, '周动态测试投资有限公司', :u, :chain, 'NEW', :stage, :status, 1000)""")
			.param("code", code)
			.param("name", "周动态测试" + letter)
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

	private void move(long project, String from, String to, String fromStatus, String toStatus, String date,
			String state, String submittedAt, String reviewedAt) {
		jdbc.sql("""
				INSERT INTO project_stage_move (project_id, from_stage, to_stage, from_status, to_status, move_date,
				    reason, state, submitted_by, submitted_at, reviewed_by, reviewed_at)
				VALUES (:p, :from, :to, :fst, :tst, :d, 'test', :state, 'test', :at, :rb, :rat)""")
			.param("p", project)
			.param("from", from)
			.param("to", to)
			.param("fst", fromStatus)
			.param("tst", toStatus)
			.param("d", date == null ? null : LocalDate.parse(date))
			.param("state", state)
			.param("at", OffsetDateTime.parse(submittedAt))
			.param("rb", reviewedAt == null ? null : "city")
			.param("rat", reviewedAt == null ? null : OffsetDateTime.parse(reviewedAt))
			.update();
		counted.refresh(List.of(project));
	}

	private void funds(long project, String month, String inPlace, String recordedAt) {
		var fundsBefore = fundsSums.snapshot(List.of(project));
		jdbc.sql("""
				INSERT INTO project_funds (project_id, funds_month, funds_in_place, created_at, updated_at)
				VALUES (:p, :m, :f, :at, :at)""")
			.param("p", project)
			.param("m", LocalDate.parse(month))
			.param("f", new BigDecimal(inPlace))
			.param("at", OffsetDateTime.parse(recordedAt))
			.update();
		fundsSums.update(fundsBefore);
	}

	private String bearer(String user) throws Exception {
		String cached = TOKENS.get(user);
		if (cached == null) {
			var result = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + user + "\",\"password\":\"Demo@2026\"}"))
				.andExpect(status().isOk())
				.andReturn();
			cached = JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.token");
			TOKENS.put(user, cached);
		}
		return "Bearer " + cached;
	}
}
