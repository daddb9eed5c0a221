package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.project.ProjectStageChanged;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.Stage;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13 in headless Chromium: the city bureau records an industry-HQ commander's two October trips with the
 * enterprises met (one registered on the spot) and a clue produced, approves them and sees him compliant while a
 * principal with five days out is not; then sets a leader's three projects and sees a slot empty and asking for a new
 * project after its project moves on. Desktop and phone, Chinese; screenshots trips-*, trip-*, compliance-*, leader-*.
 */
@Tag("browser")
class TripBrowserTests extends BrowserJourney {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	long person(String unit, String name, String position) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO person (unit_id, name, kind, position) VALUES ((SELECT id FROM unit WHERE code = ?), ?, "
				+ "'LEADER', ?)").params(unit, name, position).update(keys, "id");
		return keys.getKey().longValue();
	}

	long project(String stage) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment)
				VALUES (?, ?, (SELECT MIN(id) FROM merchant), '一带三投资有限公司', (SELECT id FROM unit WHERE code = 'hualong'),
				    (SELECT MIN(id) FROM industry_chain), 'NEW', ?, 'ACTIVE', 1000)""")
			.params(Pages.unique("TB"), Pages.unique("一带三浏览器项目"), stage)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void recordTrip(long commander, String from, String to, String enterprise, Long clue) {
		browser.open("/activity/trips/new");
		browser.selectValue("#unitId", String.valueOf(jdbc.sql("SELECT id FROM unit WHERE code = 'hq-chem'")
			.query(Long.class).single()));
		browser.selectValue("#leaderIds", String.valueOf(commander));
		browser.js("document.getElementById('from').value = arguments[0];"
				+ "document.getElementById('to').value = arguments[1];", from, to);
		browser.type("#destination", "上海市");
		browser.type("#purpose", "拜访化工新材料企业，推介濮阳化工产业园");
		browser.type("#newEnterprises", enterprise);
		if (clue != null) {
			browser.selectValue("#clueIds", String.valueOf(clue));
		}
		browser.type("#report", "与企业高层座谈，对方有意来濮考察。");
		browser.clickInView("#save");
		assertThat(browser.path()).startsWith("/activity/trips/");
		assertThat(browser.text("#trip-merchants")).contains(enterprise);
		browser.js("window.confirm = function () { return true; };");
		browser.clickInView("#approve-trip");
		assertThat(browser.text("#trip-status")).contains("已审核");
	}

	@Test
	void the_city_bureau_records_a_commanders_trips_and_reads_the_compliance_then_a_leaders_slot_empties() {
		List<String> problems = new ArrayList<>();
		String commanderName = Pages.unique("指挥长");
		long commander = person("hq-chem", commanderName, "HQ_COMMANDER");
		long principal = person("ndrc", Pages.unique("成员单位负责人"), "HQ_MEMBER_PRINCIPAL");
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO trip (unit_id, date_from, date_to, destination, purpose, status, created_by)
				VALUES ((SELECT id FROM unit WHERE code = 'ndrc'), DATE '2026-10-13', DATE '2026-10-17', '北京市',
				    '对接央企', 'APPROVED', 'city')""").update(keys, "id");
		jdbc.sql("INSERT INTO trip_person (trip_id, person_id, role) VALUES (?, ?, 'LEADER')")
			.params(keys.getKey().longValue(), principal).update();
		long clue = jdbc.sql("SELECT MIN(id) FROM clue WHERE owner_unit_id IS NULL OR owner_unit_id IS NOT NULL")
			.query(Long.class).single();
		String enterprise = Pages.unique("上海现场结识新材料有限公司");

		browser.signIn("city", PASSWORD);
		recordTrip(commander, "2026-10-08", "2026-10-09", enterprise, clue);
		assertThat(browser.text("#trip-clues")).isEqualTo(jdbc.sql("SELECT title FROM clue WHERE id = ?").param(clue).query(String.class).single());
		browser.checkPage(problems, "trip");
		recordTrip(commander, "2026-10-21", "2026-10-21", enterprise, null);

		browser.open("/activity/trips?month=2026-10&person=" + commander);
		assertThat(browser.all("#trips-table tbody tr")).hasSize(2);
		browser.checkPage(problems, "trips");
		browser.open("/activity/trips/new");
		browser.checkPage(problems, "trip-form");

		browser.open("/activity/trip-compliance?month=2026-10");
		assertThat(browser.text("#compliance-" + commander + " .compliance-trips")).isEqualTo("2");
		assertThat(browser.text("#compliance-" + commander + " .compliance-status")).isEqualTo("达标");
		assertThat(browser.text("#compliance-" + principal + " .compliance-days")).isEqualTo("5");
		assertThat(browser.text("#compliance-" + principal + " .compliance-status")).isEqualTo("未达标");
		browser.checkPage(problems, "compliance");

		// a leader's three projects: set them on the leader's page, then one moves on
		long leader = person("hualong", Pages.unique("县区领导"), "COUNTY_PRINCIPAL");
		long negotiating = project("NEGOTIATING");
		long signed = project("SIGNED");
		long commenced = project("COMMENCED");
		browser.open("/activity/leaders/" + leader);
		assertThat(browser.all("#slots .slot-empty")).hasSize(3);
		browser.selectValue("#negotiating", String.valueOf(negotiating));
		browser.selectValue("#signed", String.valueOf(signed));
		browser.selectValue("#commenced", String.valueOf(commenced));
		browser.clickInView("#save-slots");
		assertThat(browser.all("#slots .slot-empty")).isEmpty();
		assertThat(browser.text("#slot-SIGNED")).contains("已联系 0 天");
		transactions.executeWithoutResult(status -> {
			jdbc.sql("UPDATE project SET stage = 'COMMENCED', commenced_date = ? WHERE id = ?")
				.params(LocalDate.now(), signed).update();
			events.publishEvent(new ProjectStageChanged(new ProjectId(signed),
					new UnitId(jdbc.sql("SELECT id FROM unit WHERE code = 'hualong'").query(Long.class).single()),
					Stage.SIGNED, Stage.COMMENCED, ProjectStatus.ACTIVE, ProjectStatus.ACTIVE, LocalDate.now()));
		});
		browser.open("/activity/leaders/" + leader);
		assertThat(browser.text("#slot-SIGNED")).contains("空位").contains("请选定一个新的项目");
		assertThat(browser.all("#slots .slot-empty")).hasSize(1);
		browser.checkPage(problems, "leader");
		browser.open("/activity/leaders?empty=true");
		assertThat(browser.text("#leader-" + leader)).contains("空位 1 个");
		browser.checkPage(problems, "leaders");

		browser.use(Browser.PHONE);
		browser.checkPage(problems, "trips", "/activity/trips?month=2026-10", "#trips-table");
		browser.checkPage(problems, "trip-form", "/activity/trips/new", "#trip-form");
		browser.checkPage(problems, "compliance", "/activity/trip-compliance?month=2026-10", "#compliance-table");
		browser.checkPage(problems, "leader", "/activity/leaders/" + leader, "#slots");
		browser.checkPage(problems, "leaders", "/activity/leaders", "#leaders-table");
		browser.use(Browser.DESKTOP);
		assertThat(problems).isEmpty();
	}
}
