package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The city bureau opens a dispatch round and adds two of 华龙区's projects, the county submits its reports (with a
 * problem row), the bureau closes the round; each page fits 1280 and 390 px (screenshots docs/screenshots/dispatch-*).
 */
class DispatchBrowserTests extends BrowserJourney {

	private String project(String name) {
		String code = Pages.unique("DB");
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment)
				VALUES (?, ?, (SELECT MIN(id) FROM merchant), '调度演示投资有限公司', ?, (SELECT MIN(id) FROM industry_chain),
				    'NEW', 'SIGNED', 'ACTIVE', 5000)""")
			.params(code, name + Pages.unique(""), Demo.unit(jdbc, "hualong"))
			.update(keys, "id");
		return code;
	}

	private void fits(String name) {
		browser.screenshot(name + "-1280");
		browser.use(Browser.PHONE);
		assertThat(browser.horizontalOverflow()).as(name + " at 390 px").isZero();
		browser.screenshot(name + "-390");
		browser.use(Browser.DESKTOP);
	}

	@Test
	void the_bureau_opens_a_round_a_county_reports_and_the_bureau_closes_it() {
		String first = project("华龙区新材料产业园项目");
		String second = project("华龙区智能装备项目");

		browser.signIn("city", PASSWORD);
		browser.open("/dispatch/rounds");
		browser.clickAndWait("#open-round");
		assertThat(browser.find("#name").getDomProperty("value")).contains("项目调度");
		browser.type("#name", "2026年第5次（9-10月）项目调度 浏览器测试");
		browser.js("arguments[0].click();", browser.find("#scope-empty"));
		browser.clickAndWait("#open-submit");
		assertThat(browser.path()).startsWith("/dispatch/rounds/");
		String roundPath = browser.path();
		browser.type("input[name=codes]", first + " " + second);
		browser.clickInView("#add-projects button[type=submit]");
		assertThat(browser.text("#scope-table")).contains(first).contains(second).contains("未填报");
		fits("dispatch-round-open");
		browser.signOut();

		browser.signIn("hualong", PASSWORD);
		browser.open(roundPath);
		for (String code : new String[] { first, second }) {
			browser.clickAndWait(browser.driver().findElement(org.openqa.selenium.By.linkText(code)));
			browser.type("#summary", "本期完成项目备案和环评批复，正在办理施工许可。");
			browser.clickInView("#add-problem");
			browser.type("input[name='problems[0].text']", "用地指标需市自然资源局协调");
			browser.type("input[name='problems[0].ownerName']", "市自然资源局");
			browser.type("#nextSteps", "下月开工建设");
			if (code.equals(first)) {
				fits("dispatch-report-form");
			}
			browser.clickInView("#submit-report");
			assertThat(browser.path()).isEqualTo(roundPath);
		}
		assertThat(browser.text("#completion-table")).contains("2/2");
		browser.signOut();

		browser.signIn("city", PASSWORD);
		browser.open(roundPath);
		browser.js("window.confirm = function () { return true; };");
		browser.clickAndWait("#close-round");
		assertThat(browser.text("#round-status")).isEqualTo("已关闭");
		fits("dispatch-round-closed");
		browser.open(roundPath + "/problems");
		assertThat(browser.text("#problems-table")).contains("用地指标需市自然资源局协调");
		fits("dispatch-problems");
		assertThat(browser.consoleErrors()).isEmpty();
	}
}
