package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The merchant database's main journey in headless Chromium, in Chinese: a unit's staff member finds an enterprise
 * by part of its Chinese name, opens it, and is stopped from registering it again (by normalised name and by
 * USCC), with the existing records shown; then the merchant pages at desktop and phone width without sideways
 * overflow or console errors.
 */
class MerchantBrowserTests extends BrowserJourney {

	@Test
	void a_new_user_finds_an_enterprise_by_part_of_its_name_and_is_stopped_from_registering_it_again() {
		browser.signIn("hualong.staff", PASSWORD);

		// The navigation leads to the database; part of the Chinese name finds the enterprise.
		browser.navigate("客商与线索", "客商资源库");
		assertThat(browser.path()).isEqualTo("/merchants");
		browser.type("#q", "恒通化工");
		browser.clickInView("#filter-submit");
		String table = browser.text("#merchant-table tbody");
		assertThat(table).contains("濮阳市恒通化工有限公司").contains("恒通化工（濮阳）有限公司");
		assertThat(browser.text("#list-total")).startsWith("共 2 条");
		browser.screenshot("merchant-search-desktop");

		browser.clickAndWait(browser.driver().findElement(By.linkText("恒通化工（濮阳）有限公司")));
		assertThat(browser.text("#merchant-name")).isEqualTo("恒通化工（濮阳）有限公司");
		assertThat(browser.text("#contacts")).contains("何永利").contains("13603931188");
		browser.screenshot("merchant-detail-desktop");

		// Registering it again under another spelling of the name is stopped, with the existing records linked.
		browser.open("/merchants");
		browser.clickInView("#new-merchant");
		browser.type("#name", "濮阳恒通化工有限公司");
		browser.selectValue("#enterpriseType", "PRIVATE");
		browser.type("#contact-0-name", "何永利");
		browser.clickInView("#save");
		assertThat(browser.path()).isEqualTo("/merchants/new");
		String duplicates = browser.text("#duplicates");
		assertThat(duplicates).contains("该企业可能已经登记").contains("濮阳市恒通化工有限公司").contains("恒通化工（濮阳）有限公司")
			.contains("名称相同");
		assertThat(browser.find("#name").getDomProperty("value")).isEqualTo("濮阳恒通化工有限公司");
		browser.screenshot("merchant-duplicate-name-desktop");
		browser.use(Browser.PHONE);
		assertThat(browser.horizontalOverflow()).isZero();
		browser.screenshot("merchant-duplicate-name-phone");
		browser.use(Browser.DESKTOP);

		// And so is another name with a USCC already registered.
		browser.type("#name", "宁夏龙丰新材料有限公司");
		browser.type("#uscc", "91410900MA45F2JK8Y");
		browser.clickInView("#save");
		assertThat(browser.text("#duplicates")).contains("濮阳龙丰化工集团有限公司").contains("信用代码相同");
		browser.clickAndWait(browser.driver().findElement(By.cssSelector("#duplicates a.alert-link")));
		assertThat(browser.text("#merchant-name")).isEqualTo("濮阳龙丰化工集团有限公司");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM merchant WHERE name IN ('濮阳恒通化工有限公司', '宁夏龙丰新材料有限公司')")
			.query(Long.class).single()).isZero();
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void merchant_pages_fit_desktop_and_phone_screens_without_console_errors() {
		long id = jdbc.sql("SELECT id FROM merchant WHERE name = '上海生源新材料科技有限公司'").query(Long.class).single();
		long foreign = jdbc.sql("SELECT id FROM merchant WHERE name = '海森化学集团'").query(Long.class).single();
		browser.signIn("admin", PASSWORD);
		List<String> problems = new ArrayList<>();
		for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
			browser.use(screen);
			browser.checkPage(problems, "merchant-list", "/merchants", "#merchant-table");
			browser.checkPage(problems, "merchant-detail-conflict", "/merchants/" + id, "#claim-conflict");
			browser.checkPage(problems, "merchant-form", "/merchants/" + foreign + "/edit", "#merchant-form");
			browser.open("/merchants/new");
			browser.clickInView("#save");
			browser.find("#form-errors");
			browser.checkPage(problems, "merchant-form-errors");
			browser.checkPage(problems, "merchant-import", "/merchants/import", "#import-form");
		}
		browser.use(Browser.DESKTOP);
		assertThat(problems).isEmpty();
	}
}
