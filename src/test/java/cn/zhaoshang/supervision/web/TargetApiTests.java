package cn.zhaoshang.supervision.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.ApiTestSupport;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Pages;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code /api/v1/targets} end to end with bearer tokens of the demo accounts, on H2 and PostgreSQL: the year's list
 * and city total, setting a unit's target with its version (409 when stale or missing), every rule refused with 422
 * naming the field in Chinese and English, the city bureau only (a unit's manager reads but cannot set), and the
 * Excel import: all or nothing with each refused cell by row and column, counts, and an export that imports back
 * unchanged. Each test uses its own year, so the classes sharing the database do not meet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class TargetApiTests extends ApiTestSupport {

	@Autowired
	AccountUserDetailsService accounts;

	long unit(String code) {
		return Demo.unit(jdbc, code);
	}

	ResultActions putTarget(String user, int year, long unitId, Map<String, Object> body) throws Exception {
		return as(user, put("/api/v1/targets/" + year + "/" + unitId).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)));
	}

	static Map<String, Object> full() {
		var body = new LinkedHashMap<String, Object>();
		body.put("signedCount", 40);
		body.put("signedCount100m", 12);
		body.put("signedCount1b", 2);
		body.put("contractedInvestment", 1500000);
		body.put("commencedCount", 30);
		body.put("productionCount", 20);
		body.put("fundsInPlace", 800000.5);
		body.put("outOfProvince", 500000);
		body.put("foreignUsed", 3000);
		body.put("keyProjects", 8);
		return body;
	}

	@Test
	void the_year_lists_every_county_and_zone_with_the_city_total_for_every_internal_role() throws Exception {
		for (String user : List.of("viewer", "hualong", "leader", "city")) {
			as(user, get("/api/v1/targets").param("year", "2004")).andExpect(status().isOk())
				.andExpect(jsonPath("$.year").value(2004))
				.andExpect(jsonPath("$.items.length()").value(9))
				.andExpect(jsonPath("$.items[*].unitName", hasItem("华龙区")))
				.andExpect(jsonPath("$.items[*].unitName", hasItem("濮阳经济技术开发区")))
				.andExpect(jsonPath("$.items[0].version").doesNotExist())
				.andExpect(jsonPath("$.totals.signedCount").doesNotExist());
		}
		as("agent", get("/api/v1/targets").param("year", "2004")).andExpect(status().isForbidden());
		as("viewer", get("/api/v1/targets").param("year", "1990")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("year"));
	}

	@Test
	void the_city_bureau_sets_a_target_and_changes_it_at_the_version_read() throws Exception {
		long hualong = unit("hualong");
		long qingfeng = unit("qingfeng");
		putTarget("city", 2005, hualong, full()).andExpect(status().isOk())
			.andExpect(jsonPath("$.year").value(2005))
			.andExpect(jsonPath("$.unitId").value(hualong))
			.andExpect(jsonPath("$.unitName").value("华龙区"))
			.andExpect(jsonPath("$.signedCount").value(40))
			.andExpect(jsonPath("$.fundsInPlace").value(800000.5))
			.andExpect(jsonPath("$.version").value(0));
		putTarget("admin", 2005, qingfeng, Map.of("signedCount", 10, "contractedInvestment", 250000.25))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.commencedCount").doesNotExist());

		as("hualong", get("/api/v1/targets").param("year", "2005")).andExpect(status().isOk())
			.andExpect(jsonPath("$.totals.signedCount").value(50))
			.andExpect(jsonPath("$.totals.contractedInvestment").value(1750000.25))
			.andExpect(jsonPath("$.totals.commencedCount").value(30))
			.andExpect(jsonPath("$.totals.foreignUsed").value(3000));

		var changed = new LinkedHashMap<>(full());
		changed.put("signedCount", 45);
		changed.put("version", 0);
		putTarget("city", 2005, hualong, changed).andExpect(status().isOk())
			.andExpect(jsonPath("$.signedCount").value(45))
			.andExpect(jsonPath("$.version").value(1));
		putTarget("city", 2005, hualong, changed).andExpect(status().isConflict());
		changed.remove("version");
		putTarget("city", 2005, hualong, changed).andExpect(status().isConflict());

		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_entry WHERE record_type = 'unit_target'
				AND record_id = (SELECT CAST(id AS VARCHAR(20)) FROM unit_target WHERE target_year = 2005 AND unit_id = ?)""")
			.param(hualong)
			.query(Long.class)
			.single()).as("created and changed, audited").isEqualTo(2);
	}

	@Test
	void broken_rules_are_refused_with_422_naming_each_field_in_chinese_and_english() throws Exception {
		long puyang = unit("puyang");
		var bad = new LinkedHashMap<String, Object>();
		bad.put("signedCount", -1);
		bad.put("commencedCount", 1.5);
		bad.put("contractedInvestment", 1.234);
		bad.put("fundsInPlace", 100);
		bad.put("outOfProvince", 200);
		bad.put("signedCount1b", 3);
		String zh = body(putTarget("city", 2006, puyang, bad).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", hasItem("signedCount")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("commencedCount")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("contractedInvestment")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("outOfProvince")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("signedCount1b")))
			.andReturn());
		assertThat(zh).contains("签约项目（个）：不能为负数", "开工项目（个）：须为整数", "其中省外资金（万元）：不能大于实际到位资金（万元）",
				"其中10亿元以上项目（个）：须先填写其中亿元以上项目（个）");

		jdbc.sql("UPDATE app_user SET locale = 'en' WHERE username = 'admin'").update();
		try {
			forgetToken("admin");
			String en = body(putTarget("admin", 2006, puyang, bad).andExpect(status().isUnprocessableContent())
				.andReturn());
			assertThat(en).contains("Projects signed: must not be negative",
					"Projects commenced: must be a whole number",
					"Of which from outside the province (10k CNY): must not be more than Funds in place (10k CNY)");
		}
		finally {
			jdbc.sql("UPDATE app_user SET locale = 'zh-CN' WHERE username = 'admin'").update();
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM unit_target WHERE target_year = 2006").query(Long.class).single())
			.isZero();

		putTarget("city", 1990, puyang, Map.of("signedCount", 1)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("year"));
		putTarget("city", 2006, unit("city"), Map.of("signedCount", 1)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("unitId"));
		putTarget("city", 2006, 999_999, Map.of("signedCount", 1)).andExpect(status().isNotFound());
		putTarget("city", 2006, puyang, Map.of("signedCount", "many")).andExpect(status().isBadRequest());
	}

	@Test
	void a_unit_user_reads_the_targets_but_cannot_set_or_import_them() throws Exception {
		long hualong = unit("hualong");
		for (String user : List.of("hualong", "hualong.staff", "leader", "viewer")) {
			putTarget(user, 2007, hualong, Map.of("signedCount", 99)).andExpect(status().isForbidden());
			as(user, multipart("/api/v1/targets/import").file(xlsx(List.of(List.of("单位", "签约项目数"),
					List.of("华龙区", "99"))))
				.param("year", "2007")).andExpect(status().isForbidden());
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM unit_target WHERE target_year = 2007").query(Long.class).single())
			.isZero();
	}

	@Test
	void an_import_with_any_wrong_cell_saves_nothing_and_names_every_row_and_column() throws Exception {
		var file = xlsx(List.of(List.of("年度", "单位", "签约项目数", "其中亿元以上项目数", "实际到位资金（万元）", "其中省外资金（万元）"),
				List.of("2008", "华龙区", "20", "5", "1000", "200"),
				List.of("2008", "清丰县", "abc", "", "100", "300"),
				List.of("2008", "无此县", "1", "", "", ""),
				List.of("2007", "南乐县", "1.5", "", "", ""),
				List.of("2008", "华龙区", "1", "", "", "")));
		String problem = body(as("city", multipart("/api/v1/targets/import").file(file).param("year", "2008"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errorCount").value(6))
			.andReturn());
		assertThat(JsonPath.<List<String>>read(problem, "$.errors[*].column")).contains("签约项目数", "其中省外资金（万元）",
				"单位", "年度");
		assertThat(JsonPath.<List<Integer>>read(problem, "$.errors[*].row")).containsExactlyInAnyOrder(3, 3, 4, 5, 5,
				6);
		assertThat(problem).contains("须为数字", "不能大于实际到位资金（万元）", "没有名为“无此县”的设目标单位", "须为 2008（导入的年度）",
				"须为整数", "与第 2 行重复");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM unit_target WHERE target_year = 2008").query(Long.class).single())
			.as("all or nothing").isZero();
	}

	@Test
	void a_good_import_sets_the_units_and_the_export_imports_back_unchanged() throws Exception {
		var file = xlsx(List.of(List.of("单位", "签约项目数", "合同投资额（万元）", "实际利用外资（万美元）"),
				List.of("华龙区", "20", "300000", "150.5"), List.of("开发区", "15", "260000", "")));
		as("city", multipart("/api/v1/targets/import").file(file).param("year", "2009")).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(2))
			.andExpect(jsonPath("$.updated").value(0));
		as("city", get("/api/v1/targets").param("year", "2009")).andExpect(status().isOk())
			.andExpect(jsonPath("$.totals.signedCount").value(35))
			.andExpect(jsonPath("$.totals.contractedInvestment").value(560000))
			.andExpect(jsonPath("$.totals.foreignUsed").value(150.5));

		byte[] export = mvc.perform(get("/supervision/targets/export.xlsx").param("year", "2009")
			.with(Pages.as(accounts, "viewer")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(export))) {
			var sheet = wb.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("单位");
			assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(1).getStringCellValue()).isEqualTo("全市合计");
			assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(2).getNumericCellValue()).isEqualTo(35);
		}
		as("city", multipart("/api/v1/targets/import")
			.file(new MockMultipartFile("file", "t.xlsx", MediaType.APPLICATION_OCTET_STREAM_VALUE, export))
			.param("year", "2009")).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(2));
	}

	static MockMultipartFile xlsx(List<List<String>> rows) throws Exception {
		try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var sheet = wb.createSheet("年度目标");
			for (int r = 0; r < rows.size(); r++) {
				var row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					if (!rows.get(r).get(c).isEmpty()) {
						row.createCell(c).setCellValue(rows.get(r).get(c));
					}
				}
			}
			wb.write(out);
			return new MockMultipartFile("file", "targets.xlsx", MediaType.APPLICATION_OCTET_STREAM_VALUE,
					out.toByteArray());
		}
	}
}
