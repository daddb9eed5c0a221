package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The home page as each demo role's inbox (issue 8), at desktop and phone width in both languages: the role's own
 * boxes are there, nothing sticks out sideways, no console errors; and the notice settings page. Screenshots
 * {@code home-<role>-<lang>-<screen>.png} land in target/screenshots (the README's come from here).
 */
class HomeBrowserTests extends BrowserJourney {

	@Test
	void every_roles_home_page_shows_its_own_boxes_and_fits_desktop_and_phone_in_both_languages() {
		Map<String, String[]> roles = new LinkedHashMap<>();
		roles.put("city", new String[] { "city", "#home-project-tasks", "#task-project-review", "#task-clue-pool" });
		roles.put("unit-manager", new String[] { "hualong", "#home-project-figures", "#task-clue-unassigned",
				"#task-project-update" });
		roles.put("staff", new String[] { "hualong.staff", "#home-clue-tasks", "#task-clue-assigned",
				"#task-project-returned" });
		roles.put("leader", new String[] { "leader", "#home-project-led", "#task-project-led",
				"#home-project-figures" });
		roles.put("intermediary", new String[] { "agent", "#home-clue-mine", "#figure-clue-NEW", "#shortcuts" });
		roles.put("viewer", new String[] { "viewer", "#home-project-figures", "#figure-stage-SIGNED", "#shortcuts" });
		List<String> problems = new ArrayList<>();
		for (String lang : List.of("zh", "en")) {
			for (var role : roles.entrySet()) {
				browser.reset();
				browser.use(Browser.DESKTOP);
				browser.signIn(role.getValue()[0], PASSWORD);
				if (lang.equals("en")) {
					browser.clickAndWait("#lang-en");
				}
				for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
					browser.use(screen);
					browser.open("/");
					String where = role.getKey() + "-" + lang + "-" + screen.name();
					browser.screenshot("home-" + where);
					for (int i = 1; i < role.getValue().length; i++) {
						if (browser.driver().findElements(org.openqa.selenium.By.cssSelector(role.getValue()[i]))
							.isEmpty()) {
							problems.add(where + ": no " + role.getValue()[i]);
						}
					}
					long overflow = browser.horizontalOverflow();
					if (overflow > 0) {
						problems.add(where + ": " + overflow + " px wider than the screen "
								+ browser.elementsStickingOut());
					}
					List<String> errors = browser.consoleErrors();
					if (!errors.isEmpty()) {
						problems.add(where + ": console " + errors);
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void a_user_switches_a_kind_of_notice_off_and_chooses_the_daily_digest() {
		browser.signIn("hualong.staff", PASSWORD);
		browser.open("/notifications");
		browser.clickAndWait("#notice-settings-link");
		assertThat(browser.path()).isEqualTo("/account/notifications");
		assertThat(browser.find("#kind-clueAssigned").isSelected()).isTrue();
		// the list of kinds grows with the modules: bring each control into view before clicking it
		browser.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", browser.find("#kind-clueAssigned"));
		browser.find("#kind-clueAssigned").click();
		browser.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", browser.find("#mail-DIGEST"));
		browser.find("#mail-DIGEST").click();
		browser.clickInView("#save");
		assertThat(browser.text("#flash")).contains("通知设置已保存");
		assertThat(browser.find("#kind-clueAssigned").isSelected()).isFalse();
		assertThat(browser.find("#mail-DIGEST").isSelected()).isTrue();
		for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
			browser.use(screen);
			assertThat(browser.horizontalOverflow()).as("overflow at %s", screen.name()).isZero();
			browser.screenshot("notice-settings-zh-" + screen.name());
		}
		assertThat(browser.consoleErrors()).isEmpty();
	}
}
