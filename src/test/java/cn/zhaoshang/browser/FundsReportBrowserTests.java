package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.project.LedgerSheets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The funds report in headless Chromium: a unit manager imports the monthly funds workbook on /funds/import (a bad
 * one first: the error table, nothing saved), then reads the totals on /funds, in Chinese and English, at desktop
 * and phone width, without sideways overflow or console errors. Screenshots: target/screenshots/funds-*.png.
 */
@Tag("browser")
class FundsReportBrowserTests extends BrowserJourney {

	static final List<String> HEADERS = List.of("项目编号", "项目名称", "月份", "本月到位资金（万元）", "其中省外资金（万元）",
			"实际利用外资（万美元）", "完成固定资产投资（万元）", "备注");

	static Map<String, Object> row(String code, String month, Object in, Object out) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("项目编号", code);
		m.put("月份", month);
		m.put("本月到位资金（万元）", in);
		m.put("其中省外资金（万元）", out);
		m.put("实际利用外资（万美元）", 0);
		m.put("完成固定资产投资（万元）", 12.5);
		return m;
	}

	@Test
	void a_unit_manager_imports_the_monthly_report_and_reads_the_totals() throws Exception {
		String code = "FB-" + System.nanoTime() % 1_000_000_000L;
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment)
				SELECT :code, :code, MIN(m.id), :code, (SELECT id FROM unit WHERE code = 'hualong'),
				    (SELECT id FROM industry_chain WHERE code = 'chemical'), 'NEW', 'SIGNED', 'ACTIVE', 1000
				FROM merchant m""").param("code", code).update();
		YearMonth month = YearMonth.from(LocalDate.now());
		Path bad = Files.createTempFile("funds-bad", ".xlsx");
		Path good = Files.createTempFile("funds-good", ".xlsx");
		Files.write(bad, LedgerSheets.xlsx(HEADERS, List.of(row(code, month.toString(), 100, 300),
				row(code, month.plusMonths(1).toString(), 10, 0))));
		Files.write(good, LedgerSheets.xlsx(HEADERS, List.of(row(code, month.toString(), 321.5, 100))));
		List<String> problems = new ArrayList<>();
		try {
			browser.signIn("hualong", PASSWORD);
			browser.open("/funds/import");
			browser.find("#import-template");
			browser.checkPage(problems, "funds-import");
			browser.driver().findElement(By.id("import-file")).sendKeys(bad.toString());
			browser.clickAndWait("#import-submit");
			assertThat(browser.text("#import-failure")).contains("2 处错误");
			assertThat(browser.text("body")).contains("其中省外资金 300 大于本月到位资金 100").contains("晚于当前月份");
			browser.checkPage(problems, "funds-import-errors");

			browser.driver().findElement(By.id("import-file")).sendKeys(good.toString());
			browser.clickAndWait("#import-submit");
			assertThat(browser.text("#import-result")).contains("导入完成");
			browser.clickAndWait("#import-to-list");
			assertThat(browser.path()).isEqualTo("/funds");
			assertThat(browser.text("#funds-table")).contains("华龙区");
			browser.checkPage(problems, "funds");
			browser.clickAndWait(".quick-period");
			assertThat(browser.text("#funds-period")).contains(month.toString());
			browser.use(Browser.PHONE);
			browser.checkPage(problems, "funds", "/funds?groupBy=month", "#funds-table");
			browser.checkPage(problems, "funds-import", "/funds/import", "#import-form");

			browser.use(Browser.DESKTOP);
			browser.clickAndWait("#lang-en");
			browser.checkPage(problems, "funds-en", "/funds?groupBy=type", "#funds-table");
			assertThat(browser.text("#funds-table thead")).contains("Project type").contains("10k CNY");
			browser.use(Browser.PHONE);
			browser.checkPage(problems, "funds-en", "/funds?groupBy=quarter", "#funds-table");
		}
		finally {
			Files.deleteIfExists(bad);
			Files.deleteIfExists(good);
		}
		assertThat(problems).isEmpty();
	}
}
