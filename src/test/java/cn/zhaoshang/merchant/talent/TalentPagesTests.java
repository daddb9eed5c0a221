package cn.zhaoshang.merchant.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.Pages;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The talent directory's pages and export on H2 and PostgreSQL, with the demo data: search by Chinese substrings,
 * filters, sorting and paging, masking per role, validation naming field and rule, optimistic locking, links,
 * deactivation, the export's contents and unit scope. Each test registers its own talents under a unique marker.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TalentPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	// --- list ---------------------------------------------------------------------------------------------------

	@Test
	void the_list_finds_demo_talents_by_a_chinese_substring_of_name_field_institution_or_city() throws Exception {
		assertThat(names(page("hualong", "/talents?q=材料"))).contains("李慧敏", "周文博", "张海鹰")
			.doesNotContain("孙建军");
		assertThat(names(page("hualong", "/talents?q=交通大学"))).containsExactly("李慧敏");
		assertThat(names(page("hualong", "/talents?q=天津"))).containsExactly("马国栋");
		assertThat(names(page("hualong", "/talents?q=立新"))).containsExactly("王立新");
	}

	@Test
	void filters_narrow_by_relation_level_field_and_city_and_hide_deactivated_talents_by_default() throws Exception {
		assertThat(names(page("viewer", "/talents?relation=OTHER"))).containsExactlyInAnyOrder("周文博", "徐丽娟");
		assertThat(names(page("viewer", "/talents?level=中国科学院院士"))).containsExactly("张海鹰");
		assertThat(names(page("viewer", "/talents?field=氢能"))).containsExactly("陈思远");
		assertThat(names(page("viewer", "/talents?city=郑州"))).containsExactlyInAnyOrder("赵振华", "郭春梅");
		assertThat(names(page("viewer", "/talents?city=郑州&status=all"))).containsExactlyInAnyOrder("赵振华", "郭春梅",
				"白静");
		assertThat(names(page("viewer", "/talents?status=inactive"))).contains("白静").doesNotContain("赵振华");
		// a field is matched whole: 材料 is no field of its own, only part of several
		assertThat(names(page("viewer", "/talents?field=材料"))).isEmpty();
	}

	@Test
	void columns_sort_both_ways_and_the_pager_walks_the_filtered_set() throws Exception {
		String m = marker();
		for (String name : List.of("甲" + m, "乙" + m, "丙" + m)) {
			create("hualong", name, m + "研究院", "华龙区");
		}
		String institution = m + "研究院";
		var asc = names(page("city", "/talents?q=" + institution + "&sort=name&dir=asc"));
		var desc = names(page("city", "/talents?q=" + institution + "&sort=name&dir=desc"));
		assertThat(asc).hasSize(3);
		List<String> reversed = new ArrayList<>(asc);
		java.util.Collections.reverse(reversed);
		assertThat(desc).containsExactlyElementsOf(reversed);
		// 22 talents in one city: 20 on the first page, 2 on the second, no one twice
		String city = "城" + m;
		for (int i = 0; i < 22; i++) {
			jdbc.sql("""
					INSERT INTO talent (name, expertise, institution, work_city, relation, unit_id)
					VALUES (:name, '测试', '测试单位', :city, 'NATIVE', (SELECT id FROM unit WHERE code = 'hualong'))""")
				.param("name", "人" + m + String.format("%02d", i))
				.param("city", city)
				.update();
		}
		var first = page("city", "/talents?city=" + city + "&sort=name");
		var second = page("city", "/talents?city=" + city + "&sort=name&page=2");
		assertThat(names(first)).hasSize(20);
		assertThat(names(second)).hasSize(2);
		assertThat(first).contains("共 22 条，第 1/2 页");
		List<String> all = new ArrayList<>(names(first));
		all.addAll(names(second));
		assertThat(all).doesNotHaveDuplicates().isSorted();
	}

	// --- contacts -----------------------------------------------------------------------------------------------

	@Test
	void contacts_are_masked_for_leaders_and_viewers_on_the_list_and_the_talent_page() throws Exception {
		long id = id("王立新");
		for (String user : List.of("admin", "city", "hualong", "hualong.staff")) {
			String html = page(user, "/talents/" + id);
			assertThat(html).as(user).contains("13801012345", "wanglixin@example.edu.cn", "wlx_cup");
		}
		for (String user : List.of("leader", "viewer")) {
			String html = page(user, "/talents/" + id);
			assertThat(html).as(user).contains("138****2345", "w***@example.edu.cn", "w***p")
				.doesNotContain("13801012345", "wanglixin@", "wlx_cup");
			assertThat(page(user, "/talents?q=王立新")).contains("138****2345").doesNotContain("13801012345");
		}
	}

	@Test
	void intermediaries_get_no_talent_page_and_no_navigation_entry() throws Exception {
		assertThat(request("agent", get("/talents")).getStatus()).isEqualTo(403);
		assertThat(request("agent", get("/")).getContentAsString(StandardCharsets.UTF_8)).doesNotContain("href=\"/talents\"");
		assertThat(page("viewer", "/")).contains("href=\"/talents\"");
	}

	// --- writing ------------------------------------------------------------------------------------------------

	@Test
	void a_form_with_errors_names_each_field_and_rule_in_chinese_and_stores_nothing() throws Exception {
		String m = marker();
		var response = request("hualong", post("/talents/new").with(csrf())
			.param("name", "")
			.param("expertise", "新材料")
			.param("institution", m + "大学")
			.param("workCity", "上海")
			.param("relation", "NATIVE")
			.param("phone", "abc")
			.param("email", "not-an-address"));
		String html = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(html).contains("姓名：不能为空", "电话：只能包含数字、空格和 + - ( )", "电子邮箱：不是有效的电子邮箱地址");
		assertThat(count(m + "大学")).isZero();

		html = request("hualong", post("/talents/new").with(csrf())
			.param("name", "周" + m)
			.param("expertise", "新材料")
			.param("institution", m + "大学")
			.param("workCity", "上海")
			.param("relation", "OTHER")).getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("关系说明：选择“其他关联”时必须说明与濮阳的关系");
		assertThat(count(m + "大学")).isZero();

		html = request("hualong", post("/talents/new").with(csrf())
			.param("name", "周" + m)
			.param("expertise", "新材料 " + "很长".repeat(11))
			.param("institution", m + "大学")
			.param("workCity", "上海")
			.param("relation", "NATIVE")).getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("专业领域：专业领域“" + "很长".repeat(11) + "”过长，每个领域不能超过 20 个字符");
		assertThat(count(m + "大学")).isZero();
	}

	@Test
	void a_talent_is_registered_with_its_fields_and_links_and_its_page_shows_them_and_the_history() throws Exception {
		String m = marker();
		long merchant = jdbc.sql("SELECT id FROM merchant WHERE name = '上海生源新材料科技有限公司'").query(Long.class).single();
		long project = jdbc.sql("SELECT id FROM project WHERE code = 'PY-2026-00011'").query(Long.class).single();
		var response = request("hualong.staff", post("/talents/new").with(csrf())
			.param("name", "钱" + m)
			.param("expertise", "新材料，化工、 新材料")
			.param("title", "教授")
			.param("institution", m + "大学")
			.param("workCity", "上海")
			.param("relation", "WORKED_STUDIED")
			.param("level", "国家级人才")
			.param("phone", "13912345678")
			.param("enterpriseIds", String.valueOf(merchant))
			.param("projectIds", String.valueOf(project)));
		assertThat(response.getStatus()).isEqualTo(302);
		long id = id("钱" + m);
		assertThat(response.getRedirectedUrl()).isEqualTo("/talents/" + id);
		assertThat(jdbc.sql("SELECT field FROM talent_field WHERE talent_id = :id ORDER BY position")
			.param("id", id).query(String.class).list()).containsExactly("新材料", "化工");
		// the unit is the user's own when the form names none
		assertThat(jdbc.sql("SELECT u.code FROM talent t JOIN unit u ON u.id = t.unit_id WHERE t.id = :id")
			.param("id", id).query(String.class).single()).isEqualTo("hualong");

		String html = page("viewer", "/talents/" + id);
		assertThat(Pages.from(html, "enterprises")).contains("上海生源新材料科技有限公司");
		assertThat(Pages.from(html, "projects")).contains("年产5万吨生物基聚乳酸项目", "href=\"/projects/" + project + "\"");
		assertThat(Pages.from(html, "history")).contains("新建", "专业领域", "新材料、化工");
		assertThat(names(page("viewer", "/talents?field=化工&q=" + m))).containsExactly("钱" + m);
	}

	@Test
	void unknown_links_are_refused_with_the_field_named() throws Exception {
		String m = marker();
		String html = request("city", post("/talents/new").with(csrf())
			.param("name", "孔" + m)
			.param("expertise", "化工")
			.param("institution", m + "大学")
			.param("workCity", "北京")
			.param("relation", "NATIVE")
			.param("enterpriseIds", "999999")).getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("关联企业：所选项目不存在");
		assertThat(count(m + "大学")).isZero();
	}

	@Test
	void unit_users_edit_only_their_own_units_talents_and_the_city_bureau_edits_all() throws Exception {
		String m = marker();
		create("hualong", "林" + m, m + "大学", "华龙区");
		long own = id("林" + m);
		long other = id("李慧敏"); // registered by the development zone
		assertThat(request("hualong.staff", get("/talents/" + own + "/edit")).getStatus()).isEqualTo(200);
		assertThat(request("hualong.staff", get("/talents/" + other + "/edit")).getStatus()).isEqualTo(403);
		assertThat(page("hualong", "/talents/" + other)).doesNotContain("/talents/" + other + "/edit");
		assertThat(page("hualong", "/talents/" + own)).contains("/talents/" + own + "/edit");
		assertThat(page("city", "/talents/" + other)).contains("/talents/" + other + "/edit");
		int version = version(other);
		assertThat(request("qingfeng", post("/talents/" + other + "/deactivate").with(csrf())
			.param("version", String.valueOf(version))).getStatus()).isEqualTo(403);
		assertThat(version(other)).isEqualTo(version);
		// registering for another unit is a forged request
		var response = request("hualong", post("/talents/new").with(csrf())
			.param("name", "贺" + m)
			.param("expertise", "化工")
			.param("institution", m + "学院")
			.param("workCity", "北京")
			.param("relation", "NATIVE")
			.param("unitId", String.valueOf(unit("qingfeng"))));
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(count(m + "学院")).isZero();
	}

	@Test
	void a_stale_edit_is_refused_with_409_and_changes_nothing() throws Exception {
		String m = marker();
		create("hualong", "宋" + m, m + "大学", "华龙区");
		long id = id("宋" + m);
		int version = version(id);
		assertThat(edit("hualong", id, version, m + "大学新址").getStatus()).isEqualTo(302);
		var stale = edit("hualong", id, version, m + "大学旧址");
		assertThat(stale.getStatus()).isEqualTo(409);
		assertThat(jdbc.sql("SELECT institution FROM talent WHERE id = :id").param("id", id).query(String.class)
			.single()).isEqualTo(m + "大学新址");
	}

	@Test
	void deactivating_asks_first_hides_the_talent_and_is_audited() throws Exception {
		String m = marker();
		create("hualong", "曹" + m, m + "大学", "华龙区");
		long id = id("曹" + m);
		assertThat(page("hualong", "/talents/" + id)).contains("data-confirm=\"确定停用人才 曹" + m);
		var response = request("hualong", post("/talents/" + id + "/deactivate").with(csrf())
			.param("version", String.valueOf(version(id))));
		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(names(page("hualong", "/talents?q=" + m))).isEmpty();
		assertThat(names(page("hualong", "/talents?status=inactive&q=" + m))).containsExactly("曹" + m);
		assertThat(Pages.from(page("hualong", "/talents/" + id), "history")).contains("停用");
	}

	// --- export -------------------------------------------------------------------------------------------------

	@Test
	void the_export_has_chinese_headers_the_filtered_rows_with_links_and_masks_contacts_for_viewers() throws Exception {
		var full = sheet("city", "/talents/export.xlsx?field=氢能");
		assertThat(cells(full.getRow(0))).startsWith("姓名", "专业领域", "职称/职务", "工作单位", "工作城市", "与濮阳关系")
			.contains("电话", "电子邮箱", "微信", "关联企业", "关联项目", "登记单位");
		assertThat(full.getLastRowNum()).isEqualTo(1);
		List<String> row = cells(full.getRow(1));
		assertThat(row).contains("陈思远", "氢能、燃料电池", "清华大学核能与新能源技术研究院", "北京", "濮阳籍", "13911206678",
				"北京氢沃能源装备有限公司", "PY-2026-00025 氢能装备制造项目", "濮阳市商务局");
		List<String> masked = cells(sheet("viewer", "/talents/export.xlsx?field=氢能").getRow(1));
		assertThat(masked).contains("139****6678", "c***@example.edu.cn").doesNotContain("13911206678");
		assertThat(sheet("city", "/talents/export.xlsx").getLastRowNum()).isGreaterThanOrEqualTo(15);
	}

	@Test
	void the_enterprise_and_project_pickers_find_by_part_of_the_name() throws Exception {
		String html = page("hualong", "/talents/enterprise-options?enterpriseQuery=生源新材料");
		assertThat(html).contains("上海生源新材料科技有限公司", "name=\"enterpriseIds\"");
		html = page("hualong", "/talents/project-options?projectQuery=聚乳酸");
		assertThat(html).contains("年产5万吨生物基聚乳酸项目", "PY-2026-00011", "name=\"projectIds\"");
		assertThat(page("hualong", "/talents/project-options?projectQuery=没有这个项目")).contains("没有找到");
	}

	// --- helpers ------------------------------------------------------------------------------------------------

	static String marker() {
		return Pages.unique("测");
	}

	private void create(String user, String name, String institution, String city) throws Exception {
		var response = request(user, post("/talents/new").with(csrf())
			.param("name", name)
			.param("expertise", "测试领域")
			.param("institution", institution)
			.param("workCity", city)
			.param("relation", "NATIVE")
			.param("phone", "13800000000"));
		assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(302);
	}

	private MockHttpServletResponse edit(String user, long id, int version, String institution) throws Exception {
		return request(user, post("/talents/" + id + "/edit").with(csrf())
			.param("name", jdbc.sql("SELECT name FROM talent WHERE id = :id").param("id", id).query(String.class).single())
			.param("expertise", "测试领域")
			.param("institution", institution)
			.param("workCity", "华龙区")
			.param("relation", "NATIVE")
			.param("version", String.valueOf(version)));
	}

	private MockHttpServletResponse request(String user, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(Pages.as(accounts, user))).andReturn().getResponse();
	}

	private String page(String user, String url) throws Exception {
		var response = request(user, get(url));
		assertThat(response.getStatus()).as(url).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The names in the list's table, in order. */
	static List<String> names(String html) {
		return Pages.all(Pages.from(html, "talent-table"), "<a href=\"/talents/\\d+\" class=\"fw-semibold\">([^<]+)</a>");
	}

	private Sheet sheet(String user, String url) throws Exception {
		var response = request(user, get(url));
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Content-Disposition")).contains("filename*=UTF-8''");
		return new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray())).getSheetAt(0);
	}

	static List<String> cells(Row row) {
		List<String> cells = new ArrayList<>();
		for (int c = 0; c < row.getLastCellNum(); c++) {
			var cell = row.getCell(c);
			cells.add(cell == null ? "" : cell.getStringCellValue());
		}
		return cells;
	}

	private long id(String name) {
		return jdbc.sql("SELECT id FROM talent WHERE name = :name").param("name", name).query(Long.class).single();
	}

	private int version(long id) {
		return jdbc.sql("SELECT version FROM talent WHERE id = :id").param("id", id).query(Integer.class).single();
	}

	private long unit(String code) {
		return jdbc.sql("SELECT id FROM unit WHERE code = :code").param("code", code).query(Long.class).single();
	}

	private int count(String institution) {
		return jdbc.sql("SELECT COUNT(*) FROM talent WHERE institution = :i").param("i", institution)
			.query(Integer.class).single();
	}
}
