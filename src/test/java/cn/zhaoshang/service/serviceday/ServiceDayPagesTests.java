package cn.zhaoshang.service.serviceday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.Pages;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The service day pages and the approval medians page on the demo data (H2 and PostgreSQL): the list with its
 * filters and menu item, a day's problems, the export with one row per problem; the medians per unit and kind with
 * the kind filter and the workbook.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ServiceDayPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	String page(String user, String url) throws Exception {
		var response = mvc.perform(get(url).with(Pages.as(accounts, user))).andReturn().getResponse();
		assertThat(response.getStatus()).as(url).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	long unit(String code) {
		return jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", code).query(Long.class).single();
	}

	@Test
	void the_service_days_list_filters_shows_a_days_problems_and_exports_one_row_per_problem() throws Exception {
		String all = page("viewer", "/service-days");
		assertThat(Pages.table(all, "service-day-table")).contains("工业园区装备制造企业服务日", "华龙区重点项目企业服务日");
		assertThat(all).contains("href=\"/service-days\"");

		String park = page("viewer", "/service-days?unit=" + unit("park"));
		assertThat(Pages.table(park, "service-day-table")).contains("工业园区装备制造企业服务日")
			.doesNotContain("华龙区重点项目企业服务日");
		assertThat(Pages.table(page("viewer", "/service-days?q=王强"), "service-day-table"))
			.contains("华龙区重点项目企业服务日").doesNotContain("工业园区装备制造企业服务日");
		assertThat(Pages.table(page("viewer", "/service-days?year=2001"), "service-day-table"))
			.doesNotContain("企业服务日</a>");

		long id = jdbc.sql("SELECT id FROM service_day WHERE title = '工业园区装备制造企业服务日'").query(Long.class).single();
		String day = page("hualong", "/service-days/" + id);
		assertThat(Pages.from(day, "service-day-problems")).contains("收集的问题（3）", "临时增容", "国网濮阳供电公司");
		assertThat(Pages.from(day, "service-day-people")).contains("曹永胜", "河南豫工重型装备有限公司");

		var export = mvc.perform(get("/service-days/export.xlsx").param("unit", String.valueOf(unit("park")))
			.with(Pages.as(accounts, "city"))).andReturn().getResponse();
		assertThat(export.getStatus()).isEqualTo(200);
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(export.getContentAsByteArray()))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("问题");
			assertThat(sheet.getLastRowNum()).isEqualTo(3);
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("工业园区装备制造企业服务日");
			assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("国网濮阳供电公司");
		}
	}

	@Test
	void a_service_day_is_recorded_on_the_form_and_what_is_refused_is_named_with_nothing_saved() throws Exception {
		assertThat(page("hualong", "/service-days")).contains("href=\"/service-days/new\"");
		assertThat(page("viewer", "/service-days")).doesNotContain("href=\"/service-days/new\"");
		mvc.perform(get("/service-days/new").with(Pages.as(accounts, "viewer"))).andExpect(status().isForbidden());
		assertThat(page("hualong", "/service-days/new")).contains("曹永胜", "id=\"problemContent-4\"");
		long leader = jdbc.sql("SELECT MIN(id) FROM person WHERE name = '曹永胜'").query(Long.class).single();
		String title = Pages.unique("华龙区表单登记企业服务日");

		String refused = mvc.perform(post("/service-days/new").with(Pages.as(accounts, "hualong")).with(csrf())
			.param("unitId", String.valueOf(unit("hualong"))).param("dayDate", "2026-11-20").param("dayTitle", title)
			.param("dayLeaderIds", String.valueOf(leader)).param("enterprises", "河南豫工重型装备有限公司\n不存在的企业甲")
			.param("problemContent", "用电增容", "", "", "", "").param("problemOwner", "", "", "", "", "")
			.param("problemEnterprise", "", "", "", "", ""))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("参加企业：", "不存在的企业甲", "第 1 行须同时填写问题内容和责任单位", title);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM service_day WHERE title = :t").param("t", title).query(Long.class)
			.single()).isZero();

		String saved = mvc.perform(post("/service-days/new").with(Pages.as(accounts, "hualong")).with(csrf())
			.param("unitId", String.valueOf(unit("hualong"))).param("dayDate", "2026-11-20").param("dayTitle", title)
			.param("dayLeaderIds", String.valueOf(leader)).param("enterprises", "河南豫工重型装备有限公司\n")
			.param("problemContent", "用电增容", "", "道路未通", "", "")
			.param("problemOwner", "国网濮阳供电公司", "", "华龙区住建局", "", "")
			.param("problemEnterprise", "河南豫工重型装备有限公司", "", "", "", ""))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		long id = Pages.idOf(saved);
		String day = page("hualong", "/service-days/" + id);
		assertThat(Pages.from(day, "service-day-problems")).contains("收集的问题（2）", "用电增容", "国网濮阳供电公司",
				"道路未通", "华龙区住建局");
		assertThat(Pages.from(day, "service-day-people")).contains("曹永胜", "河南豫工重型装备有限公司");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'serviceDay' AND record_id = :id"
				+ " AND action = 'CREATE'").param("id", String.valueOf(id)).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void the_medians_page_lists_each_unit_and_kind_filters_by_kind_and_downloads() throws Exception {
		String all = page("leader", "/approvals/medians");
		String table = Pages.table(all, "medians-table");
		assertThat(table).contains("华龙区", "濮阳工业园区", "用地", "施工许可");
		assertThat(all).contains("href=\"/approvals/medians\"");
		// 濮阳工业园区's land approval: 2026-03-10 to 2026-04-08
		assertThat(table).containsPattern("data-unit=\"" + unit("park") + "\" data-kind=\"LAND\">[\\s\\S]*?median-days\">29</td>");

		String land = Pages.table(page("leader", "/approvals/medians?kind=LAND"), "medians-table");
		assertThat(land).contains("用地").doesNotContain("施工许可");
		String one = Pages.table(page("leader", "/approvals/medians?unit=" + unit("park")), "medians-table");
		assertThat(one).contains("濮阳工业园区").doesNotContain("华龙区");

		var export = mvc.perform(get("/approvals/medians.xlsx").param("kind", "LAND")
			.with(Pages.as(accounts, "city"))).andReturn().getResponse();
		assertThat(export.getStatus()).isEqualTo(200);
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(export.getContentAsByteArray()))) {
			var sheet = workbook.getSheetAt(0);
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				assertThat(sheet.getRow(r).getCell(1).getStringCellValue()).isEqualTo("用地");
			}
			assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(2);
		}
	}
}
