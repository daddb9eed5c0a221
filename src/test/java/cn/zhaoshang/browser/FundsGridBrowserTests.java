package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.internal.CreateProject;
import cn.zhaoshang.project.internal.ProjectDetails;
import cn.zhaoshang.support.Demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A unit's monthly funds grid (issue 10) in a real browser: a wrong row refuses the whole save and shows its error in
 * place, the corrected grid saves every changed row and the completeness bar moves; nothing sticks out sideways at
 * 1280 and 390 px in either language. Screenshots: docs/screenshots/funds-grid-*.png.
 */
class FundsGridBrowserTests extends BrowserJourney {

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	CreateProject createProject;

	@Test
	void the_grid_saves_all_rows_or_none_and_shows_errors_in_place_on_desktop_and_phone() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 4);
		long hualong = Demo.unit(jdbc, "hualong");
		long chain = Demo.chain(jdbc, "new-materials");
		long a;
		long b;
		try {
			var staff = Demo.signIn(accounts, "hualong.staff");
			a = project(staff, "资金月报甲项目" + tag, hualong, chain);
			b = project(staff, "资金月报乙项目" + tag, hualong, chain);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		String month = YearMonth.now().minusMonths(1).toString();
		String rowA = "tr[data-project='" + a + "'] ";
		String rowB = "tr[data-project='" + b + "'] ";

		browser.reset();
		browser.signIn("hualong", PASSWORD);
		browser.open("/funds/grid");
		assertThat(browser.find("#grid-month").getAttribute("value")).isEqualTo(month);
		String before = browser.text("#funds-completeness");
		browser.type(rowA + "input[name$='.fundsInPlace']", "100");
		browser.type(rowA + "input[name$='.outOfProvince']", "120");
		browser.type(rowB + "input[name$='.fundsInPlace']", "50");
		browser.type(rowB + "input[name$='.note']", "设备款");
		browser.clickInView("#save-grid");
		assertThat(browser.text("#grid-rejected")).contains("未保存任何一行");
		assertThat(browser.text(rowA + ".grid-amount:nth-of-type(3)")).contains("其中省外资金（万元）：不能大于本月到位资金");
		// what was typed stays in place
		assertThat(browser.find(rowB + "input[name$='.fundsInPlace']").getAttribute("value")).isEqualTo("50");
		assertThat(count(a) + count(b)).isZero();
		List<String> problems = new ArrayList<>();
		browser.checkPage(problems, "funds-grid-errors-zh");
		copy("funds-grid-errors-zh-desktop", "funds-grid-errors-1280-zh");

		browser.type(rowA + "input[name$='.outOfProvince']", "20");
		browser.clickInView("#save-grid");
		assertThat(browser.bodyText()).contains("本月到位资金已保存");
		assertThat(count(a)).isEqualTo(1);
		assertThat(count(b)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT paid_in_investment FROM project WHERE id = ?").param(b).query(BigDecimal.class)
			.single()).isEqualByComparingTo("50");
		assertThat(browser.text("#funds-completeness")).isNotEqualTo(before);
		assertThat(browser.find(rowB + "input[name$='.note']").getAttribute("value")).isEqualTo("设备款");

		for (String lang : List.of("zh", "en")) {
			if (lang.equals("en")) {
				browser.use(Browser.DESKTOP);
				browser.open("/funds/grid");
				browser.clickAndWait("#lang-en");
			}
			for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
				browser.use(screen);
				browser.checkPage(problems, "funds-grid-" + lang, "/funds/grid?month=" + month, "#funds-grid");
			}
		}
		copy("funds-grid-zh-desktop", "funds-grid-1280-zh");
		copy("funds-grid-zh-phone", "funds-grid-390-zh");
		copy("funds-grid-en-desktop", "funds-grid-1280-en");
		copy("funds-grid-en-phone", "funds-grid-390-en");
		// the project page's funds section shows the month and the total
		browser.use(Browser.PHONE);
		browser.open("/projects/" + b);
		assertThat(browser.text("#funds")).contains(month).contains("50.00");
		browser.js("document.getElementById('funds').scrollIntoView()");
		browser.checkPage(problems, "funds-project-en");
		copy("funds-project-en-phone", "funds-project-390-en");
		assertThat(problems).isEmpty();
	}

	private long project(cn.zhaoshang.platform.CurrentUser user, String name, long unit, long chain) {
		return createProject.execute(new ProjectDetails(name, name.replace("项目", "有限公司"), null, unit, null, null, chain,
				null, ProjectType.NEW, null, new BigDecimal("1000"), null, null, null, null, null, null, false, null,
				null, null, null, null), user).id().value();
	}

	private long count(long project) {
		return jdbc.sql("SELECT COUNT(*) FROM project_funds WHERE project_id = ?").param(project).query(Long.class)
			.single();
	}

	/** The screenshot kept in the docs (target/screenshots is thrown away). */
	private static void copy(String shot, String as) throws Exception {
		Path from = Path.of("target/screenshots", shot + ".png");
		Path docs = Path.of("docs/screenshots");
		Files.createDirectories(docs);
		Files.copy(from, docs.resolve(as + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}
}
