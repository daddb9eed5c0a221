package cn.zhaoshang.merchant.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.Pages;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The talent import on H2 and PostgreSQL, through its page: the template's headers, all-or-nothing with every error
 * named by row, column and reason, updates of the same talent instead of duplicates, an exported list importing as
 * unchanged, the unit scope, and files that are no workbook.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TalentImportTests {

	static final List<String> HEADERS = List.of("姓名", "专业领域", "职称/职务", "工作单位", "工作城市", "与濮阳关系", "关系说明",
			"人才层次/荣誉", "电话", "电子邮箱", "微信", "备注", "登记单位", "关联企业", "关联项目");

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void the_template_has_the_headers_in_chinese() throws Exception {
		var response = mvc.perform(get("/talents/import-template.xlsx").with(Pages.as(accounts, "hualong")))
			.andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			assertThat(TalentPagesTests.cells(workbook.getSheetAt(0).getRow(0))).containsExactlyElementsOf(HEADERS);
			assertThat(workbook.getSheetAt(0).getDataValidations()).hasSize(1);
		}
	}

	@Test
	void a_valid_workbook_imports_every_row_with_its_links_and_again_updates_instead_of_duplicating() throws Exception {
		String m = TalentPagesTests.marker();
		byte[] file = workbook(HEADERS,
				List.of("甲" + m, "新材料、化工", "教授", m + "大学", "上海", "濮阳籍", "", "省级人才", "13800001111",
						"a@example.com", "", "", "", "上海生源新材料科技有限公司", "PY-2026-00011 年产5万吨生物基聚乳酸项目"),
				List.of("乙" + m, "智能家居", "", m + "学院", "杭州", "其他关联", "清丰家居企业顾问", "", "", "", "", "",
						"华龙区", "", ""));
		assertThat(upload("hualong", file)).contains("导入完成：新增 2 名人才，更新 0 名，0 行与人才库一致、未作改动。");
		long id = jdbc.sql("SELECT id FROM talent WHERE name = :n").param("n", "甲" + m).query(Long.class).single();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM talent_merchant WHERE talent_id = :id").param("id", id)
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM talent_project WHERE talent_id = :id").param("id", id)
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT field FROM talent_field WHERE talent_id = :id ORDER BY position").param("id", id)
			.query(String.class).list()).containsExactly("新材料", "化工");

		byte[] again = workbook(HEADERS,
				List.of("甲" + m, "新材料、化工", "教授", m + "大学", "北京", "濮阳籍", "", "省级人才", "13800001111",
						"a@example.com", "", "", "", "上海生源新材料科技有限公司", "PY-2026-00011"),
				List.of("乙" + m, "智能家居", "", m + "学院", "杭州", "其他关联", "清丰家居企业顾问", "", "", "", "", "",
						"华龙区", "", ""));
		assertThat(upload("hualong", again)).contains("新增 0 名人才，更新 1 名，1 行与人才库一致");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM talent WHERE institution LIKE :i").param("i", m + "%")
			.query(Integer.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT work_city FROM talent WHERE id = :id").param("id", id).query(String.class)
			.single()).isEqualTo("北京");
	}

	@Test
	void an_exported_list_imports_again_unchanged() throws Exception {
		var export = mvc.perform(get("/talents/export.xlsx?level=国家级人才").with(Pages.as(accounts, "city")))
			.andReturn().getResponse().getContentAsByteArray();
		int rows;
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(export))) {
			rows = workbook.getSheetAt(0).getLastRowNum();
		}
		assertThat(rows).isGreaterThanOrEqualTo(5);
		assertThat(upload("city", export)).contains("新增 0 名人才，更新 0 名，" + rows + " 行与人才库一致");
	}

	@Test
	void a_workbook_with_errors_lists_each_by_row_column_and_reason_and_saves_nothing() throws Exception {
		String m = TalentPagesTests.marker();
		byte[] file = workbook(HEADERS,
				List.of("丙" + m, "化工", "", m + "大学", "北京", "濮阳籍", "", "", "", "", "", "", "", "", ""),
				List.of("", "化工", "", m + "大学", "北京", "老乡", "", "", "12ab", "nobody", "", "", "", "", ""),
				List.of("丁" + m, "化工", "", m + "大学", "北京", "其他关联", "", "", "", "", "", "", "清丰县", "不存在的公司", "PY-1999-00001"),
				List.of("丙" + m, "化工", "", m + "大学", "北京", "濮阳籍", "", "", "", "", "", "", "", "", ""));
		String html = upload("hualong", file);
		assertThat(html).contains("工作簿中有");
		var errors = Pages.all(Pages.from(html, "import-errors"), "<tr><td>(\\d+</td><td>[^<]+</td><td class=\"cell-wrap\">[^<]+)</td></tr>")
			.stream().map(s -> s.replace("</td><td class=\"cell-wrap\">", " | ").replace("</td><td>", " | ")).toList();
		assertThat(errors).contains("3 | 与濮阳关系 | 只能填写：濮阳籍、曾在濮阳工作或学习、其他关联",
				"3 | 姓名 | 不能为空", "3 | 电话 | 只能包含数字、空格和 + - ( )", "3 | 电子邮箱 | 不是有效的电子邮箱地址",
				"4 | 关联企业 | 系统中没有名为“不存在的公司”的企业（请填写企业全称）",
				"4 | 关联项目 | 项目台账中没有编号为“PY-1999-00001”的项目",
				"5 | 姓名 | 与第 2 行是同一人才（姓名和工作单位相同）");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM talent WHERE institution = :i").param("i", m + "大学")
			.query(Integer.class).single()).isZero();
	}

	@Test
	void unit_users_import_only_for_their_own_unit_and_update_only_their_own_talents() throws Exception {
		String m = TalentPagesTests.marker();
		byte[] file = workbook(HEADERS,
				List.of("戊" + m, "化工", "", m + "大学", "北京", "濮阳籍", "", "", "", "", "", "", "清丰县", "", ""),
				// 李慧敏 of 上海交通大学… is the development zone's
				List.of("李慧敏", "新材料", "", "上海交通大学材料科学与工程学院", "上海", "濮阳籍", "", "", "", "", "", "", "", "", ""));
		String html = upload("hualong", file);
		assertThat(html).contains("无权为该单位登记人才", "人才库中已有该人才，由其他单位登记，您无权修改");
		assertThat(jdbc.sql("SELECT expertise FROM talent WHERE name = '李慧敏'").query(String.class).single())
			.isEqualTo("新材料、生物基材料、高分子材料");
	}

	@Test
	void missing_columns_and_files_that_are_no_workbook_are_refused_clearly() throws Exception {
		byte[] file = workbook(List.of("姓名", "工作单位"), List.of("己", "某大学"));
		String html = upload("hualong", file);
		assertThat(html).contains("<td>1</td><td>专业领域</td><td class=\"cell-wrap\">缺少此列：第 1 行须有这个列名</td>",
				"<td>1</td><td>与濮阳关系</td>");
		assertThat(upload("hualong", "%PDF-1.4 not a workbook".getBytes(StandardCharsets.US_ASCII)))
			.contains("只能导入 Excel 工作簿（.xlsx）");
		assertThat(upload("hualong", workbook(HEADERS))).contains("工作表第 1 行之后没有数据");
	}

	// --- helpers ------------------------------------------------------------------------------------------------

	/**
	 * Uploads the file as the user; after an import, follows the redirect with the session cookie (the session
	 * lives in the database, so the flash with the counts travels with it).
	 */
	private String upload(String user, byte[] bytes) throws Exception {
		var result = mvc.perform(multipart("/talents/import")
			.file(new MockMultipartFile("file", "人才.xlsx", TalentWorkbook.CONTENT_TYPE, bytes))
			.with(csrf())
			.with(Pages.as(accounts, user))).andReturn();
		MockHttpServletResponse response = result.getResponse();
		if (response.getStatus() == 302) {
			response = mvc.perform(get(response.getRedirectedUrl()).with(Pages.as(accounts, user))
				.cookie(response.getCookie("SESSION"))).andReturn().getResponse();
		}
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
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
