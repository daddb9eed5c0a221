package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The talent directory in headless Chromium, in Chinese: a unit's staff member finds talents by part of a field,
 * registers one (saving empty first names each missing field), links an enterprise and a project through the
 * pickers, and sees the links on the talent's page. Then the directory's pages at desktop and phone width, without
 * sideways overflow or console errors. Screenshots in {@code target/screenshots/talent-*}.
 */
class TalentBrowserTests extends BrowserJourney {

	@Test
	void unit_staff_finds_talents_registers_one_with_links_and_sees_them_on_its_page() {
		String name = "岳" + UUID.randomUUID().toString().substring(0, 4);
		browser.signIn("hualong.staff", PASSWORD);
		browser.navigate("客商与线索", "人才库");
		assertThat(browser.path()).isEqualTo("/talents");

		browser.type("input[name=q]", "材料");
		browser.clickInView("#search");
		assertThat(browser.text("#talent-table")).contains("李慧敏", "张海鹰").doesNotContain("孙建军");
		browser.screenshot("talent-list-search-desktop");

		browser.clickInView("#new-talent");
		browser.clickInView("#save");
		assertThat(browser.text("#form-errors")).contains("姓名：不能为空", "专业领域：不能为空", "工作单位：不能为空",
				"工作城市：不能为空");
		browser.screenshot("talent-form-errors-desktop");

		browser.type("#name", name);
		browser.type("#title", "教授");
		browser.type("#expertise", "新材料、可降解塑料");
		browser.type("#institution", "郑州大学材料科学与工程学院");
		browser.type("#workCity", "郑州");
		browser.selectValue("#relation", "WORKED_STUDIED");
		browser.type("#level", "省级人才");
		browser.type("#phone", "13703711234");
		pick("#enterpriseQuery", "绿塑", "#enterprise-options", "河南绿塑新材料科技有限公司");
		pick("#projectQuery", "可降解", "#project-options", "年产10万吨可降解塑料项目");
		browser.screenshot("talent-form-pickers-desktop");
		browser.clickInView("#save");

		assertThat(browser.path()).matches("/talents/\\d+");
		assertThat(browser.text("#flash")).contains("已保存");
		assertThat(browser.text("#talent-fields")).contains("新材料", "可降解塑料", "郑州大学材料科学与工程学院", "华龙区");
		assertThat(browser.text("#enterprises")).contains("河南绿塑新材料科技有限公司");
		assertThat(browser.text("#projects")).contains("年产10万吨可降解塑料项目");
		assertThat(browser.text("#history")).contains("新建");
		browser.screenshot("talent-detail-desktop");
		browser.use(Browser.PHONE);
		browser.screenshot("talent-detail-phone");
		browser.use(Browser.DESKTOP);
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void talent_pages_fit_desktop_and_phone_screens_without_console_errors() {
		long id = jdbc.sql("SELECT id FROM talent WHERE name = '王立新'").query(Long.class).single();
		browser.signIn("city", PASSWORD);
		List<String> problems = new ArrayList<>();
		for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
			browser.use(screen);
			browser.checkPage(problems, "talent-list", "/talents", "#talent-table");
			browser.checkPage(problems, "talent-detail", "/talents/" + id, "#history");
			browser.checkPage(problems, "talent-form", "/talents/" + id + "/edit", "#talent-form");
			browser.checkPage(problems, "talent-import", "/talents/import", "#import-form");
			browser.open("/talents/new");
			browser.clickInView("#save");
			browser.find("#form-errors");
			browser.checkPage(problems, "talent-form-errors");
		}
		// a viewer sees the same page with the contacts masked
		browser.use(Browser.PHONE);
		browser.reset();
		browser.signIn("viewer", PASSWORD);
		browser.open("/talents/" + id);
		assertThat(browser.text("#contacts")).contains("138****2345").doesNotContain("13801012345");
		browser.checkPage(problems, "talent-detail-viewer");
		browser.use(Browser.DESKTOP);
		assertThat(problems).isEmpty();
	}

	/** Types into a picker's search box, waits for the option and ticks it. */
	private static void pick(String input, String text, String options, String option) {
		browser.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", browser.find(input));
		browser.type(input, text);
		var box = browser.await()
			.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[@id='" + options.substring(1)
					+ "']//label[contains(., '" + option + "')]/preceding-sibling::input")));
		box.click();
		assertThat(box.isSelected()).isTrue();
	}
}
