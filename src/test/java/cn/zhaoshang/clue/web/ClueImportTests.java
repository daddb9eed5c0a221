package cn.zhaoshang.clue.web;

import static cn.zhaoshang.support.Pages.as;
import static cn.zhaoshang.support.Pages.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.clue.internal.ClueImport;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.LedgerSheets;
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
 * The clue import on H2 and PostgreSQL, through its page: the template's headers, new clues with their links,
 * all-or-nothing with every error named by row, column and reason, updates of only what changed, the exported list
 * importing as unchanged, and the unit scope.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ClueImportTests {

	static final List<String> HEADERS = List.of("线索标题", "企业", "统一社会信用代码", "产业链", "产业链环节", "预计投资（万元）",
			"招商方式", "来源", "推荐人或机构", "承办单位", "承办人", "状态", "线索说明");

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	/** A valid new clue of 华龙区 in the 化工 chain; change what a test is about. */
	static Map<String, Object> row(String title, String enterprise) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("线索标题", title);
		row.put("企业", enterprise);
		row.put("产业链", "化工");
		row.put("预计投资（万元）", new BigDecimal("1200.5"));
		row.put("招商方式", "资本招商");
		row.put("来源", "招商顾问");
		row.put("推荐人或机构", "顾问甲");
		return row;
	}

	@Test
	void the_template_has_the_headers_in_chinese_and_the_list_links_the_page() throws Exception {
		var response = mvc.perform(get("/clues/import/template.xlsx").with(as(accounts, "hualong")))
			.andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			var header = workbook.getSheetAt(0).getRow(0);
			for (int c = 0; c < HEADERS.size(); c++) {
				assertThat(header.getCell(c).getStringCellValue()).isEqualTo(HEADERS.get(c));
			}
		}
		assertThat(page("/clues", "hualong")).contains("href=\"/clues/import\"");
		assertThat(page("/clues", "viewer")).doesNotContain("href=\"/clues/import\"");
		assertThat(page("/clues/import", "hualong")).contains("id=\"import-form\"", "/clues/import/template.xlsx");
	}

	@Test
	void a_good_file_creates_clues_with_owner_assignee_status_and_enterprise_links() throws Exception {
		String tag = unique("入");
		var first = row(tag + "甲", "河南交投物流集团有限公司");
		first.put("统一社会信用代码", "91410000MA46HQ7C16");
		first.put("承办人", "刘洋");
		first.put("状态", "跟进中");
		first.put("线索说明", "已初步接触");
		var second = row(tag + "乙", tag + "新材料有限公司");
		second.put("招商方式", null);
		assertThat(upload("hualong", LedgerSheets.xlsx(HEADERS, List.of(first, second))))
			.contains("导入完成：新增 2 条线索，更新 0 条，0 行与线索库一致、未作改动。");
		var a = clue(tag + "甲");
		assertThat(a.get("status")).isEqualTo("FOLLOWING");
		assertThat(a.get("merchant_id")).isNotNull();
		assertThat(a.get("owner_unit_id")).isEqualTo(unit("hualong"));
		assertThat(a.get("assignee_id")).isNotNull();
		assertThat(a.get("description")).isEqualTo("已初步接触");
		assertThat(new BigDecimal(a.get("estimated_investment").toString())).isEqualByComparingTo("1200.50");
		var b = clue(tag + "乙");
		assertThat(b.get("status")).isEqualTo("NEW");
		assertThat(b.get("merchant_id")).isNull();
		assertThat(b.get("promotion_mode")).isNull();
		assertThat(audits(tag, "CREATE")).isEqualTo(2);

		// the city bureau's rows without a unit go to the city pool
		assertThat(upload("city", LedgerSheets.xlsx(HEADERS, List.of(row(tag + "丙", tag + "化工有限公司")))))
			.contains("新增 1 条线索");
		assertThat(clue(tag + "丙").get("owner_unit_id")).isNull();
	}

	@Test
	void a_row_whose_uscc_names_an_enterprise_registered_under_another_name_finds_its_clue_again() throws Exception {
		String tag = unique("码");
		var short_ = row(tag + "丁", "交投物流");
		short_.put("统一社会信用代码", "91410000MA46HQ7C16");
		byte[] file = LedgerSheets.xlsx(HEADERS, List.of(short_));
		assertThat(upload("hualong", file)).contains("新增 1 条线索");
		assertThat(upload("hualong", file)).contains("新增 0 条线索");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM clue WHERE title = :t").param("t", tag + "丁").query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void a_file_with_bad_cells_is_refused_whole_with_each_error_and_nothing_is_saved() throws Exception {
		String tag = unique("错");
		var good = row(tag + "好", tag + "有限公司");
		var uscc = row(tag + "码", tag + "有限公司");
		uscc.put("统一社会信用代码", "91410000MA46HQ7C17");
		var chain = row(tag + "链", tag + "有限公司");
		chain.put("产业链", "不存在的链");
		var unitRow = row(tag + "单", tag + "有限公司");
		unitRow.put("承办单位", "不存在的区");
		var status = row(tag + "态", tag + "有限公司");
		status.put("状态", "无效");
		var negative = row(tag + "负", tag + "有限公司");
		negative.put("预计投资（万元）", new BigDecimal("-5"));
		var untitled = row("", tag + "有限公司");
		untitled.remove("线索标题");
		var twice = row(tag + "好", tag + "有限公司");
		String html = upload("city",
				LedgerSheets.xlsx(HEADERS, List.of(good, uscc, chain, unitRow, status, negative, untitled, twice)));
		assertThat(html).contains("工作簿中有 7 处错误，未导入任何数据");
		assertThat(errors(html)).containsExactly(
				"3 | 统一社会信用代码 | 统一社会信用代码无效：须为 18 位且校验位正确（GB 32100-2015）",
				"4 | 产业链 | 系统中没有名为“不存在的链”的产业链", "5 | 承办单位 | 系统中没有名为“不存在的区”的单位",
				"6 | 状态 | 只能导入新线索、跟进中或已确认意向；转项目和作废须在线索页面操作", "7 | 预计投资（万元） | 不能为负数",
				"8 | 线索标题 | 不能为空", "9 | 线索标题 | 与第 2 行是同一线索（线索标题和企业相同）");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM clue WHERE enterprise_name = :e").param("e", tag + "有限公司")
			.query(Integer.class).single()).isZero();
	}

	@Test
	void an_update_changes_only_what_differs_and_the_export_imports_again_unchanged() throws Exception {
		String tag = unique("改");
		upload("hualong", LedgerSheets.xlsx(HEADERS, List.of(row(tag + "甲", tag + "公司"), row(tag + "乙", tag + "公司"))));
		var before = clue(tag + "甲");
		var changed = row(tag + "甲", tag + "公司");
		changed.put("预计投资（万元）", new BigDecimal("3000"));
		assertThat(upload("hualong",
				LedgerSheets.xlsx(HEADERS, List.of(changed, row(tag + "乙", tag + "公司")))))
			.contains("新增 0 条线索，更新 1 条，1 行与线索库一致");
		var after = clue(tag + "甲");
		assertThat(new BigDecimal(after.get("estimated_investment").toString())).isEqualByComparingTo("3000");
		assertThat(((Number) after.get("version")).intValue()).isEqualTo(((Number) before.get("version")).intValue() + 1);
		assertThat(after.get("source_credit")).isEqualTo("顾问甲");
		assertThat(audits(tag, "UPDATE")).isEqualTo(1);

		byte[] export = mvc.perform(get("/clues/export.xlsx").with(as(accounts, "city"))).andReturn().getResponse()
			.getContentAsByteArray();
		int rows;
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(export))) {
			rows = workbook.getSheetAt(0).getLastRowNum();
		}
		assertThat(rows).isGreaterThan(2);
		assertThat(upload("city", export)).contains("新增 0 条线索，更新 0 条，" + rows + " 行与线索库一致");
	}

	@Test
	void unit_users_import_only_into_their_unit_and_update_only_their_clues() throws Exception {
		String tag = unique("域");
		upload("qingfeng", LedgerSheets.xlsx(HEADERS, List.of(row(tag + "清丰", tag + "公司"))));
		var other = row(tag + "另", tag + "公司");
		other.put("承办单位", "清丰县");
		var foreign = row(tag + "清丰", tag + "公司");
		foreign.put("预计投资（万元）", new BigDecimal("1"));
		var status = row(tag + "清丰", tag + "公司");
		String html = upload("hualong", LedgerSheets.xlsx(HEADERS, List.of(other, foreign)));
		assertThat(errors(html)).containsExactly(
				"2 | 承办单位 | 无权为该单位导入线索：只能导入本单位及下级单位的线索",
				"3 | 线索标题 | 线索库中已有该线索，属于其他单位，您无权修改");
		status.put("状态", "已确认意向");
		assertThat(errors(upload("qingfeng", LedgerSheets.xlsx(HEADERS, List.of(status)))))
			.containsExactly("2 | 状态 | 状态须通过跟进和确认意向修改，不能由导入修改");
		assertThat(new BigDecimal(clue(tag + "清丰").get("estimated_investment").toString()))
			.isEqualByComparingTo("1200.5");
		for (String user : List.of("leader", "viewer", "agent")) {
			assertThat(mvc.perform(multipart("/clues/import").file(file(new byte[] { 1 })).with(csrf())
				.with(as(accounts, user))).andReturn().getResponse().getStatus()).isEqualTo(403);
		}
	}

	// --- helpers ------------------------------------------------------------------------------------------------

	Map<String, Object> clue(String title) {
		return jdbc.sql("SELECT * FROM clue WHERE title = :t").param("t", title).query().listOfRows().stream()
			.map(ClueImportTests::lower).findFirst().orElseThrow();
	}

	private static Map<String, Object> lower(Map<String, Object> row) {
		Map<String, Object> m = new LinkedHashMap<>();
		row.forEach((k, v) -> m.put(k.toLowerCase(java.util.Locale.ROOT), v));
		return m;
	}

	long audits(String tag, String action) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM audit_entry
				WHERE record_type = 'clue' AND action = :a AND summary LIKE :s""")
			.param("a", action).param("s", tag + "%").query(Long.class).single();
	}

	long unit(String code) {
		return cn.zhaoshang.support.Demo.unit(jdbc, code);
	}

	String page(String url, String user) throws Exception {
		return mvc.perform(get(url).with(as(accounts, user))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	static MockMultipartFile file(byte[] bytes) {
		return new MockMultipartFile("file", "线索.xlsx", ClueImport.CONTENT_TYPE, bytes);
	}

	/** The error table as "row | column | reason". */
	static List<String> errors(String html) {
		return Pages.all(Pages.from(html, "import-errors"),
				"<tr><td>(\\d+</td><td>[^<]+</td><td class=\"cell-wrap\">[^<]+)</td></tr>")
			.stream()
			.map(s -> s.replace("</td><td class=\"cell-wrap\">", " | ").replace("</td><td>", " | "))
			.toList();
	}

	/** Uploads the file as the user; after an import follows the redirect with the session (the flash). */
	private String upload(String user, byte[] bytes) throws Exception {
		var result = mvc.perform(multipart("/clues/import").file(file(bytes)).with(csrf()).with(as(accounts, user)))
			.andReturn();
		MockHttpServletResponse response = result.getResponse();
		if (response.getStatus() == 302) {
			response = mvc.perform(get(response.getRedirectedUrl()).with(as(accounts, user))
				.cookie(response.getCookie("SESSION"))).andReturn().getResponse();
		}
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}
}
