package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Events and training in headless Chromium, in Chinese: the city bureau records a signing ceremony with three ledger
 * projects by their codes and sees the contracted total; it records a training session for two people and sees the
 * session's hours in each attendee's yearly hours. Then the activity pages at desktop and phone width, in Chinese and
 * English, checked by {@link Browser#checkPage(List, String)}: nothing scrolling sideways (the page, or a table inside
 * it) and no console errors. Screenshots in {@code target/screenshots/activity-*}.
 */
class ActivityBrowserTests extends BrowserJourney {

	@Test
	void a_signing_ceremony_with_three_projects_shows_its_total() {
		String name = "集中签约" + UUID.randomUUID().toString().substring(0, 6);
		browser.signIn("city", PASSWORD);
		browser.navigate("招商活动", "活动与签约");
		assertThat(browser.path()).isEqualTo("/activity/events");
		browser.clickInView("#new-event");
		browser.clickInView("#save");
		assertThat(browser.text("#form-errors")).contains("类别：不能为空", "名称：不能为空", "地点：请填写地点或线上链接");

		browser.selectValue("#kind", "SIGNING_CEREMONY");
		browser.type("#name", name);
		browser.js("arguments[0].value = '2026-12-18';", browser.find("#startDate"));
		browser.type("#place", "濮阳市会展中心");
		browser.type("#projectCodes", "PY-2026-00015, PY-2026-00021，PY-2026-00023");
		browser.screenshot("activity-event-form-desktop");
		browser.clickInView("#save");

		assertThat(browser.path()).matches("/activity/events/\\d+");
		// 280,000.00 + 25,000.00 + 76,000.00 (the demo ledger's contracted investment)
		assertThat(browser.text("#event-projects")).contains("PY-2026-00015", "PY-2026-00021", "PY-2026-00023");
		assertThat(browser.text("#event-total")).isEqualTo("381,000.00");
		browser.screenshot("activity-event-desktop");
		browser.use(Browser.PHONE);
		browser.screenshot("activity-event-phone");
		browser.use(Browser.DESKTOP);

		browser.open("/activity/events/ranking?year=2026");
		assertThat(browser.text("#ranking-table")).contains(name);
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void a_training_session_shows_in_each_attendees_yearly_hours() {
		long zhou = person("周敏");
		long ma = person("马超");
		BigDecimal zhouBefore = hours(zhou);
		BigDecimal maBefore = hours(ma);
		browser.signIn("city", PASSWORD);
		browser.navigate("招商活动", "培训");
		browser.clickInView("#new-training");
		browser.type("#topic", "招商谈判实务" + UUID.randomUUID().toString().substring(0, 4));
		browser.selectValue("#kind", "INVITING_IN");
		browser.type("#lecturer", "外请专家");
		browser.js("arguments[0].value = '2026-11-20';", browser.find("#date"));
		browser.type("#hours", "2.5");
		browser.selectValue("#attendeeIds", String.valueOf(zhou));
		browser.selectValue("#attendeeIds", String.valueOf(ma));
		browser.clickInView("#save");
		assertThat(browser.path()).matches("/activity/trainings/\\d+");
		assertThat(browser.text("#attendees")).contains("周敏", "马超");
		browser.screenshot("activity-training-desktop");

		browser.open("/activity/trainings/hours?year=2026");
		assertThat(new BigDecimal(browser.text("tr[data-person='" + zhou + "'] .person-hours")))
			.isEqualByComparingTo(zhouBefore.add(new BigDecimal("2.5")));
		assertThat(new BigDecimal(browser.text("tr[data-person='" + ma + "'] .person-hours")))
			.isEqualByComparingTo(maBefore.add(new BigDecimal("2.5")));
		browser.screenshot("activity-training-hours-desktop");
		browser.use(Browser.PHONE);
		browser.screenshot("activity-training-hours-phone");
		browser.use(Browser.DESKTOP);
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void activity_pages_fit_desktop_and_phone_screens_without_console_errors() {
		long team = jdbc.sql("SELECT id FROM unit WHERE code = 'rt-yrd'").query(Long.class).single();
		long joint = jdbc.sql("SELECT MIN(id) FROM joint_team").query(Long.class).single();
		long leader = person("李明");
		browser.signIn("city", PASSWORD);
		List<String> problems = new ArrayList<>();
		// in English too: its longer column labels are what pushed the ranking and teams tables past a phone's width
		for (String lang : List.of("zh", "en")) {
			if (lang.equals("en")) {
				browser.use(Browser.DESKTOP);
				browser.clickAndWait("#lang-en");
			}
			for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
				browser.use(screen);
				for (String[] page : List.of(new String[] { "activity-events", "/activity/events" },
						new String[] { "activity-event-new", "/activity/events/new" },
						new String[] { "activity-ranking", "/activity/events/ranking?year=2026" },
						new String[] { "activity-trainings", "/activity/trainings" },
						new String[] { "activity-training-new", "/activity/trainings/new" },
						new String[] { "activity-training-report", "/activity/trainings/report?year=2026" },
						new String[] { "activity-teams", "/activity/teams?year=2026" },
						new String[] { "activity-team", "/activity/teams/" + team + "?year=2026" },
						new String[] { "activity-joint-new", "/activity/joint-teams/new" },
						new String[] { "activity-joint-edit", "/activity/joint-teams/" + joint + "/edit" },
						new String[] { "activity-leader", "/activity/leaders/" + leader + "#contacts" },
						new String[] { "activity-cooperations", "/activity/cooperations" },
						new String[] { "activity-cooperation-new", "/activity/cooperations/new" })) {
					browser.open(page[1]);
					browser.find("h1");
					browser.checkPage(problems, page[0] + "-" + lang);
					if (page[0].equals("activity-cooperations") && lang.equals("zh")) {
						// the institution header wraps on a phone at its bracket, 合作院校 / （院所）, not inside it
						assertThat(browser.js("""
								const text = document.querySelector('#cooperation-table thead th').firstChild;
								const range = document.createRange();
								range.setStart(text, text.data.indexOf('\uFF08'));
								range.setEnd(text, text.data.length);
								return range.getClientRects().length;""")).as("lines of （院所） on " + screen).isEqualTo(1L);
					}
				}
			}
		}
		browser.use(Browser.DESKTOP);
		browser.clickAndWait("#lang-zh");
		assertThat(problems).isEmpty();
	}

	@Test
	void a_joint_teams_history_names_its_targets_by_direction_and_enterprise() throws Exception {
		// a team set up with two targets: its history keeps [UPSTREAM:id, DOWNSTREAM:id] and reads names
		List<Long> merchants = jdbc.sql("SELECT id FROM merchant WHERE merged_into_id IS NULL ORDER BY id")
			.query(Long.class)
			.list()
			.subList(0, 3);
		long unit = jdbc.sql("SELECT id FROM unit WHERE code = 'hualong'").query(Long.class).single();
		long cadre = jdbc.sql("SELECT MIN(id) FROM person WHERE unit_id = :u").param("u", unit).query(Long.class)
			.single();
		var team = jointTeams.create(new cn.zhaoshang.activity.team.JointTeams.Input(
				"政企联合招商小分队" + UUID.randomUUID().toString().substring(0, 6), unit, cadre, "王总",
				merchants.get(0), List.of(
						new cn.zhaoshang.activity.team.JointTeams.TargetInput(merchants.get(1),
								cn.zhaoshang.activity.team.TargetDirection.UPSTREAM),
						new cn.zhaoshang.activity.team.JointTeams.TargetInput(merchants.get(2),
								cn.zhaoshang.activity.team.TargetDirection.DOWNSTREAM)),
				null, null), cn.zhaoshang.support.Demo.signIn(accounts, "city"));
		org.springframework.security.core.context.SecurityContextHolder.clearContext();
		browser.signIn("city", PASSWORD);
		browser.open("/activity/joint-teams/" + team.id());
		browser.js("document.querySelector('#history').open = true;");
		String history = browser.text("#history");
		String anchor = jdbc.sql("SELECT name FROM merchant WHERE id = :id").param("id", merchants.get(0))
			.query(String.class)
			.single();
		assertThat(history).contains("上下游目标企业").contains("上游 ").contains("下游 ").contains(anchor)
			.doesNotContain("UPSTREAM").doesNotContain("DOWNSTREAM");
		List<String> problems = new ArrayList<>();
		shoot(problems, "activity-joint-history");
		assertThat(problems).isEmpty();
	}

	@Test
	void an_enterprise_page_lists_the_events_it_took_part_in() throws Exception {
		long merchant = jdbc.sql("SELECT id FROM merchant WHERE name = '深圳云启数字科技有限公司'").query(Long.class)
			.single();
		browser.signIn("city", PASSWORD);
		browser.open("/merchants/" + merchant + "#links-event");
		assertThat(browser.text("#links-event")).contains("参加的招商活动").contains("第十四届中国（河南）国际投资贸易洽谈会");
		browser.js("document.querySelector('#links-event').scrollIntoView();");
		List<String> problems = new ArrayList<>();
		shoot(problems, "merchant-events");
		assertThat(problems).isEmpty();
	}

	@Test
	void an_enterprise_page_lists_its_trips_joint_teams_and_service_days() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		String name = "濮阳合链" + tag + "新材料有限公司";
		jdbc.sql("INSERT INTO merchant (name, normalized_name) VALUES (:n, :n)").param("n", name).update();
		long merchant = jdbc.sql("SELECT id FROM merchant WHERE name = :n").param("n", name).query(Long.class)
			.single();
		long unit = jdbc.sql("SELECT id FROM unit WHERE code = 'hualong'").query(Long.class).single();
		jdbc.sql("""
				INSERT INTO trip (unit_id, date_from, date_to, destination, purpose, status, created_by)
				VALUES (:u, DATE '2026-10-08', DATE '2026-10-09', '宁波市', '拜访新材料企业', 'APPROVED', 'city')""")
			.param("u", unit)
			.update();
		long trip = jdbc.sql("SELECT MAX(id) FROM trip").query(Long.class).single();
		jdbc.sql("INSERT INTO trip_merchant (trip_id, merchant_id) VALUES (:t, :m)").param("t", trip)
			.param("m", merchant).update();
		long cadre = jdbc.sql("SELECT MIN(id) FROM person WHERE unit_id = :u").param("u", unit).query(Long.class)
			.single();
		jdbc.sql("""
				INSERT INTO joint_team (name, unit_id, cadre_person_id, enterprise_head, anchor_merchant_id, created_by,
				    updated_by)
				VALUES (:n, :u, :c, '王总', :m, 'city', 'city')""")
			.param("n", "新材料政企联合招商小分队" + tag)
			.param("u", unit)
			.param("c", cadre)
			.param("m", merchant)
			.update();
		jdbc.sql("INSERT INTO service_day (unit_id, day_date, title, created_by) VALUES (:u, DATE '2026-10-15', :t, 'city')")
			.param("u", unit)
			.param("t", "华龙区新材料企业服务日" + tag)
			.update();
		long day = jdbc.sql("SELECT MAX(id) FROM service_day").query(Long.class).single();
		jdbc.sql("INSERT INTO service_day_enterprise (day_id, merchant_id) VALUES (:d, :m)").param("d", day)
			.param("m", merchant).update();
		jdbc.sql("""
				INSERT INTO service_day_problem (day_id, merchant_id, content, owner)
				VALUES (:d, :m, '用电增容', '华龙区发改委')""").param("d", day).param("m", merchant).update();
		browser.signIn("city", PASSWORD);
		browser.open("/merchants/" + merchant + "#links-trip");
		assertThat(browser.text("#links-trip")).contains("外出招商拜访").contains("宁波市 · 拜访新材料企业").contains("已审核");
		assertThat(browser.text("#links-jointTeam")).contains("政企联合招商小分队").contains("链主企业");
		assertThat(browser.text("#links-serviceDay")).contains("企业服务日" + tag).contains("反映问题");
		browser.js("document.querySelector('#links-trip').scrollIntoView();");
		List<String> problems = new ArrayList<>();
		shoot(problems, "merchant-activity-links");
		assertThat(problems).isEmpty();
	}

	@org.springframework.beans.factory.annotation.Autowired
	cn.zhaoshang.activity.team.JointTeams jointTeams;

	@org.springframework.beans.factory.annotation.Autowired
	cn.zhaoshang.platform.user.AccountUserDetailsService accounts;

	private long person(String name) {
		return jdbc.sql("SELECT MIN(id) FROM person WHERE name = :n").param("n", name).query(Long.class).single();
	}

	private BigDecimal hours(long person) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(t.hours), 0) FROM training_attendee a JOIN training_session t ON t.id = a.session_id
				WHERE a.person_id = :p AND t.session_date BETWEEN DATE '2026-01-01' AND DATE '2026-12-31'""")
			.param("p", person)
			.query(BigDecimal.class)
			.single();
	}
}
