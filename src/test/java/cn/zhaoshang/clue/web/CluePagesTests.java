package cn.zhaoshang.clue.web;

import static cn.zhaoshang.support.Pages.as;
import static cn.zhaoshang.support.Pages.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;

import cn.zhaoshang.clue.ClueSource;
import cn.zhaoshang.clue.ClueStatus;
import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.clue.internal.ClueDetails;
import cn.zhaoshang.clue.internal.ClueQueries;
import cn.zhaoshang.clue.internal.LogClue;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.user.AccountUserDetailsService;

import cn.zhaoshang.support.Demo;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The clue pages through MockMvc, signed in as the demo accounts: list search and filters, the board, the export,
 * the detail page (claim conflict, candidates, actions by role), forms with Chinese field messages, and an
 * intermediary who sees its own clues and nothing else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class CluePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	LogClue logClue;

	@Autowired
	ClueQueries queries;

	@Autowired
	Merchants merchants;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	CurrentUser signIn(String username) {
		return Demo.signIn(accounts, username);
	}

	long unit(String code) {
		return Demo.unit(jdbc, code);
	}

	long chain(String code) {
		return Demo.chain(jdbc, code);
	}

	long log(String username, String title, String enterprise, String ownerCode, Long merchantId) {
		var d = new ClueDetails(title, enterprise, merchantId, chain("new-materials"), null, new BigDecimal("880.00"),
				PromotionMode.CAPITAL, ClueSource.CONSULTANT, null, "顾问", ownerCode == null ? null : unit(ownerCode),
				null, null, null);
		long id = logClue.execute(d, signIn(username)).id().value();
		SecurityContextHolder.clearContext();
		return id;
	}

	String page(String url, String username) throws Exception {
		return mvc.perform(get(url).with(as(accounts, username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void theListFindsAClueByPartOfItsChineseEnterpriseNameAndFiltersByUnitAndPool() throws Exception {
		String tag = unique("搜");
		log("hualong", tag + "甲", "濮阳" + tag + "新材料有限公司", "hualong", null);
		log("city", tag + "乙", "郑州" + tag + "化工有限公司", null, null);
		String byEnterprise = page("/clues?q=" + tag + "新材料", "qingfeng");
		assertThat(byEnterprise).contains(tag + "甲").doesNotContain(tag + "乙");
		String pool = page("/clues?q=" + tag + "&unit=pool", "viewer");
		assertThat(pool).contains(tag + "乙").doesNotContain(tag + "甲");
		String hualong = page("/clues?q=" + tag + "&unit=" + unit("hualong") + "&sort=title&dir=asc", "leader");
		assertThat(hualong).contains(tag + "甲").doesNotContain(tag + "乙");
		String board = page("/clues/board?q=" + tag, "city");
		assertThat(board).contains("id=\"col-NEW\"").contains(tag + "甲").contains(tag + "乙");
	}

	@Test
	void theExportHasChineseHeadersNumbersAndDatesForTheFilteredList() throws Exception {
		String tag = unique("导");
		log("hualong", tag + "导出线索", "濮阳" + tag + "有限公司", "hualong", null);
		byte[] xlsx = mvc.perform(get("/clues/export.xlsx?q=" + tag).with(as(accounts, "viewer")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = wb.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("线索标题");
			assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("预计投资（万元）");
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			var row = sheet.getRow(1);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo(tag + "导出线索");
			assertThat(row.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(880.0);
			assertThat(row.getCell(10).getStringCellValue()).isEqualTo("新线索");
			assertThat(DateUtil.isCellDateFormatted(row.getCell(11))).isTrue();
			assertThat(row.getCell(11).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.now());
		}
	}

	@Test
	void theFormNamesTheFieldAndTheRuleInChineseAndSavesNothing() throws Exception {
		String tag = unique("表");
		long before = jdbc.sql("SELECT COUNT(*) FROM clue").query(Long.class).single();
		String html = mvc.perform(post("/clues/new").with(as(accounts, "hualong")).with(csrf())
			.param("clueTitle", "")
			.param("enterpriseName", tag)
			.param("ownerUnitId", String.valueOf(unit("hualong")))
			.param("estimatedInvestment", "-5")
			.param("source", "OTHER"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("线索标题：不能为空").contains("预计投资额（万元）：不能为负数")
			.contains("所属产业链：不能为空");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM clue").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aFollowUpInTheFutureIsRefusedOnThePhonePageWithItsFieldNamed() throws Exception {
		long id = log("hualong", unique("跟"), unique("企业"), "hualong", null);
		String html = mvc.perform(post("/clues/" + id + "/follow-ups").with(as(accounts, "hualong.staff")).with(csrf())
			.param("from", "page")
			.param("followUpDate", LocalDate.now().plusDays(2).toString())
			.param("followUpKind", "VISIT")
			.param("content", "走访"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("跟进日期：不能晚于今天").contains("id=\"follow-up-form\"");
		mvc.perform(post("/clues/" + id + "/follow-ups").with(as(accounts, "hualong.staff")).with(csrf())
			.param("followUpDate", LocalDate.now().toString())
			.param("followUpKind", "CALL")
			.param("peopleMet", "王经理")
			.param("content", "电话沟通用地需求"))
			.andExpect(status().is3xxRedirection());
		assertThat(queries.row(id).status()).isEqualTo(ClueStatus.FOLLOWING);
		String detail = page("/clues/" + id, "hualong");
		assertThat(detail).contains("电话沟通用地需求").contains("王经理").contains("id=\"confirm\"");
	}

	@Test
	void theDetailPageWarnsOfAClaimConflictAndOffersSimilarlyNamedEnterprises() throws Exception {
		String core = unique("恒");
		var m = merchants.findOrRegister("濮阳市" + core + "化工有限公司", null);
		long mine = log("hualong", unique("冲突"), "x", "hualong", m.id().value());
		log("qingfeng", unique("冲突"), "x", "qingfeng", m.id().value());
		String html = page("/clues/" + mine, "hualong");
		assertThat(html).contains("id=\"claim-conflict\"").contains("华龙区").contains("清丰县");
		long unmatched = log("hualong", unique("候选"), core + "化工（濮阳）有限公司", "hualong", null);
		String candidates = page("/clues/" + unmatched, "hualong");
		assertThat(candidates).contains("id=\"candidates\"").contains("濮阳市" + core + "化工有限公司");
		mvc.perform(post("/clues/" + unmatched + "/match").with(as(accounts, "hualong")).with(csrf())
			.param("merchantId", String.valueOf(m.id().value()))).andExpect(status().is3xxRedirection());
		assertThat(queries.row(unmatched).merchantId()).isEqualTo(m.id().value());
	}

	@Test
	void readOnlyRolesSeeNoActionsAndGetRefusedWhenTheyTry() throws Exception {
		long id = log("hualong", unique("读"), unique("企业"), "hualong", null);
		String html = page("/clues/" + id, "leader");
		assertThat(html).doesNotContain("id=\"edit-clue\"").doesNotContain("id=\"assign\"")
			.doesNotContain("id=\"follow-up-form\"");
		String other = page("/clues/" + id, "qingfeng");
		assertThat(other).doesNotContain("id=\"edit-clue\"").doesNotContain("id=\"follow-up-form\"");
		mvc.perform(get("/clues/" + id + "/edit").with(as(accounts, "qingfeng"))).andExpect(status().isForbidden());
		mvc.perform(post("/clues/" + id + "/confirm").with(as(accounts, "qingfeng")).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void theFollowUpReturnAndAssignmentFormsAreRefusedExactlyWhenTheirPostsAre() throws Exception {
		long id = log("hualong", unique("域"), unique("企业"), "hualong", null);
		String[][] formAndAction = { { "/follow-up", "/follow-ups" }, { "/return", "/return" },
				{ "/assignment", "/assignment" } };
		for (String[] pair : formAndAction) {
			// another unit's manager: the action is refused, and so is the form that leads to it
			int action = mvc.perform(post("/clues/" + id + pair[1]).with(as(accounts, "qingfeng")).with(csrf())
				.param("reason", "越权")).andReturn().getResponse().getStatus();
			int form = mvc.perform(get("/clues/" + id + pair[0]).with(as(accounts, "qingfeng"))).andReturn()
				.getResponse()
				.getStatus();
			assertThat(action).as("POST " + pair[1]).isEqualTo(403);
			assertThat(form).as("GET " + pair[0] + " of another unit's clue").isEqualTo(action);
			// the owning unit's manager opens it
			page("/clues/" + id + pair[0], "hualong");
		}
		// the owning unit's staff (not the assignee) follows up, but neither assigns nor returns the clue
		page("/clues/" + id + "/follow-up", "hualong.staff");
		for (String form : new String[] { "/return", "/assignment" }) {
			mvc.perform(get("/clues/" + id + form).with(as(accounts, "hualong.staff")))
				.andExpect(status().isForbidden());
		}
		assertThat(queries.row(id).status()).isEqualTo(ClueStatus.NEW);
	}

	@Test
	void theInvalidFormAsksForConfirmationAndAReason() throws Exception {
		long id = log("hualong", unique("废"), unique("企业"), "hualong", null);
		String form = page("/clues/" + id + "/invalid", "hualong");
		assertThat(form).contains("data-confirm=");
		String refused = mvc.perform(post("/clues/" + id + "/invalid").with(as(accounts, "hualong")).with(csrf())
			.param("reason", " "))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("原因：不能为空");
		assertThat(queries.row(id).status()).isEqualTo(ClueStatus.NEW);
	}

	@Test
	void anIntermediarySeesOnlyItsOwnCluesAndIsRefusedEverythingElse() throws Exception {
		String tag = unique("介");
		long theirs = log("hualong", tag + "区里的", unique("企业"), "hualong", null);
		mvc.perform(post("/clues/new").with(as(accounts, "agent")).with(csrf())
			.param("clueTitle", tag + "商会提交")
			.param("enterpriseName", "宁波" + tag + "有限公司")
			.param("ownerUnitId", String.valueOf(unit("etdz")))
			.param("chainId", String.valueOf(chain("smart-home"))))
			.andExpect(status().is3xxRedirection());
		String mine = page("/clues?q=" + tag, "agent");
		assertThat(mine).contains(tag + "商会提交").doesNotContain(tag + "区里的").contains("id=\"mine-hint\"")
			.doesNotContain("id=\"export\"").doesNotContain("/projects");
		mvc.perform(get("/clues/" + theirs).with(as(accounts, "agent"))).andExpect(status().isNotFound());
		for (String url : new String[] { "/projects", "/clues/board", "/clues/export.xlsx", "/org/units",
				"/projects/board" }) {
			mvc.perform(get(url).with(as(accounts, "agent"))).andExpect(status().isForbidden());
		}
		String form = page("/clues/new", "agent");
		assertThat(form).contains("华龙区").contains("濮阳经济技术开发区").doesNotContain("清丰县");
	}

	@Test
	void theAdministratorEditsWhichUnitsEntrustAnIntermediary() throws Exception {
		long zj = unit("agent-zj");
		String form = page("/org/units/" + zj + "/entrustment", "admin");
		assertThat(form).contains("name=\"unitIds\"");
		long consult = unit("agent-consult");
		mvc.perform(post("/org/units/" + consult + "/entrustment").with(as(accounts, "admin")).with(csrf())
			.param("unitIds", String.valueOf(unit("puyang")), String.valueOf(unit("nanle")),
					String.valueOf(unit("taiqian"))))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM unit_entrustment WHERE intermediary_unit_id = :i")
			.param("i", consult)
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_entry WHERE record_type = 'unit' AND record_id = :i AND action = 'ENTRUSTMENT'""")
			.param("i", String.valueOf(consult))
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(1);
	}
}
