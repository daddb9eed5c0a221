package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 8's last daily-use fixes in a real browser, at desktop and phone width in both languages: the person form
 * picks the person's own account from the unit's accounts (by name or login), the home page's "assigned to me"
 * opens the list of open clues only, and the settings page reads the evidence rules out as kind labels. Nothing
 * sticks out sideways; screenshots {@code daily-*} land in target/screenshots.
 */
class DailyUseBrowserTests extends BrowserJourney {

	@Test
	void the_person_form_offers_the_units_accounts_by_name_and_login() {
		browser.signIn("hualong", PASSWORD);
		List<String> problems = new ArrayList<>();
		for (String lang : List.of("zh", "en")) {
			if (lang.equals("en")) {
				browser.use(Browser.DESKTOP); // the language button is in the top bar, folded away on a phone
				browser.clickAndWait("#lang-en");
			}
			for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
				browser.use(screen);
				browser.checkPage(problems, "daily-person-form-" + lang, "/org/people/new", "#account");
			}
		}
		assertThat(browser.find("#account").getAttribute("list")).isEqualTo("account-options");
		var options = browser.driver().findElements(By.cssSelector("#account-options option"));
		assertThat(options).extracting(o -> o.getAttribute("value")).contains("hualong.staff")
			.doesNotContain("qingfeng", "admin");
		assertThat(options).extracting(o -> o.getAttribute("textContent")).anyMatch(t -> t.startsWith("刘洋 (hualong.staff)"));
		assertThat(problems).isEmpty();
	}

	@Test
	void assigned_to_me_on_the_home_page_opens_the_open_clues_only() {
		browser.signIn("hualong.staff", PASSWORD);
		List<String> problems = new ArrayList<>();
		browser.use(Browser.PHONE);
		browser.open("/");
		String count = browser.text("#task-clue-assigned .task-count");
		browser.clickAndWait("#task-clue-assigned");
		assertThat(browser.path()).isEqualTo("/clues");
		assertThat(browser.find("#f-open").isSelected()).isTrue();
		assertThat(browser.driver().findElements(By.cssSelector("a.clue-link"))).hasSize(Integer.parseInt(count));
		browser.checkPage(problems, "daily-assigned-clues-zh");
		browser.use(Browser.DESKTOP);
		browser.checkPage(problems, "daily-assigned-clues-zh");
		assertThat(problems).isEmpty();
	}

	@Test
	void the_settings_page_shows_the_evidence_rules_as_kind_labels() {
		browser.signIn("city", PASSWORD);
		List<String> problems = new ArrayList<>();
		for (String lang : List.of("zh", "en")) {
			if (lang.equals("en")) {
				browser.use(Browser.DESKTOP); // the language button is in the top bar, folded away on a phone
				browser.clickAndWait("#lang-en");
			}
			for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
				browser.use(screen);
				browser.checkPage(problems, "daily-settings-" + lang, "/admin/settings", "#setting-list");
				String rule = browser.text("#setting-ledger\\.evidence\\.COMMENCED .setting-value");
				assertThat(rule).contains(lang.equals("zh") ? "施工许可证、现场照片" : "Construction permit, Site photo")
					.contains("CONSTRUCTION_PERMIT,SITE_PHOTO");
			}
		}
		assertThat(problems).isEmpty();
	}
}
