package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * A 清丰县 project in 化工 is outside its unit's positioning and gets the chemical units recommended with reasons; the
 * city bureau proposes a transfer to the development zone, the zone's manager accepts, and the split shows in both
 * units' benefit ledgers; each page fits 1280 and 390 px (screenshots docs/screenshots/allocation-*).
 */
class AllocationBrowserTests extends BrowserJourney {

	static final String DEMO_HASH = "{bcrypt}$2a$10$rU3NsfSdnLCKvwTaRujjjedyDbMVIbVdnoz3JomLpLbWcAJhVmp5e";

	private void fits(String name) {
		browser.screenshot(name + "-1280");
		browser.use(Browser.PHONE);
		assertThat(browser.horizontalOverflow()).as(name + " at 390 px").isZero();
		browser.screenshot(name + "-390");
		browser.use(Browser.DESKTOP);
	}

	@Test
	void a_qingfeng_chemical_project_is_proposed_accepted_and_shared_in_both_ledgers() {
		long qingfeng = Demo.unit(jdbc, "qingfeng");
		long etdz = Demo.unit(jdbc, "etdz");
		String manager = Pages.unique("kfq");
		// a password already changed, so that signing in does not lead to the change-password page first
		jdbc.sql("INSERT INTO app_user (username, password_hash, display_name, role, unit_id, locale, "
				+ "password_changed_at) VALUES (?, ?, '马超', 'UNIT_MANAGER', ?, 'zh-CN', CURRENT_TIMESTAMP)")
			.params(manager, DEMO_HASH, etdz)
			.update();
		String code = Pages.unique("QF");
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment, contracted_investment, land_need_mu, factory_need_m2)
				VALUES (?, '清丰县可降解材料化工项目', (SELECT MIN(id) FROM merchant), '河南某化工新材料有限公司', ?, ?, 'NEW',
				    'NEGOTIATING', 'ACTIVE', 60000, 50000, 300, 20000)""")
			.params(code, qingfeng, Demo.chain(jdbc, "chemical"))
			.update(keys, "id");
		long project = keys.getKey().longValue();
		jdbc.sql("INSERT INTO project_credit_share (project_id, unit_id, share_bp, default_share) VALUES (?, ?, 10000, TRUE)")
			.params(project, qingfeng)
			.update();
		jdbc.sql("INSERT INTO project_funds (project_id, funds_month, funds_in_place) VALUES (?, ?, ?)")
			.params(project, LocalDate.now().withDayOfMonth(1), new BigDecimal("2000.01"))
			.update();

		browser.signIn("city", PASSWORD);
		// the project page tells that the project is outside its unit's positioning and leads to the candidates
		browser.open("/projects/" + project);
		assertThat(browser.text("#outside-positioning")).contains("定位外");
		fits("allocation-project-section");
		browser.clickInView("#allocation-candidates-link");
		assertThat(browser.path()).isEqualTo("/allocation/projects/" + project);
		assertThat(browser.text("#outside-badge")).contains("定位外");
		String candidates = browser.text("#candidates");
		assertThat(candidates).contains("濮阳经济技术开发区").contains("首位主导产业").contains("+50 分");
		fits("allocation-candidates");
		// the link under the badge opens the ledger filtered to the unit's projects outside positioning (定位外项目)
		browser.clickInView("#outside-list-link");
		assertThat(browser.path()).isEqualTo("/projects");
		assertThat(browser.text("#project-table")).contains(code);
		assertThat(browser.js("return document.getElementById('f-outside-positioning').checked;")).isEqualTo(true);
		fits("allocation-outside-ledger");
		browser.open("/allocation/projects/" + project);
		browser.selectValue("#toUnitId", String.valueOf(etdz));
		browser.type("#reason", "可降解材料项目属化工产业，清丰县主导产业为智能家居，建议由经开区化工新材料园承接");
		browser.clickInView("#propose-submit");
		assertThat(browser.path()).startsWith("/allocation/transfers/");
		String transferPath = browser.path();
		assertThat(browser.text("#transfer-status")).contains("待接收");
		fits("allocation-transfer-proposed");
		browser.open("/projects/" + project);
		assertThat(browser.text("#project-transfers")).contains("待接收").contains("濮阳经济技术开发区");
		browser.open("/allocation/transfers");
		assertThat(browser.text("#transfers-table")).contains(code);
		fits("allocation-transfers");
		browser.open("/chains/positioning");
		assertThat(browser.text("#positioning-table")).contains("清丰县").contains("智能家居");
		fits("allocation-positioning");
		browser.open("/chains/positioning/" + qingfeng);
		fits("allocation-positioning-form");
		browser.signOut();

		browser.signIn(manager, PASSWORD);
		browser.open(transferPath);
		browser.js("window.confirm = function () { return true; };");
		browser.clickAndWait("#accept-submit");
		assertThat(browser.text("#transfer-status")).contains("已接收");
		assertThat(browser.text("#agreement-share")).contains("30");
		fits("allocation-transfer-accepted");

		int year = LocalDate.now().getYear();
		browser.open("/allocation/ledger?unit=" + qingfeng + "&year=" + year);
		assertThat(browser.text("#ledger-table")).contains(code).contains("30.00%").contains("600.00");
		fits("allocation-ledger-qingfeng");
		browser.open("/allocation/ledger?unit=" + etdz + "&year=" + year);
		assertThat(browser.text("#ledger-table")).contains(code).contains("70.00%").contains("1,400.01");
		fits("allocation-ledger-etdz");
	}

	/**
	 * A 清丰县 clue in 化工 is outside its owner unit's positioning too (issue 12 names clues and projects alike): its
	 * page shows the mark, which opens the clue's candidates; the link there opens the clue list filtered to the
	 * unit's clues outside positioning; the city bureau proposes the clue's transfer to the development zone.
	 */
	@Test
	void a_qingfeng_chemical_clue_is_outside_positioning_listed_and_proposed() {
		long qingfeng = Demo.unit(jdbc, "qingfeng");
		long etdz = Demo.unit(jdbc, "etdz");
		String title = Pages.unique("清丰县化工线索");
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO clue (title, enterprise_name, chain_id, source, owner_unit_id, status, last_follow_up_at)
				VALUES (?, '河南某精细化工有限公司', ?, 'OTHER', ?, 'FOLLOWING', CURRENT_DATE)""")
			.params(title, Demo.chain(jdbc, "chemical"), qingfeng)
			.update(keys, "id");
		long clue = keys.getKey().longValue();

		browser.signIn("city", PASSWORD);
		browser.open("/clues/" + clue);
		assertThat(browser.text("#outside-positioning")).contains("定位外");
		fits("allocation-clue-page");
		browser.clickInView("#outside-positioning");
		assertThat(browser.path()).isEqualTo("/allocation/clues/" + clue);
		assertThat(browser.text("#outside-badge")).contains("定位外");
		assertThat(browser.text("#candidates")).contains("濮阳经济技术开发区").contains("首位主导产业")
			.contains("线索未登记用地需求")
			.doesNotContain("项目无用地需求");
		fits("allocation-clue-candidates");
		// the same page in English speaks of the clue too; then back to Chinese for the rest of the journey
		browser.clickAndWait("#lang-en");
		assertThat(browser.text("#candidates")).contains("The clue records no land need")
			.doesNotContain("The project needs");
		fits("allocation-clue-candidates-en");
		browser.clickAndWait("#lang-zh");
		browser.clickInView("#outside-list-link");
		assertThat(browser.path()).isEqualTo("/clues");
		assertThat(browser.text("main")).contains(title);
		assertThat(browser.js("return document.getElementById('f-outside-positioning').checked;")).isEqualTo(true);
		fits("allocation-outside-clues");
		browser.open("/allocation/clues/" + clue);
		browser.selectValue("#toUnitId", String.valueOf(etdz));
		browser.type("#reason", "精细化工线索不符合清丰县主导产业定位，建议由经开区承接");
		browser.clickInView("#propose-submit");
		assertThat(browser.path()).startsWith("/allocation/transfers/");
		assertThat(browser.text("#transfer-status")).contains("待接收");
	}
}
