package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The enterprise service pages added after the first round of issue 14, in a real browser at 1280 and 390 px in
 * Chinese: the demo land stock, the land import refusing a sheet with its errors listed by row and column and then
 * importing a good one; an appeal's attachment uploaded on its page, the appeal list with its export, the service days
 * and a day's problems, the approval medians. Screenshots {@code target/screenshots/service-*}.
 */
class ServiceBrowserTests extends BrowserJourney {

	@Test
	void the_demo_land_stock_shows_and_a_sheet_of_parcels_imports_after_its_errors_are_listed() throws Exception {
		List<String> problems = new ArrayList<>();
		browser.signIn("city", PASSWORD);
		browser.open("/sites/land?unit=" + unit("park"));
		assertThat(browser.text("#land-table")).contains("工业园区东区1号地块", "工业园区北区5号地块", "已预留");

		browser.open("/sites/land/import");
		browser.find("#import-file").sendKeys(sheet("land-bad", List.of("濮阳工业园区", "导入测试地块", "abc", "住宅"),
				List.of("不存在区", "导入测试地块2", "12", "工业")).toString());
		browser.clickAndWait("#import-submit");
		assertThat(browser.text("#import-errors")).contains("面积（亩）", "须为数字", "系统中没有名为“不存在区”的单位");
		for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
			browser.use(screen);
			browser.checkPage(problems, "service-land-import-errors-zh");
		}
		browser.use(Browser.DESKTOP);
		browser.open("/sites/land/import");
		browser.find("#import-file").sendKeys(sheet("land-good", List.of("濮阳工业园区", "导入测试地块", "66", "工业"))
			.toString());
		browser.clickAndWait("#import-submit");
		assertThat(browser.text("#import-result")).contains("新登记 1 条");
		for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
			browser.use(screen);
			browser.checkPage(problems, "service-land-list-zh", "/sites/land", "#land-table");
			browser.checkPage(problems, "service-factory-list-zh", "/sites/factories", "#factory-table");
		}
		browser.use(Browser.DESKTOP);
		assertThat(problems).isEmpty();
	}

	@Test
	void an_appeal_gets_an_attachment_and_the_service_day_and_approval_pages_fit() throws Exception {
		List<String> problems = new ArrayList<>();
		browser.signIn("city", PASSWORD);
		long appeal = jdbc.sql("SELECT MIN(id) FROM appeal").query(Long.class).single();
		browser.open("/appeals/" + appeal);
		Path pdf = Files.createTempFile("letter", ".pdf");
		Files.write(pdf, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		pdf.toFile().deleteOnExit();
		browser.find("#document-file").sendKeys(pdf.toString());
		browser.clickAndWait("#document-submit");
		assertThat(browser.text("#document-list")).contains(pdf.getFileName().toString());
		for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
			browser.use(screen);
			browser.checkPage(problems, "service-appeal-zh", "/appeals/" + appeal, "#documents");
			browser.checkPage(problems, "service-appeals-zh", "/appeals", "#export-appeals");
			browser.checkPage(problems, "service-days-zh", "/service-days", "#service-day-table");
			long day = jdbc.sql("SELECT MIN(id) FROM service_day").query(Long.class).single();
			browser.checkPage(problems, "service-day-zh", "/service-days/" + day, "#service-day-problems");
			browser.checkPage(problems, "service-medians-zh", "/approvals/medians", "#medians-table");
		}
		browser.use(Browser.DESKTOP);
		assertThat(problems).isEmpty();
	}

	@Test
	void a_stake_and_a_need_are_changed_on_their_forms_and_a_service_day_is_recorded_naming_what_is_refused()
			throws Exception {
		List<String> problems = new ArrayList<>();
		long project = jdbc.sql("SELECT MIN(id) FROM project WHERE status = 'ACTIVE'").query(Long.class).single();
		long unit = jdbc.sql("SELECT unit_id FROM project WHERE id = ?").param(project).query(Long.class).single();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO equity_stake (project_id, unit_id, vehicle, amount, share_pct, invested_on, exit_plan)"
				+ " VALUES (?, ?, '濮阳市产业投资集团有限公司', 3000, 15, DATE '2026-03-01', '项目投产三年后按协议回购退出')")
			.params(project, unit).update(keys, "id");
		long stake = keys.getKey().longValue();
		keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO financing_need (project_id, unit_id, amount, purpose, status)"
				+ " VALUES (?, ?, 8000, '二期厂房建设及设备购置', 'OPEN')").params(project, unit).update(keys, "id");
		long need = keys.getKey().longValue();
		browser.signIn("city", PASSWORD);
		browser.open("/finance/equity/" + stake);
		browser.clickAndWait("#edit-stake");
		browser.type("#stakeAmount", "0");
		browser.clickAndWait("#stake-edit-submit");
		assertThat(browser.text("#stakeAmount-feedback")).contains("出资金额");
		shoot(problems, "service-stake-edit-refused-zh");
		browser.type("#stakeAmount", "3500");
		browser.clickAndWait("#stake-edit-submit");
		assertThat(browser.text("#stake-facts")).contains("3,500.00");
		shoot(problems, "service-stake-zh");

		browser.open("/finance/needs/" + need);
		browser.clickAndWait("#edit-need");
		shoot(problems, "service-need-edit-zh");
		browser.type("#purpose", "二期厂房建设");
		browser.clickAndWait("#need-edit-submit");
		assertThat(browser.bodyText()).contains("二期厂房建设");

		browser.open("/service-days");
		browser.clickAndWait("#new-service-day");
		browser.selectValue("#unitId", String.valueOf(unit("park")));
		browser.type("#dayTitle", "工业园区新材料企业服务日");
		browser.type("#enterprises", "河南豫工重型装备有限公司\n不存在的企业甲");
		browser.type("#problemContent-0", "蒸汽管网未接通，影响试生产");
		browser.clickInView("#service-day-submit");
		assertThat(browser.bodyText()).contains("不存在的企业甲", "第 1 行须同时填写问题内容和责任单位");
		shoot(problems, "service-day-form-refused-zh");
		browser.type("#enterprises", "河南豫工重型装备有限公司");
		browser.type("#problemOwner-0", "濮阳工业园区管委会");
		browser.clickInView("#service-day-submit");
		assertThat(browser.text("#service-day-problems")).contains("蒸汽管网未接通", "濮阳工业园区管委会");
		assertThat(problems).isEmpty();
	}

	@Test
	void the_evaluation_thresholds_page_fits_and_the_service_pages_read_in_english() throws Exception {
		List<String> problems = new ArrayList<>();
		browser.signIn("city", PASSWORD);
		browser.open("/evaluation-thresholds");
		assertThat(browser.text("#city-thresholds")).contains("全市默认门槛");
		assertThat(browser.text("#unit-thresholds")).contains("濮阳工业园区", "华龙区", "自定门槛");
		shoot(problems, "service-thresholds-zh");
		browser.open("/evaluation-thresholds/edit?unit=" + unit("hualong"));
		assertThat(browser.bodyText()).contains("华龙区评价门槛", "留空则按全市默认");
		shoot(problems, "service-threshold-form-zh");

		// English (the account's language switched for this walk-through; reset after the journey)
		browser.clickAndWait("#lang-en");
		long appeal = jdbc.sql("SELECT MIN(id) FROM appeal").query(Long.class).single();
		long day = jdbc.sql("SELECT MIN(id) FROM service_day").query(Long.class).single();
		long project = jdbc.sql("SELECT id FROM project WHERE code = 'PY-2026-00001'").query(Long.class).single();
		var pages = new java.util.LinkedHashMap<String, String>();
		pages.put("land", "/sites/land");
		pages.put("factories", "/sites/factories");
		pages.put("stock", "/sites/stock");
		pages.put("appeals", "/appeals");
		pages.put("appeal", "/appeals/" + appeal);
		pages.put("appeal-new", "/appeals/new");
		pages.put("days", "/service-days");
		pages.put("day", "/service-days/" + day);
		pages.put("finance", "/finance");
		pages.put("needs", "/finance/needs");
		pages.put("thresholds", "/evaluation-thresholds");
		pages.put("project", "/projects/" + project);
		for (var page : pages.entrySet()) {
			browser.open(page.getValue());
			assertThat(browser.js("return document.documentElement.lang")).as(page.getKey()).isEqualTo("en");
			shoot(problems, "service-" + page.getKey() + "-en");
		}
		assertThat(problems).isEmpty();
	}

	long unit(String code) {
		return jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", code).query(Long.class).single();
	}

	/** A land sheet (unit, name, area, planned use) in a temporary file, for the browser's file input. */
	@SafeVarargs
	static Path sheet(String name, List<String>... rows) throws Exception {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet();
			List<String> headers = List.of("所属单位", "名称", "面积（亩）", "规划用途");
			var header = sheet.createRow(0);
			for (int c = 0; c < headers.size(); c++) {
				header.createCell(c).setCellValue(headers.get(c));
			}
			for (int r = 0; r < rows.length; r++) {
				var row = sheet.createRow(r + 1);
				for (int c = 0; c < rows[r].size(); c++) {
					row.createCell(c).setCellValue(rows[r].get(c));
				}
			}
			workbook.write(out);
			Path file = Files.createTempFile(name, ".xlsx");
			Files.write(file, out.toByteArray());
			file.toFile().deleteOnExit();
			return file;
		}
	}
}
