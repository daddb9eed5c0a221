package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The quarterly ranking (督查 - 季度排名) as the city bureau computes the draft of 2026-Q3, publishes it after the
 * confirmation, opens one unit's score explained line by line and drills down to the projects behind one value;
 * the formula editor; at desktop and phone width with nothing sticking out sideways.
 */
class RankingBrowserTests extends BrowserJourney {

	@Test
	void the_city_bureau_publishes_the_q3_ranking_and_opens_one_score_explanation() {
		List<String> problems = new ArrayList<>();
		browser.signIn("city", PASSWORD);
		browser.open("/supervision/rankings");
		browser.selectValue("#quarter", "2026-Q3");
		browser.clickAndWait("#ranking-compute button[type=submit]");
		assertThat(browser.text("#ranking-status")).contains("草稿");
		assertThat(browser.find("#ranking-publish-form").getDomAttribute("data-confirm")).contains("2026-Q3");
		browser.js("window.confirm = function () { return true; };");
		browser.clickAndWait("#ranking-publish");
		assertThat(browser.text("#flash")).contains("已发布");
		assertThat(browser.text("#ranking-status")).contains("已发布");

		browser.clickAndWait("#ranking-table a.ranking-unit");
		assertThat(browser.all("#explain-table tbody tr")).hasSizeGreaterThan(2);
		assertThat(browser.text("#explain-table")).contains("实际到位资金目标完成率", "合计");
		browser.use(Browser.PHONE);
		browser.checkPage(problems, "ranking-explain-zh");
		browser.use(Browser.DESKTOP);
		browser.checkPage(problems, "ranking-explain-zh");

		browser.clickAndWait("#explain-table a.drill");
		assertThat(browser.all("#drill-table")).hasSize(1);
		browser.checkPage(problems, "ranking-drill-zh");

		browser.checkPage(problems, "ranking-formula-zh", "/supervision/ranking-formula", "#formula-table");
		browser.use(Browser.PHONE);
		browser.checkPage(problems, "ranking-formula-zh");
		browser.checkPage(problems, "ranking-list-zh", "/supervision/rankings", "#rankings-table");
		browser.use(Browser.DESKTOP);
		assertThat(problems).isEmpty();
	}
}
