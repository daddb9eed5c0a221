package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The clue database's main journeys in headless Chromium, in Chinese: a unit manager logs a clue, follows it up,
 * confirms the intent, converts it and finds the project in the ledger; an intermediary submits a clue and sees
 * nothing else. Then the clue pages at desktop and phone width, without sideways overflow or console errors.
 */
class ClueBrowserTests extends BrowserJourney {

	@Test
	void unit_manager_logs_a_clue_follows_it_up_confirms_converts_it_and_finds_the_project_in_the_ledger() {
		String tag = UUID.randomUUID().toString().substring(0, 4);
		String title = "华龙区碳纤维复合材料线索" + tag;
		browser.signIn("hualong", PASSWORD);

		browser.open("/clues");
		browser.clickInView("#new-clue");
		browser.clickInView("#save-clue");
		assertThat(browser.text("#form-errors")).contains("线索标题：不能为空").contains("企业名称：不能为空")
			.contains("所属产业链：不能为空");
		browser.screenshot("clue-form-errors-desktop");

		browser.type("#clueTitle", title);
		browser.type("#enterpriseName", "江苏碳谷复合材料有限公司" + tag);
		browser.selectText("#chainId", "新材料");
		browser.type("#chainLink", "碳纤维");
		browser.type("#estimatedInvestment", "28000.5");
		browser.selectValue("#promotionMode", "SUPPLY_CHAIN");
		browser.selectValue("#source", "RESIDENT_TEAM");
		browser.selectText("#sourceUnitId", "长三角驻地招商组");
		browser.type("#sourceCredit", "黄磊");
		browser.clickInView("#save-clue");
		assertThat(browser.text("#clue-title")).isEqualTo(title);
		assertThat(browser.text("#flash")).contains("线索已登记");
		// the status line also carries the marks: a 新材料 clue of a unit not positioned on it is outside positioning
		assertThat(browser.text("#clue-status")).startsWith("新线索");
		assertThat(browser.text("#outside-positioning")).isEqualTo("定位外线索");
		assertThat(browser.text("#fact-investment")).isEqualTo("28,000.50");

		// A follow-up on the detail page moves it to 跟进中.
		browser.type("#peopleMet", "碳谷复材 总经理");
		browser.type("#content", "赴常州走访企业，企业计划在北方新建生产基地，关注用地和电价。");
		browser.type("#nextStep", "邀请来濮考察");
		browser.clickInView("#save-follow-up");
		assertThat(browser.text("#flash")).contains("跟进记录已保存");
		assertThat(browser.text("#clue-status")).startsWith("跟进中");
		assertThat(browser.text("#follow-ups")).contains("赴常州走访企业").contains(LocalDate.now().toString());
		browser.screenshot("clue-detail-desktop");

		// Confirming asks first (data-confirm); the test answers yes.
		assertThat(browser.find("#confirm").findElement(By.xpath("./..")).getDomAttribute("data-confirm"))
			.contains("确认该企业已明确投资意向");
		browser.js("window.confirm = function () { return true; };");
		browser.clickInView("#confirm");
		assertThat(browser.text("#clue-status")).startsWith("已确认意向");

		// Conversion: a short pre-filled form, then the project page.
		browser.clickInView("#convert");
		assertThat(browser.find("#name").getDomProperty("value")).isEqualTo(title);
		browser.screenshot("clue-convert-desktop");
		browser.find("#name").clear();
		browser.type("#name", "碳纤维复合材料生产基地项目" + tag);
		browser.clickInView("#convert-submit");
		assertThat(browser.text("#flash")).contains("线索已转为在谈项目");
		assertThat(browser.text("#project-name")).isEqualTo("碳纤维复合材料生产基地项目" + tag);
		assertThat(browser.text("#source-clue")).contains(title);

		// The ledger lists it as 在谈.
		browser.open("/projects");
		browser.type("#q", "碳纤维复合材料生产基地项目" + tag);
		browser.clickInView("#filter-submit");
		assertThat(browser.text("#project-table tbody")).contains("碳纤维复合材料生产基地项目" + tag).contains("在谈");

		// The clue now shows 已转项目 with the project's code.
		browser.open("/clues?q=" + tag);
		assertThat(browser.text("#clue-table tbody")).contains(title).contains("已转项目");
		browser.screenshot("clue-list-desktop");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void an_intermediary_submits_a_clue_and_sees_nothing_else() {
		String tag = UUID.randomUUID().toString().substring(0, 4);
		browser.signIn("agent", PASSWORD);
		String nav = browser.find("nav.navbar").getDomProperty("innerHTML");
		assertThat(nav).contains("/clues/new").doesNotContain("href=\"/projects\"").doesNotContain("/org/units");

		browser.open("/clues/new");
		browser.screenshot("clue-submit-desktop");
		browser.type("#clueTitle", "智能马桶生产线" + tag);
		browser.type("#enterpriseName", "台州洁具智能科技有限公司" + tag);
		browser.selectText("#ownerUnitId", "华龙区");
		browser.selectText("#chainId", "智能家居");
		browser.type("#estimatedInvestment", "8000");
		browser.clickInView("#save-clue");
		assertThat(browser.text("#flash")).contains("线索已提交");
		assertThat(browser.text("#clue-status")).isEqualTo("新线索");
		assertThat(browser.text("#fact-source")).contains("中介机构").contains("濮阳市浙江商会");
		assertThat(browser.all("#follow-ups")).isEmpty();

		browser.open("/clues");
		String list = browser.text("#clue-table tbody");
		assertThat(list).contains("智能马桶生产线" + tag).doesNotContain("华龙区数字经济产业园二期扩建线索");
		browser.use(Browser.PHONE);
		browser.screenshot("clue-mine-phone");
		browser.use(Browser.DESKTOP);

		browser.open("/projects");
		assertThat(browser.bodyText()).doesNotContain("豫北国际商贸物流园项目");
		browser.screenshot("clue-intermediary-forbidden-desktop");
		browser.open("/clues/board");
		assertThat(browser.bodyText()).doesNotContain("华龙区数字经济产业园二期扩建线索");
	}

	@Test
	void clue_pages_fit_desktop_and_phone_screens_without_console_errors() {
		long id = jdbc.sql("SELECT id FROM clue WHERE title = '华龙区数字经济产业园二期扩建线索'").query(Long.class).single();
		long open = jdbc.sql("SELECT id FROM clue WHERE title = '高端智能家居整装产业园'").query(Long.class).single();
		browser.signIn("hualong", PASSWORD);
		List<String> problems = new ArrayList<>();
		for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
			browser.use(screen);
			browser.checkPage(problems, "clue-list", "/clues", "#clue-table");
			browser.checkPage(problems, "clue-board", "/clues/board", "#kanban");
			browser.checkPage(problems, "clue-detail", "/clues/" + id, "#facts");
			browser.checkPage(problems, "clue-follow-up", "/clues/" + open + "/follow-up", "#follow-up-form");
			browser.checkPage(problems, "clue-assign", "/clues/" + open + "/assignment", "#assign-form");
			browser.checkPage(problems, "clue-form", "/clues/new", "#clue-form");
		}
		browser.use(Browser.DESKTOP);
		assertThat(problems).isEmpty();
	}
}
