package cn.zhaoshang.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhaoshang.platform.UserId;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.Pages;
import cn.zhaoshang.support.TestUsers;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The home page as an inbox (issue 8): every role sees its own tasks and figures with exact counts, each linking to
 * where the work is done. A fresh unit with projects and clues in known states gives the unit roles' counts; the
 * demo data gives the city bureau's, the leader's, the intermediary's and the viewer's.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HomeInboxTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountUserDetailsService accounts;

	String code;
	long unit;
	UserId manager;
	UserId staff;
	String staffLogin;

	@BeforeEach
	void freshUnit() {
		code = Pages.unique("h");
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO unit (code, name, type) VALUES (?, ?, 'COUNTY')").params(code, code).update(keys, "id");
		unit = keys.getKey().longValue();
		manager = TestUsers.create(jdbc, "UNIT_MANAGER", code, null, "zh-CN");
		staff = TestUsers.create(jdbc, "UNIT_STAFF", code, null, "zh-CN");
		staffLogin = login(staff);
	}

	private String login(UserId id) {
		return jdbc.sql("SELECT username FROM app_user WHERE id = ?").param(id.value()).query(String.class).single();
	}

	private String home(String username) throws Exception {
		return mvc.perform(get("/").with(user(accounts.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** Task id → count, as the page shows them. */
	private static Map<String, Long> tasks(String html) {
		Map<String, Long> found = new LinkedHashMap<>();
		Matcher m = Pattern.compile("id=\"task-([\\w-]+)\">.*?task-count\">(\\d+)<", Pattern.DOTALL).matcher(html);
		while (m.find()) {
			found.put(m.group(1), Long.parseLong(m.group(2)));
		}
		return found;
	}

	/** Figure id → value text, as the page shows them. */
	private static Map<String, String> figures(String html) {
		Map<String, String> found = new LinkedHashMap<>();
		Matcher m = Pattern.compile("id=\"figure-([\\w-]+)\">\\s*<span class=\"home-figure-value\">([^<]*)<",
				Pattern.DOTALL).matcher(html);
		while (m.find()) {
			found.put(m.group(1), m.group(2).trim());
		}
		return found;
	}

	private long project(String stage, String status, LocalDate progress, boolean evidencePending,
			LocalDate signed, String contracted) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment, latest_progress_date, evidence_pending, signed_date, contracted_investment,
				    paid_in_investment)
				VALUES (?, ?, (SELECT MIN(id) FROM merchant), '测试投资有限公司', ?, (SELECT MIN(id) FROM industry_chain),
				    'NEW', ?, ?, 1000, ?, ?, ?, ?, 10)""")
			.params(Pages.unique("T"), Pages.unique("首页测试项目"), unit, stage, status, progress,
					evidencePending, signed, contracted == null ? null : new java.math.BigDecimal(contracted))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	private long move(long project, String state, String by) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO project_stage_move (project_id, from_stage, to_stage, from_status, to_status, state,
				    submitted_by, submitted_at, opinion)
				VALUES (?, 'NEGOTIATING', 'SIGNED', 'ACTIVE', 'ACTIVE', ?, ?, CURRENT_TIMESTAMP, ?)""")
			.params(project, state, by, state.equals("RETURNED") ? "合同扫描件不清晰" : null)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	private long clue(String status, UserId assignee, String source, boolean stale) {
		var keys = new GeneratedKeyHolder();
		// a whole clue as the application makes one (a chain too), since other tests export and re-import them all
		jdbc.sql("INSERT INTO clue (title, enterprise_name, chain_id, source, owner_unit_id, assignee_id, status, "
				+ "last_follow_up_at, stale_since) VALUES (?, '某某有限公司', (SELECT MIN(id) FROM industry_chain), "
				+ "?, ?, ?, ?, CURRENT_DATE, ?)")
			.params(Pages.unique("首页线索"), source, unit, assignee == null ? null : assignee.value(), status,
					stale ? java.sql.Timestamp.from(java.time.Instant.now()) : null)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	private void followUp(long clue, LocalDate date, LocalDate next) {
		jdbc.sql("INSERT INTO clue_follow_up (clue_id, follow_up_date, kind, content, next_step, next_date, "
				+ "created_by, created_at) VALUES (?, ?, 'CALL', '电话沟通', '上门拜访', ?, 'test', CURRENT_TIMESTAMP)")
			.params(clue, date, next)
			.update();
	}

	@Test
	void unit_staff_and_manager_see_their_open_tasks_and_the_manager_the_unit_figures_with_exact_counts()
			throws Exception {
		LocalDate today = LocalDate.now();
		project("NEGOTIATING", "ACTIVE", today.minusDays(40), false, null, null); // to update
		project("NEGOTIATING", "ACTIVE", null, true, null, null); // to update, evidence pending
		project("SIGNED", "ACTIVE", today.minusDays(3), false, today.withDayOfYear(1), "250.50");
		project("SIGNED", "ON_HOLD", today.minusDays(90), false, today.withDayOfYear(1), "100"); // on hold: no task
		project("COMMENCED", "DROPPED", null, true, today.withDayOfYear(1), "999"); // dropped: not in figures
		long awaiting = project("NEGOTIATING", "ACTIVE", today, false, null, null);
		jdbc.sql("UPDATE project SET pending_move_id = ? WHERE id = ?").params(move(awaiting, "SUBMITTED", staffLogin),
				awaiting).update();
		long returned = project("NEGOTIATING", "ACTIVE", today, false, null, null);
		move(returned, "RETURNED", staffLogin);
		long returnedThenApproved = project("SIGNED", "ACTIVE", today, false, today.withDayOfYear(1), "50");
		move(returnedThenApproved, "RETURNED", staffLogin);
		move(returnedThenApproved, "APPROVED", staffLogin); // resubmitted and approved: nothing to do
		long returnedToManager = project("NEGOTIATING", "ACTIVE", today, false, null, null);
		move(returnedToManager, "RETURNED", login(manager));

		long due = clue("FOLLOWING", staff, "OTHER", false);
		followUp(due, today.minusDays(10), today.minusDays(20)); // an older plan …
		followUp(due, today.minusDays(2), today.minusDays(1)); // … the latest one is due since yesterday
		long notYet = clue("FOLLOWING", staff, "OTHER", false);
		followUp(notYet, today.minusDays(1), today.plusDays(5));
		clue("NEW", staff, "OTHER", true); // stale
		clue("CONVERTED", staff, "OTHER", true); // closed: counts nowhere
		clue("NEW", null, "INTERMEDIARY", false); // unassigned, from an intermediary
		clue("INVALID", null, "INTERMEDIARY", false); // closed

		String staffHome = home(staffLogin);
		assertThat(tasks(staffHome)).containsEntry("project-update", 2L)
			.containsEntry("project-returned", 1L)
			.containsEntry("project-evidence", 1L)
			.containsEntry("project-review", 1L)
			.containsEntry("clue-assigned", 3L)
			.containsEntry("clue-due", 1L)
			.containsEntry("clue-stale", 1L);
		assertThat(staffHome).contains("id=\"home-project-returned\"").contains("合同扫描件不清晰")
			.contains("id=\"home-clue-due\"").contains("上门拜访")
			.contains("href=\"/projects?unit=" + unit + "&amp;status=ACTIVE&amp;sort=progress&amp;dir=asc\"")
			.contains("href=\"/projects?unit=" + unit + "&amp;pending=evidence\"")
			.contains("href=\"/clues?assignee=" + staff.value());
		assertThat(figures(staffHome)).as("figures are the manager's").isEmpty();

		String managerHome = home(login(manager));
		assertThat(tasks(managerHome)).containsEntry("project-update", 2L)
			.containsEntry("project-returned", 2L)
			.containsEntry("clue-unassigned", 1L)
			.containsEntry("clue-submitted", 1L)
			.containsEntry("clue-due", 1L)
			.containsEntry("clue-stale", 1L);
		assertThat(managerHome).contains("href=\"/clues?unit=" + unit + "&amp;source=INTERMEDIARY&amp;status=NEW\"");
		assertThat(figures(managerHome)).containsEntry("stage-NEGOTIATING", "5")
			.containsEntry("stage-SIGNED", "3")
			.containsEntry("stage-COMMENCED", "0")
			.containsEntry("signed-year", "3")
			.containsEntry("contracted-year", "400.50")
			.containsEntry("paid-in", "80.00");
	}

	/**
	 * Each clue task's link opens the clue list on exactly the clues the task counts: closed clues (converted,
	 * invalid) are counted nowhere, so the list behind the link leaves them out too.
	 */
	@Test
	void each_clue_task_links_to_a_list_of_exactly_the_clues_it_counts() throws Exception {
		clue("FOLLOWING", staff, "OTHER", false);
		clue("NEW", staff, "OTHER", true);
		clue("CONVERTED", staff, "OTHER", true);
		clue("INVALID", staff, "OTHER", false);
		clue("NEW", null, "INTERMEDIARY", false);
		clue("INVALID", null, "INTERMEDIARY", true);

		String staffHome = home(staffLogin);
		assertThat(tasks(staffHome)).containsEntry("clue-assigned", 2L).containsEntry("clue-stale", 1L);
		for (String task : List.of("clue-assigned", "clue-stale")) {
			assertThat(listed(link(staffHome, task), staffLogin)).as(task).isEqualTo(tasks(staffHome).get(task));
		}
		String managerHome = home(login(manager));
		assertThat(tasks(managerHome).get("clue-unassigned")).isPositive();
		for (String task : List.of("clue-unassigned", "clue-submitted", "clue-stale")) {
			assertThat(listed(link(managerHome, task), login(manager))).as(task)
				.isEqualTo(tasks(managerHome).get(task));
		}
		String cityHome = home("city");
		for (String task : List.of("clue-pool", "clue-stale")) {
			assertThat(listed(link(cityHome, task), "city")).as(task).isEqualTo(tasks(cityHome).get(task));
		}
	}

	private static String link(String html, String task) {
		Matcher m = Pattern.compile("href=\"([^\"]+)\" id=\"task-" + task + "\"").matcher(html);
		assertThat(m.find()).as("link of " + task).isTrue();
		return m.group(1).replace("&amp;", "&");
	}

	/** How many clues the list page shows for the link (one page of up to 100). */
	private long listed(String link, String username) throws Exception {
		String html = mvc.perform(get(link + "&size=100").with(user(accounts.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Pattern.compile("class=\"clue-link\"").matcher(html).results().count();
	}

	@Test
	void the_city_bureau_sees_moves_awaiting_review_the_city_pool_and_units_behind_on_updates() throws Exception {
		project("NEGOTIATING", "ACTIVE", LocalDate.now().minusDays(400), false, null, null);
		String html = home("city");
		long review = jdbc.sql("SELECT COUNT(*) FROM project WHERE pending_move_id IS NOT NULL").query(Long.class)
			.single();
		long pool = jdbc.sql("SELECT COUNT(*) FROM clue WHERE owner_unit_id IS NULL "
				+ "AND status IN ('NEW', 'FOLLOWING', 'CONFIRMED')").query(Long.class).single();
		long behind = jdbc.sql("SELECT COUNT(DISTINCT unit_id) FROM project WHERE status = 'ACTIVE' AND "
				+ "(latest_progress_date IS NULL OR latest_progress_date < ?)").param(LocalDate.now().minusDays(30))
			.query(Long.class).single();
		assertThat(pool).as("the demo has clues in the city pool").isPositive();
		assertThat(tasks(html)).containsEntry("project-review", review)
			.containsEntry("clue-pool", pool)
			.containsEntry("project-behind", behind);
		assertThat(html).contains("href=\"/projects/review\"").contains("href=\"/clues?unit=pool&amp;open=true\"")
			.contains("id=\"home-project-behind\"");
		assertThat(figures(html)).containsKeys("stage-NEGOTIATING", "signed-year", "paid-in");
	}

	@Test
	void a_leader_sees_the_projects_they_lead_with_stage_and_problems() throws Exception {
		List<String> codes = jdbc.sql("SELECT p.code FROM project p JOIN person e ON e.id = p.leader_id "
				+ "WHERE e.name = '李明' AND p.status <> 'DROPPED'").query(String.class).list();
		assertThat(codes).as("the demo leader 李明 leads projects").isNotEmpty();
		String html = home("leader");
		assertThat(tasks(html)).containsEntry("project-led", (long) codes.size());
		String led = Pages.from(html, "home-project-led");
		for (String c : codes) {
			assertThat(led).contains(c);
		}
		assertThat(html).doesNotContain("id=\"task-project-review\"").doesNotContain("id=\"task-clue-pool\"");
	}

	@Test
	void an_intermediary_sees_its_own_clues_by_status_and_a_viewer_the_city_figures() throws Exception {
		long agent = jdbc.sql("SELECT id FROM app_user WHERE username = 'agent'").query(Long.class).single();
		long following = jdbc.sql("SELECT COUNT(*) FROM clue WHERE submitted_by_id = ? AND status = 'FOLLOWING'")
			.param(agent).query(Long.class).single();
		long all = jdbc.sql("SELECT COUNT(*) FROM clue WHERE submitted_by_id = ?").param(agent).query(Long.class)
			.single();
		assertThat(all).as("the demo intermediary has submitted clues").isPositive();
		String html = home("agent");
		assertThat(figures(html)).containsEntry("clue-FOLLOWING", Long.toString(following));
		assertThat(figures(html).values().stream().mapToLong(Long::parseLong).sum()).isEqualTo(all);
		assertThat(html).doesNotContain("id=\"home-project-figures\"");

		String viewer = home("viewer");
		assertThat(viewer).contains("id=\"home-project-figures\"");
		assertThat(tasks(viewer)).isEmpty();
	}
}
