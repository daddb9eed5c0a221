package cn.zhaoshang.service.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.Pages;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/**
 * The land and factory imports (issue 14) on H2 and PostgreSQL: the templates' headers and help, a valid sheet
 * registering parcels with chains and infrastructure (audited), importing again changing one and leaving the other,
 * all-or-nothing with each error named by row, column and reason in Chinese, a unit's scope, and the factory import
 * through its page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SiteImportTests {

	static final List<String> LAND = List.of("所属单位", "名称", "园区", "面积（亩）", "规划用途", "产业链", "通水", "通水日期",
			"通电", "价格（万元/亩）", "备注");

	static final List<String> FACTORY = List.of("所属单位", "名称", "园区", "建筑面积（平方米）", "层数", "行车", "行车吨位",
			"租金（元/平方米·月）");

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void the_templates_have_the_chinese_headers_required_ones_first_and_a_help_sheet() throws Exception {
		for (String url : List.of("/sites/land/import/template.xlsx", "/sites/factories/import/template.xlsx")) {
			var response = mvc.perform(get(url).with(Pages.as(accounts, "hualong"))).andReturn().getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
				List<String> headers = cells(workbook.getSheetAt(0).getRow(0));
				assertThat(headers).startsWith("所属单位", "名称", "园区");
				assertThat(headers).contains(url.contains("land") ? "面积（亩）" : "建筑面积（平方米）");
				assertThat(workbook.getSheetName(1)).isEqualTo("填写说明");
				assertThat(workbook.getSheetAt(2).getRow(1).getCell(0).getStringCellValue()).isEqualTo("濮阳工业园区");
			}
		}
		var staff = mvc.perform(get("/sites/land/import").with(Pages.as(accounts, "hualong"))).andReturn().getResponse();
		assertThat(staff.getContentAsString(StandardCharsets.UTF_8)).contains("导入净地", "/sites/land/import/template.xlsx");
	}

	@Test
	void a_valid_sheet_registers_the_parcels_and_importing_again_changes_only_what_differs() throws Exception {
		String a = Pages.unique("导入东区地块");
		String b = Pages.unique("导入华龙地块");
		byte[] file = workbook(LAND,
				List.of("濮阳工业园区", a, "濮阳工业园区化工园", "120", "工业", "化工、新材料", "是", "2026-03-31", "否", "19.5", "已平整"),
				List.of("华龙区", b, "", "45.25", "仓储", "", "否", "", "是", "", ""));
		String result = importApi("city", "/api/v1/land-parcels/import", file, 200);
		assertThat((Integer) JsonPath.read(result, "$.created")).isEqualTo(2);

		var parcel = jdbc.sql("SELECT id, area_mu, planned_use, water_ready, water_date, power_ready, price, status, "
				+ "unit_id FROM land_parcel WHERE name = :n").param("n", a).query().singleRow();
		assertThat((BigDecimal) parcel.get("area_mu")).isEqualByComparingTo("120");
		assertThat(parcel.get("planned_use")).isEqualTo("INDUSTRIAL");
		assertThat(parcel.get("water_ready")).isEqualTo(true);
		assertThat(parcel.get("water_date").toString()).isEqualTo("2026-03-31");
		assertThat(parcel.get("power_ready")).isEqualTo(false);
		assertThat((BigDecimal) parcel.get("price")).isEqualByComparingTo("19.5");
		assertThat(parcel.get("status")).isEqualTo("AVAILABLE");
		assertThat(((Number) parcel.get("unit_id")).longValue()).isEqualTo(unit("park"));
		long id = ((Number) parcel.get("id")).longValue();
		assertThat(jdbc.sql("SELECT c.code FROM land_parcel_chain l JOIN industry_chain c ON c.id = l.chain_id "
				+ "WHERE l.parcel_id = :id ORDER BY c.code").param("id", id).query(String.class).list())
			.containsExactly("chemical", "new-materials");
		assertThat(audits("landParcel", id, "CREATE")).isEqualTo(1);
		assertThat(jdbc.sql("SELECT planned_use FROM land_parcel WHERE name = :n").param("n", b).query(String.class)
			.single()).isEqualTo("WAREHOUSE");

		byte[] again = workbook(LAND,
				List.of("濮阳工业园区", a, "濮阳工业园区化工园", "130", "工业", "化工、新材料", "是", "2026-03-31", "否", "19.50", "已平整"),
				List.of("华龙区", b, "", "45.25", "仓储", "", "否", "", "是", "", ""));
		String second = importApi("city", "/api/v1/land-parcels/import", again, 200);
		assertThat((Integer) JsonPath.read(second, "$.created")).isZero();
		assertThat((Integer) JsonPath.read(second, "$.updated")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(second, "$.unchanged")).isEqualTo(1);
		assertThat(jdbc.sql("SELECT area_mu FROM land_parcel WHERE id = :id").param("id", id).query(BigDecimal.class)
			.single()).isEqualByComparingTo("130");
		assertThat(audits("landParcel", id, "UPDATE")).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM land_parcel WHERE name IN (:n)").param("n", List.of(a, b))
			.query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void a_sheet_with_errors_names_each_by_row_and_column_in_chinese_and_saves_nothing() throws Exception {
		String good = Pages.unique("正确地块");
		String other = Pages.unique("错误地块");
		byte[] file = workbook(LAND,
				List.of("濮阳工业园区", good, "", "80", "工业", "", "", "", "", "", ""),
				List.of("不存在区", other, "", "abc", "住宅", "不存在链", "也许", "2026/13/01", "", "-1", ""),
				List.of("濮阳工业园区", good, "", "10", "工业", "", "", "", "", "", ""),
				List.of("华龙区", "", "", "0", "", "", "", "", "", "", ""));
		String body = importApi("city", "/api/v1/land-parcels/import", file, 422);
		List<Map<String, Object>> errors = JsonPath.read(body, "$.errors");
		List<String> found = new ArrayList<>();
		errors.forEach(e -> found.add(e.get("row") + "|" + e.get("column") + "|" + e.get("message")));
		assertThat(found).contains("3|所属单位|系统中没有名为“不存在区”的单位", "3|面积（亩）|须为数字",
				"3|规划用途|只能填写：工业、仓储、商业、其他", "3|产业链|系统中没有名为“不存在链”的产业链", "3|通水|只能填写“是”或“否”",
				"3|价格（万元/亩）|不能为负数", "4|名称|与第 2 行重复", "5|名称|不能为空", "5|面积（亩）|须大于 0",
				"5|规划用途|不能为空");
		assertThat(found).anyMatch(e -> e.startsWith("3|通水日期|须为 yyyy-MM-dd 格式"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM land_parcel WHERE name IN (:n)").param("n", List.of(good, other))
			.query(Long.class).single()).isZero();

		// a unit registers only its own land
		byte[] foreign = workbook(LAND, List.of("濮阳工业园区", Pages.unique("越权地块"), "", "50", "工业", "", "", "", "", "", ""));
		String refused = importApi("hualong", "/api/v1/land-parcels/import", foreign, 422);
		assertThat((String) JsonPath.read(refused, "$.errors[0].message")).contains("无权为“濮阳工业园区”登记");
		assertThat((Integer) JsonPath.read(refused, "$.errors[0].row")).isEqualTo(2);
	}

	@Test
	void factories_import_through_the_page_and_a_bad_floor_count_is_refused() throws Exception {
		String name = Pages.unique("导入标准厂房");
		byte[] bad = workbook(FACTORY, List.of("华龙区", name, "华龙区产业集聚区", "3600", "0", "否", "", "15"));
		String html = upload("/sites/factories/import", "hualong", bad);
		assertThat(Pages.table(html, "import-errors")).contains("层数", "须为 1 至 100 之间的整数");
		byte[] good = workbook(FACTORY, List.of("华龙区", name, "华龙区产业集聚区", "3600", "4", "是", "5", "15"));
		assertThat(upload("/sites/factories/import", "hualong", good))
			.contains("导入完成：新登记 1 条，修改 0 条，0 行与现有记录一致、未作改动。");
		var f = jdbc.sql("SELECT id, floors, crane, crane_tons, unit_id FROM factory WHERE name = :n").param("n", name)
			.query().singleRow();
		assertThat(((Number) f.get("floors")).intValue()).isEqualTo(4);
		assertThat(f.get("crane")).isEqualTo(true);
		assertThat(((Number) f.get("unit_id")).longValue()).isEqualTo(unit("hualong"));
		assertThat(audits("factory", ((Number) f.get("id")).longValue(), "CREATE")).isEqualTo(1);
	}

	// --- helpers

	long unit(String code) {
		return jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", code).query(Long.class).single();
	}

	long audits(String type, long id, String action) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = :t AND record_id = :id AND action = :a")
			.param("t", type)
			.param("id", String.valueOf(id))
			.param("a", action)
			.query(Long.class)
			.single();
	}

	String importApi(String user, String url, byte[] bytes, int status) throws Exception {
		var response = mvc.perform(multipart(url).file(file(bytes))
			.header("Authorization", "Bearer " + token(user))
			.locale(Locale.SIMPLIFIED_CHINESE)
			.header("Accept-Language", "zh-CN")).andReturn().getResponse();
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as(body).isEqualTo(status);
		return body;
	}

	String token(String user) throws Exception {
		var result = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("username", user, "password", "Demo@2026")))).andReturn();
		return JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.token");
	}

	/** Uploads on the page; after an import follows the redirect with the session (the flash holds the counts). */
	String upload(String url, String user, byte[] bytes) throws Exception {
		MockHttpServletResponse response = mvc.perform(multipart(url).file(file(bytes))
			.with(csrf())
			.with(Pages.as(accounts, user))).andReturn().getResponse();
		if (response.getStatus() == 302) {
			response = mvc.perform(get(response.getRedirectedUrl()).with(Pages.as(accounts, user))
				.cookie(response.getCookie("SESSION"))).andReturn().getResponse();
		}
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	static MockMultipartFile file(byte[] bytes) {
		return new MockMultipartFile("file", "净地.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes);
	}

	static List<String> cells(Row row) {
		List<String> texts = new ArrayList<>();
		row.forEach(c -> texts.add(c.getStringCellValue()));
		return texts;
	}

	@SafeVarargs
	static byte[] workbook(List<String> headers, List<String>... rows) throws Exception {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet();
			var header = sheet.createRow(0);
			for (int c = 0; c < headers.size(); c++) {
				header.createCell(c).setCellValue(headers.get(c));
			}
			for (int r = 0; r < rows.length; r++) {
				var row = sheet.createRow(r + 1);
				for (int c = 0; c < rows[r].size(); c++) {
					if (!rows[r].get(c).isEmpty()) {
						row.createCell(c).setCellValue(rows[r].get(c));
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}
}
