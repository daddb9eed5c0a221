package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Issue 14's materials, approvals and evaluation on the project page in a real browser (demo project
 * PY-2026-00001 of 华龙区): the checklist shows two items accepted on commitment, one overdue and flagged to the
 * chief attendant; the fire approval past its limit shows red with the days counted; the project fails the
 * tax-per-亩 threshold and shows the reasons; the chief attendant's desk lists it first. Both pages fit 1280 and 390
 * px in Chinese. Screenshots {@code target/screenshots/service-*}, copied to {@code docs/screenshots/}.
 */
class ServiceApprovalBrowserTests extends BrowserJourney {

	@Test
	void the_project_page_shows_commitments_overdue_approvals_and_the_failed_evaluation() throws IOException {
		long id = jdbc.sql("SELECT id FROM project WHERE code = 'PY-2026-00001'").query(Long.class).single();
		List<String> problems = new ArrayList<>();
		browser.signIn("hualong", PASSWORD);
		browser.open("/projects/" + id);
		browser.await().until(d -> !browser.all("#project-service").isEmpty());

		// two items accepted on commitment, one of them overdue and flagged
		assertThat(browser.all("#materials tr[data-status='MISSING_COMMITTED']")).hasSize(2);
		var overdue = browser.all("#materials tr.table-danger");
		assertThat(overdue).hasSize(1);
		assertThat(overdue.get(0).getText()).contains("用地预审意见").contains("已逾期 6 天").contains("已提醒首席服务员");
		assertThat(browser.text("#materials .card-header")).contains("1 项承诺逾期");

		// the fire approval: submitted 40 days ago with a 15-day limit, 25 days over, in red
		var late = browser.find("#approvals tr[data-kind='FIRE']");
		assertThat(late.getAttribute("class")).contains("table-danger");
		assertThat(late.getText()).contains("超期 25 天");
		assertThat(browser.find("#approvals tr[data-kind='PLANNING']").getAttribute("class")).doesNotContain("danger");
		assertThat(browser.all("#approval-timeline .timeline-track")).hasSize(6);

		// 1800 万元 tax on 210 亩 = 8.57 per 亩 against 华龙区's 15
		assertThat(browser.find("#evaluation [data-result]").getAttribute("data-result")).isEqualTo("FAIL");
		assertThat(browser.text("#evaluation")).contains("评价未通过").contains("亩均税收（万元/亩） 为 8.57，低于华龙区门槛（第 ")
			.contains("适用门槛：华龙区自定门槛");

		// the chief attendant's desk: 张伟 (this account) serves it, with one overdue commitment and approval
		browser.open("/service/attendant");
		var row = browser.all("#served tbody tr").stream().filter(r -> r.getText().contains("PY-2026-00001"))
			.findFirst().orElseThrow();
		assertThat(row.getAttribute("class")).contains("table-warning");
		browser.selectValue("#kind", "PROBLEM_SOLVED");
		browser.type("#content", "协调供电公司完成线路迁改方案");
		browser.clickInView("#log-form button[type=submit]");
		assertThat(browser.text("#log-form")).contains("解决问题后须记录企业满意度");
		browser.selectValue("#satisfaction", "SATISFIED");
		browser.clickInView("#log-form button[type=submit]");
		assertThat(browser.text("#service-log")).contains("协调供电公司完成线路迁改方案").contains("满意");

		browser.consoleErrors();
		for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
			browser.use(screen);
			browser.open("/projects/" + id);
			browser.await().until(d -> !browser.all("#project-service").isEmpty());
			// the service block on its own, under the page's title (the ledger's own sections are shot elsewhere)
			browser.js("""
					var keep = document.getElementById('project-service');
					var main = keep.parentElement;
					Array.from(main.children).forEach(function (el, i) {
					  if (el !== keep && i > 0) { el.style.display = 'none'; }
					});""");
			browser.checkPage(problems, "service-project-zh");
			browser.checkPage(problems, "service-attendant-zh", "/service/attendant", "#served");
		}
		assertThat(problems).isEmpty();

		Path docs = Path.of("docs", "screenshots");
		Files.createDirectories(docs);
		for (String name : List.of("service-project-zh-desktop", "service-project-zh-phone",
				"service-attendant-zh-desktop", "service-attendant-zh-phone")) {
			Files.copy(Path.of("target", "screenshots", name + ".png"), docs.resolve(name + ".png"),
					StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
