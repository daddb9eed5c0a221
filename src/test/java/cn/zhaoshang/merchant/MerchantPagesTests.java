package cn.zhaoshang.merchant;

import static cn.zhaoshang.merchant.MerchantTestData.enterprise;
import static cn.zhaoshang.merchant.MerchantTestData.marker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import cn.zhaoshang.merchant.internal.RegisterMerchant;
import cn.zhaoshang.merchant.internal.MerchantRegistry;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The merchant pages through MockMvc as the demo accounts (on H2 and PostgreSQL): masking per role, the duplicate
 * refusal with its candidates, field errors in Chinese, the list's search, the claim conflict of the demo data, the
 * import page's error table, and that intermediaries neither see nor open the database.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MerchantPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	MerchantRegistry registry;

	@Autowired
	RegisterMerchant register;

	@Autowired
	JdbcClient jdbc;

	MockHttpServletResponse as(String user, org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return mvc.perform(request.with(Pages.as(accounts, user))).andReturn().getResponse();
	}

	String page(String user, String path) throws Exception {
		var response = as(user, get(path));
		assertThat(response.getStatus()).as(path + " as " + user).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void contact_details_show_in_full_to_promotion_staff_and_masked_to_leaders_and_viewers() throws Exception {
		long id = register.execute(enterprise(marker() + "化工有限公司", null, null),
				accounts.loadUserByUsername("hualong"));

		for (String user : new String[] { "admin", "city", "hualong", "qingfeng" }) {
			assertThat(Pages.from(page(user, "/merchants/" + id), "contacts")).contains("13812345678")
				.contains("wang@example.cn").contains("wang_jl");
		}
		for (String user : new String[] { "leader", "viewer" }) {
			String contacts = Pages.from(page(user, "/merchants/" + id), "contacts");
			assertThat(contacts).contains("王经理").contains("138****5678").contains("w***@example.cn")
				.contains("w***l").doesNotContain("13812345678").doesNotContain("wang_jl");
		}
	}

	@Test
	void creating_a_duplicate_on_the_page_shows_the_candidates_and_saves_nothing() throws Exception {
		String m = marker();
		long first = register.execute(enterprise("濮阳市" + m + "化工有限公司", null, null),
				accounts.loadUserByUsername("qingfeng"));

		var response = as("hualong", post("/merchants/new").with(csrf())
			.param("name", m + "化工（濮阳）有限公司")
			.param("enterpriseType", "PRIVATE"));

		assertThat(response.getStatus()).isEqualTo(200);
		String duplicates = Pages.from(response.getContentAsString(StandardCharsets.UTF_8), "duplicates");
		assertThat(duplicates).contains("该企业可能已经登记").contains("濮阳市" + m + "化工有限公司")
			.contains("href=\"/merchants/" + first + "\"").contains("名称相同");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM merchant WHERE name LIKE :n").param("n", "%" + m + "%")
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void an_empty_form_names_each_missing_field_and_a_good_one_redirects_to_the_new_page() throws Exception {
		var empty = as("hualong.staff", post("/merchants/new").with(csrf()).param("name", " "));
		String html = empty.getContentAsString(StandardCharsets.UTF_8);
		assertThat(Pages.from(html, "form-errors")).contains("名称：不能为空").contains("企业类型：不能为空");

		String name = marker() + "智能家居有限公司";
		var saved = as("hualong.staff", post("/merchants/new").with(csrf())
			.param("name", name)
			.param("enterpriseType", "PRIVATE")
			.param("tags", "PUYANG_NATIVE")
			.param("aliases", name.substring(0, 4) + "家居\n" + name.substring(0, 4) + "智能")
			.param("contacts[0].name", "刘经理")
			.param("contacts[0].phone", "13700001111")
			.param("contacts[1].name", ""));
		assertThat(saved.getRedirectedUrl()).matches("/merchants/\\d+");
		var r = registry.get(Pages.idOf(saved.getRedirectedUrl()));
		assertThat(r.unitName()).isEqualTo("华龙区");
		assertThat(r.ownAliases()).hasSize(2);
		assertThat(r.contacts()).hasSize(1);
		assertThat(r.tags()).containsExactly(SourceTag.PUYANG_NATIVE);
	}

	@Test
	void the_list_finds_an_enterprise_by_part_of_its_chinese_name_or_alias_and_sorts() throws Exception {
		String list = page("viewer", "/merchants?q=生源");
		assertThat(Pages.table(list, "merchant-table")).contains("上海生源新材料科技有限公司");
		assertThat(Pages.table(page("viewer", "/merchants?q=Heisen"), "merchant-table")).contains("海森化学集团");
		assertThat(Pages.table(page("viewer", "/merchants?tag=TAIWANESE"), "merchant-table"))
			.contains("永丰精密机械股份有限公司").contains("昆山台丰电子科技有限公司").doesNotContain("海森化学集团");
		String sorted = Pages.table(page("viewer", "/merchants?type=PROVINCIAL_SOE&sort=name&dir=desc"),
				"merchant-table");
		assertThat(sorted.indexOf("河南豫工重型装备有限公司")).isLessThan(sorted.indexOf("河南中原文旅发展集团有限公司"));
		assertThat(list).doesNotContain("id=\"new-merchant\"");
		assertThat(page("hualong.staff", "/merchants")).contains("id=\"new-merchant\"");
	}

	@Test
	void both_units_chasing_the_same_demo_enterprise_see_the_claim_conflict() throws Exception {
		long id = jdbc.sql("SELECT id FROM merchant WHERE name = '上海生源新材料科技有限公司'").query(Long.class).single();

		String html = page("hualong", "/merchants/" + id);

		assertThat(Pages.from(html, "claim-conflict")).contains("濮阳县").contains("南乐县");
		assertThat(Pages.from(html, "links-project")).contains("年产5万吨生物基聚乳酸项目").contains("濮阳县生物基新材料产业园项目");
		assertThat(html).contains("id=\"history\"");
	}

	@Test
	void intermediaries_get_403_and_no_navigation_entry() throws Exception {
		assertThat(as("agent", get("/merchants")).getStatus()).isEqualTo(403);
		assertThat(as("agent", get("/")).getContentAsString(StandardCharsets.UTF_8)).doesNotContain("href=\"/merchants\"");
		assertThat(as("viewer", get("/")).getContentAsString(StandardCharsets.UTF_8)).contains("href=\"/merchants\"");
	}

	@Test
	void a_refused_import_lists_every_error_with_row_column_and_chinese_reason() throws Exception {
		byte[] bad = MerchantImportTests.workbook(MerchantImportTests.HEADERS,
				MerchantImportTests.row(marker() + "化工有限公司", null, "国企"));

		var response = as("hualong", multipart("/merchants/import").file(new MockMultipartFile("file", "客商.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bad)).with(csrf()));

		String table = Pages.table(response.getContentAsString(StandardCharsets.UTF_8), "import-errors");
		assertThat(table).contains("<td>2</td>").contains("<td>企业类型</td>").contains("无法识别“国企”");
	}

	@Test
	void the_template_is_an_xlsx_with_the_documented_headers() throws Exception {
		var response = as("hualong", get("/merchants/import-template.xlsx"));
		assertThat(response.getHeader("Content-Disposition")).contains("attachment").contains("filename*=UTF-8''");
		try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(response.getContentAsByteArray()))) {
			var header = wb.getSheetAt(0).getRow(0);
			for (int i = 0; i < MerchantImportTests.HEADERS.length; i++) {
				assertThat(header.getCell(i).getStringCellValue()).isEqualTo(MerchantImportTests.HEADERS[i]);
			}
			assertThat(wb.getSheetAt(0).getLastRowNum()).isZero();
		}
	}
}
