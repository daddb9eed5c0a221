package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The main journeys in a real (headless) Chromium against the running application on the Puyang demo data: sign in,
 * language switch, lock-out, administration of units and users, form errors; and every main page at desktop and
 * phone width, in Chinese and English, without sideways overflow or console errors (which is where a Content
 * Security Policy violation would show). Screenshots land in {@code target/screenshots/}.
 */
class BrowserTests extends BrowserJourney {

	@Test
	void unit_manager_signs_in_and_sees_the_home_page_in_chinese() {
		browser.open("/login");
		assertThat(browser.text(".login-title")).isEqualTo("濮阳市招商引资项目信息管理平台");
		browser.screenshot("signin-login");

		browser.signIn("hualong", PASSWORD);

		assertThat(browser.path()).isEqualTo("/");
		assertThat(browser.js("return document.documentElement.lang")).isEqualTo("zh-CN");
		assertThat(browser.text("#home-title")).contains("您好").contains("张伟");
		assertThat(browser.text("#current-user")).contains("华龙区").contains("单位负责人");
		openDropdown("组织机构");
		assertThat(browser.find("#mainNav .dropdown-menu.show").getText()).contains("单位管理");
		browser.screenshot("signin-home");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void english_chosen_with_the_language_button_stays_after_reload_and_the_next_sign_in() {
		browser.signIn("qingfeng", PASSWORD);
		assertThat(browser.text("#home-title")).contains("您好");

		browser.clickAndWait("#lang-en");
		assertThat(browser.text("#home-title")).contains("Hello");
		assertThat(browser.js("return document.documentElement.lang")).isEqualTo("en");
		assertThat(browser.text("#current-user")).contains("Unit manager");
		browser.screenshot("language-english");

		browser.driver().navigate().refresh();
		browser.waitForPage();
		assertThat(browser.text("#home-title")).contains("Hello");

		browser.signOut();
		// Forget the browser's language cookie too: only the account can remember English now.
		browser.reset();
		assertThat(browser.text(".login-title")).isEqualTo("濮阳市招商引资项目信息管理平台");
		browser.signIn("qingfeng", PASSWORD);
		assertThat(browser.text("#home-title")).contains("Hello");
		assertThat(jdbc.sql("SELECT locale FROM app_user WHERE username = 'qingfeng'").query(String.class).single())
			.isEqualTo("en");

		browser.clickAndWait("#lang-zh");
		assertThat(browser.text("#home-title")).contains("您好");
		assertThat(browser.find("#lang-en").getText()).isEqualTo("English");
		assertThat(jdbc.sql("SELECT locale FROM app_user WHERE username = 'qingfeng'").query(String.class).single())
			.isEqualTo("zh-CN");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void five_failed_sign_ins_lock_the_account_so_the_right_password_is_refused() {
		jdbc.sql("""
				INSERT INTO app_user (username, password_hash, display_name, role, unit_id, locale)
				SELECT 'lock.test', password_hash, '锁定测试', 'VIEWER', unit_id, 'zh-CN' FROM app_user
				WHERE username = 'viewer'""").update();

		for (int attempt = 1; attempt <= 5; attempt++) {
			browser.signIn("lock.test", "Wrong@2026");
			assertThat(browser.path()).isEqualTo("/login");
			if (attempt < 5) {
				assertThat(browser.text("#login-error")).contains("用户名或密码错误");
			}
		}
		browser.screenshot("lockout-fifth-failure");

		browser.signIn("lock.test", PASSWORD);

		assertThat(browser.path()).isEqualTo("/login");
		assertThat(browser.text("#login-error")).contains("锁定");
		browser.screenshot("lockout-locked");
	}

	@Test
	void admin_creates_a_unit_and_a_user_in_it_who_can_then_sign_in() {
		browser.signIn("admin", PASSWORD);
		browser.open("/org/units");
		browser.clickAndWait("#new-unit");
		assertThat(browser.text("h1")).isEqualTo("新建单位");
		browser.type("#name", "濮阳新材料产业园");
		browser.type("#shortName", "新材料园");
		browser.type("#code", "xcl-park");
		browser.selectValue("#type", "ZONE");
		browser.selectText("#parentId", "华龙区");
		browser.screenshot("admin-unit-form");

		browser.clickAndWait("#save");

		assertThat(browser.path()).matches("/org/units/\\d+");
		assertThat(browser.text("#unit-name")).isEqualTo("濮阳新材料产业园");
		assertThat(browser.text("#flash")).contains("已保存");
		assertThat(browser.bodyText()).contains("xcl-park").contains("功能区").contains("华龙区");
		browser.screenshot("admin-unit-page");
		browser.open("/org/units");
		assertThat(browser.text("#unit-table")).contains("濮阳新材料产业园");

		browser.open("/admin/users");
		browser.clickAndWait("#new-user");
		assertThat(browser.text("h1")).isEqualTo("新建用户");
		browser.type("#username", "xcl.staff");
		browser.type("#displayName", "李娜");
		browser.selectValue("#role", "UNIT_STAFF");
		browser.selectText("#unitId", "濮阳新材料产业园");
		browser.type("#phone", "0393-8990555");
		browser.type("#password", "Xcl@2026park");
		browser.screenshot("admin-user-form");

		browser.clickAndWait("#save");

		assertThat(browser.path()).matches("/admin/users/\\d+");
		assertThat(browser.text("h1")).contains("李娜").contains("xcl.staff");
		assertThat(browser.text("dl.fields")).contains("濮阳新材料产业园").contains("单位工作人员");
		browser.screenshot("admin-user-page");
		browser.open("/admin/users?q=xcl");
		assertThat(browser.text("#user-table")).contains("xcl.staff").contains("濮阳新材料产业园");

		browser.signOut();
		browser.signIn("xcl.staff", "Xcl@2026park");
		assertThat(browser.path()).isEqualTo("/");
		assertThat(browser.text("#home-title")).contains("李娜").contains("您好");
		assertThat(browser.text("#current-user")).contains("濮阳新材料产业园");
		browser.screenshot("admin-new-user-home");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void saving_empty_forms_names_each_missing_field_in_chinese() {
		browser.signIn("admin", PASSWORD);
		browser.open("/org/units/new");

		browser.clickAndWait("#save");

		assertThat(browser.path()).isEqualTo("/org/units/new");
		assertThat(browser.text("#form-errors")).contains("请修改以下内容后再保存").contains("名称：不能为空")
			.contains("代码：不能为空");
		assertThat(browser.text("#name-feedback")).isEqualTo("名称：不能为空");
		assertThat(browser.find("#name").getDomAttribute("class")).contains("is-invalid");
		browser.screenshot("errors-unit-form");

		browser.open("/admin/users/new");
		browser.clickAndWait("#save");
		assertThat(browser.text("#form-errors")).contains("用户名：不能为空").contains("姓名：不能为空");
		for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
			browser.use(screen);
			assertThat(browser.horizontalOverflow()).as("overflow at %s", screen.name()).isZero();
			browser.screenshot("errors-user-form-zh-" + screen.name());
		}

		browser.use(Browser.DESKTOP);
		browser.clickAndWait("#lang-en");
		browser.open("/admin/users/new");
		browser.clickAndWait("#save");
		assertThat(browser.text("#form-errors")).contains("User name: must not be empty");
		browser.screenshot("errors-user-form-en-desktop");
	}

	@Test
	void navigation_dropdowns_open_on_desktop_and_the_menu_folds_behind_the_toggler_on_a_phone() {
		browser.signIn("admin", PASSWORD);
		assertThat(browser.driver().findElement(By.cssSelector(".navbar-toggler")).isDisplayed()).isFalse();
		openDropdown("系统管理");
		WebElement menu = browser.find("#mainNav .dropdown-menu.show");
		assertThat(menu.getText()).contains("用户管理").contains("审计日志");
		browser.screenshot("nav-desktop-dropdown");
		browser.clickAndWait(menu.findElement(By.linkText("用户管理")));
		assertThat(browser.path()).isEqualTo("/admin/users");

		browser.use(Browser.PHONE);
		browser.open("/");
		WebElement toggler = browser.find(".navbar-toggler");
		WebElement brand = browser.find(".navbar-brand");
		assertThat(toggler.getRect().getY()).as("toggler beside the platform name, not under it")
			.isLessThan(brand.getRect().getY() + brand.getRect().getHeight());
		assertThat(browser.driver().findElement(By.id("mainNav")).isDisplayed()).isFalse();
		toggler.click();
		browser.await().until(d -> d.findElement(By.id("mainNav")).getDomAttribute("class").contains("collapse show"));
		openDropdown("组织机构");
		assertThat(browser.find("#mainNav .dropdown-menu.show").getText()).contains("单位管理");
		assertThat(browser.find("#logout").isDisplayed()).isTrue();
		assertThat(browser.horizontalOverflow()).isZero();
		browser.screenshot("nav-phone-open");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void main_pages_fit_desktop_and_phone_screens_in_both_languages_without_console_errors() {
		long hualong = jdbc.sql("SELECT id FROM unit WHERE code = 'hualong'").query(Long.class).single();
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("home", "/");
		pages.put("users", "/admin/users");
		pages.put("user-form", "/admin/users/new");
		pages.put("units", "/org/units");
		pages.put("unit", "/org/units/" + hualong);
		pages.put("people", "/org/people");
		pages.put("audit", "/admin/audit");
		pages.put("password", "/account/password");
		pages.put("merchants", "/merchants");
		pages.put("merchant", "/merchants/" + jdbc.sql("SELECT MIN(id) FROM merchant").query(Long.class).single());
		pages.put("merchant-form", "/merchants/new");
		pages.put("error-404", "/no-such-page");
		long talent = jdbc.sql("SELECT id FROM talent WHERE name = '王立新'").query(Long.class).single();
		pages.put("talents", "/talents");
		pages.put("talent", "/talents/" + talent);
		pages.put("talent-form", "/talents/" + talent + "/edit");
		pages.put("settings", "/admin/settings");
		pages.put("setting-form", "/admin/settings/clue.staleAfterDays");
		pages.put("notifications", "/notifications");
		pages.put("notice-settings", "/account/notifications");
		// a stale clue (as the daily job leaves it) on the clue list, the Kanban and its page
		long staleClue = jdbc.sql("SELECT MIN(id) FROM clue WHERE status IN ('NEW', 'FOLLOWING', 'CONFIRMED')")
			.query(Long.class).single();
		jdbc.sql("UPDATE clue SET stale_since = CURRENT_TIMESTAMP WHERE id = ?").param(staleClue).update();
		pages.put("clues-stale", "/clues?stale=true");
		pages.put("clue-board-stale", "/clues/board?stale=true");
		pages.put("clue-stale", "/clues/" + staleClue);
		// a notice with a long title, so the bell shows a count and the list has something to lay out
		jdbc.sql("INSERT INTO notification (recipient_id, subject_key, title, body, link, created_at) SELECT id, "
				+ "'clue.stale.notice', '线索“濮阳市某某新材料科技有限公司年产十万吨高性能树脂项目”已 31 天未跟进', "
				+ "'该线索最近一次跟进是在 2026-01-05，已超过系统设置的期限。', '/notifications', CURRENT_TIMESTAMP "
				+ "FROM app_user WHERE username = 'admin'").update();
		long clue = jdbc.sql("SELECT MIN(id) FROM clue WHERE status = 'CONFIRMED'").query(Long.class).single();
		pages.put("clues", "/clues");
		pages.put("clue-board", "/clues/board");
		pages.put("clue", "/clues/" + clue);
		pages.put("clue-form", "/clues/new");
		pages.put("clue-import", "/clues/import");
		// the ledger, its grouped view and (switched on the page, remembered for the session) its compact density
		pages.put("ledger", "/projects");
		pages.put("ledger-grouped", "/projects/groups");
		pages.put("ledger-compact", "/projects");

		List<String> problems = new ArrayList<>();
		for (String lang : List.of("zh", "en")) {
			browser.reset();
			if (lang.equals("en")) {
				browser.clickAndWait("#lang-en");
			}
			for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
				browser.use(screen);
				browser.open("/login");
				check(problems, "login", lang, screen);
			}
			browser.use(Browser.DESKTOP);
			browser.signIn("admin", PASSWORD);
			if (lang.equals("en")) {
				// the account's own language (Chinese) applies after sign-in; switch it for this walk-through
				browser.clickAndWait("#lang-en");
			}
			for (var page : pages.entrySet()) {
				for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
					browser.use(screen);
					browser.open(page.getValue());
					if (page.getKey().equals("ledger-compact")) {
						browser.clickAndWait("#density-compact");
					}
					check(problems, page.getKey(), lang, screen);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	private void check(List<String> problems, String page, String lang, Browser.Screen screen) {
		String where = page + "-" + lang + "-" + screen.name();
		browser.screenshot("pages-" + where);
		Object langAttr = browser.js("return document.documentElement.lang");
		if (!langAttr.equals(lang.equals("zh") ? "zh-CN" : "en")) {
			problems.add(where + ": page language is " + langAttr);
		}
		long overflow = browser.horizontalOverflow();
		if (overflow > 0) {
			problems.add(where + ": " + overflow + " px wider than the screen " + browser.elementsStickingOut());
		}
		// a table that scrolls sideways inside its card hides its last columns even when the page fits
		List<String> clipped = browser.clippedBoxes();
		if (!clipped.isEmpty()) {
			problems.add(where + ": content wider than its box " + clipped);
		}
		if (!Boolean.TRUE.equals(browser.js("return typeof bootstrap === 'object' && typeof htmx === 'object'"))) {
			problems.add(where + ": Bootstrap or htmx did not load");
		}
		List<String> errors = browser.consoleErrors()
			.stream()
			// the 404 page reports its own status to the console; that one is expected
			.filter(e -> !(page.equals("error-404") && e.contains("404")))
			.toList();
		if (!errors.isEmpty()) {
			problems.add(where + ": console " + errors);
		}
	}

	private void openDropdown(String label) {
		browser.openNavGroup(label);
	}
}
