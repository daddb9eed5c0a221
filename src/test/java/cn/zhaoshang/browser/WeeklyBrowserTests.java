package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The weekly dynamics (周动态) as the city bureau compiles a week in which a county principal went out on an approved
 * promotion trip (clause XV): the trip is in the county's section and counted in the summary; the bureau saves the
 * editor's note. At desktop and phone width, nothing sticking out sideways; screenshots also land in
 * docs/screenshots/weekly-*.png.
 */
class WeeklyBrowserTests extends BrowserJourney {

	@Test
	void the_city_bureau_compiles_a_week_with_a_leaders_trip_and_saves_its_note() throws Exception {
		long puyang = jdbc.sql("SELECT id FROM unit WHERE code = 'puyang'").query(Long.class).single();
		jdbc.sql("INSERT INTO person (unit_id, name, kind, position) VALUES (:u, '周浏览县长', 'LEADER', 'COUNTY_PRINCIPAL')")
			.param("u", puyang)
			.update();
		long person = jdbc.sql("SELECT MAX(id) FROM person WHERE name = '周浏览县长'").query(Long.class).single();
		jdbc.sql("INSERT INTO trip (unit_id, date_from, date_to, destination, purpose, status) "
				+ "VALUES (:u, :f, :t, '广东深圳', '拜访电子信息企业', 'APPROVED')")
			.param("u", puyang)
			.param("f", LocalDate.of(2012, 6, 5))
			.param("t", LocalDate.of(2012, 6, 7))
			.update();
		long trip = jdbc.sql("SELECT MAX(id) FROM trip WHERE destination = '广东深圳'").query(Long.class).single();
		jdbc.sql("INSERT INTO trip_person (trip_id, person_id, role) VALUES (:t, :p, 'LEADER')")
			.param("t", trip)
			.param("p", person)
			.update();

		// a stalled project with a long name: every compiled week lists the projects stalled when it is compiled
		long chain = jdbc.sql("SELECT id FROM industry_chain WHERE code = 'chemical'").query(Long.class).single();
		jdbc.sql("INSERT INTO merchant (name, normalized_name) VALUES ('周浏览测试投资有限公司', '周浏览测试投资有限公司')").update();
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment, stalled, stalled_rounds)
				VALUES ('PY-2012-09999', '年产二十万吨高端新材料一体化综合产业园暨配套物流仓储中心建设项目',
				    (SELECT MAX(id) FROM merchant WHERE name = '周浏览测试投资有限公司'), '周浏览测试投资有限公司', :u, :chain,
				    'NEW', 'SIGNED', 'ACTIVE', 1000, TRUE, 3)""")
			.param("u", puyang)
			.param("chain", chain)
			.update();

		try {
			List<String> problems = new ArrayList<>();
			browser.signIn("city", PASSWORD);
			browser.open("/supervision/weekly");
			browser.find("#week").clear();
			browser.type("#week", "2012-W23");
			browser.clickAndWait("#weekly-compile button[type=submit]");
			assertThat(browser.path()).isEqualTo("/supervision/weekly/2012-W23");
			assertThat(Integer.parseInt(browser.text("#total-trips"))).isGreaterThanOrEqualTo(1);
			assertThat(browser.text("#unit-" + puyang)).contains("领导外出招商").contains("广东深圳")
				.contains("周浏览县长（2012-06-05 至 2012-06-07）").contains("PY-2012-09999");
			browser.find("#note").clear();
			browser.type("#note", "本周濮阳县主要负责同志赴深圳开展招商。");
			browser.clickAndWait("#weekly-save");
			assertThat(browser.find("#note").getText()).contains("赴深圳");
			shoot(problems, "weekly-zh");
			assertThat(problems).isEmpty();
		}
		finally {
			// the other journeys of this context count the ledger's and the stalled projects
			jdbc.sql("DELETE FROM project WHERE code = 'PY-2012-09999'").update();
		}
	}
}
