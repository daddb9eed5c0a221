package cn.zhaoshang.partner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.partner.PartnerFixtures;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.ApiTestSupport;
import cn.zhaoshang.support.Pages;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;

/**
 * Agreements after their creation, on H2 and PostgreSQL: one intermediary's agreements may not meet in period and
 * scope (422 naming the period and the rule, in Chinese); the city bureau edits an agreement at the version read
 * (API and form; audited; stale 409; the intermediary stays; rules that gave rewards keep their terms); the rewards
 * list exports as a workbook; the introducer-credit page shows and sets a project's credit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class AgreementEditTests extends ApiTestSupport {

	@Autowired
	AccountUserDetailsService accounts;

	PartnerFixtures f;

	@BeforeEach
	void setUp() {
		f = new PartnerFixtures(mvc, json, jdbc);
	}

	Map<String, Object> body(long unit, String from, String to, String chains, String regions) {
		var body = new LinkedHashMap<String, Object>();
		body.put("intermediaryUnitId", unit);
		body.put("title", Pages.unique("协议"));
		body.put("from", from);
		body.put("to", to);
		body.put("scopeChains", chains);
		body.put("scopeRegions", regions);
		body.put("rules", List.of(Map.of("stage", "SIGNED", "fixedAmount", 5000)));
		return body;
	}

	long create(Map<String, Object> body) throws Exception {
		var result = f.as("city", post("/api/v1/agreements").contentType(MediaType.APPLICATION_JSON)
			.content(f.write(body))).andExpect(status().isCreated()).andReturn();
		return ((Number) JsonPath.read(PartnerFixtures.body(result), "$.id")).longValue();
	}

	@Test
	void agreements_of_one_intermediary_may_not_meet_in_period_and_scope() throws Exception {
		long consult = f.unit("agent-consult");
		var first = body(consult, "2003-01-01", "2003-12-31", "化工、新材料", "长三角");
		long id = create(first);
		long before = jdbc.sql("SELECT COUNT(*) FROM partner_agreement").query(Long.class).single();

		// a shared chain and region over shared days: refused, naming the period and the agreement met
		f.as("city", post("/api/v1/agreements").contentType(MediaType.APPLICATION_JSON)
			.content(f.write(body(consult, "2003-06-01", "2004-05-31", "新材料", "长三角，珠三角"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("validFrom"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(first.get("title").toString())))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("期限和委托范围重叠")));
		// a blank scope covers every chain: refused too
		f.as("city", post("/api/v1/agreements").contentType(MediaType.APPLICATION_JSON)
			.content(f.write(body(consult, "2003-12-31", "2004-01-31", null, null))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'validFrom')].message").value(hasItem(containsString("重叠"))));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM partner_agreement").query(Long.class).single()).isEqualTo(before);

		// another chain, or the days after, or another intermediary: accepted
		long other = create(body(consult, "2003-06-01", "2003-12-31", "绿色食品", null));
		create(body(consult, "2004-01-01", "2004-12-31", "化工", "长三角"));
		create(body(f.unit("agent-zj"), "2003-01-01", "2003-12-31", "化工、新材料", "长三角"));

		// an edit is checked the same way, the agreement itself excepted
		var edit = body(consult, "2003-06-01", "2003-12-31", "新材料", null);
		edit.put("version", 0);
		f.as("city", put("/api/v1/agreements/" + other).contentType(MediaType.APPLICATION_JSON).content(f.write(edit)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("validFrom"));
		first.put("version", 0);
		first.put("to", "2003-11-30");
		f.as("city", put("/api/v1/agreements/" + id).contentType(MediaType.APPLICATION_JSON).content(f.write(first)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.to").value("2003-11-30"));
	}

	@Test
	void the_city_bureau_edits_an_agreement_at_the_version_read_and_the_edit_is_audited() throws Exception {
		long consult = f.unit("agent-consult");
		var body = body(consult, "2005-01-01", "2005-12-31", "装备制造", null);
		long id = create(body);
		body.put("version", 0);
		body.put("financialSupport", "每年工作经费 3 万元");
		body.put("rules", List.of(Map.of("stage", "SIGNED", "fixedAmount", 6000),
				Map.of("stage", "COMMENCED", "percentOfFunds", 0.3, "cap", 100000)));

		f.as("hualong", put("/api/v1/agreements/" + id).contentType(MediaType.APPLICATION_JSON).content(f.write(body)))
			.andExpect(status().isForbidden());
		var moved = new LinkedHashMap<>(body);
		moved.put("intermediaryUnitId", f.unit("agent-zj"));
		f.as("city", put("/api/v1/agreements/" + id).contentType(MediaType.APPLICATION_JSON).content(f.write(moved)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("intermediaryUnitId"));
		f.as("city", put("/api/v1/agreements/" + id).contentType(MediaType.APPLICATION_JSON).content(f.write(body)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.financialSupport").value("每年工作经费 3 万元"))
			.andExpect(jsonPath("$.rules.length()").value(2))
			.andExpect(jsonPath("$.rules[0].fixedAmount").value(6000));
		// the same version again is stale
		f.as("city", put("/api/v1/agreements/" + id).contentType(MediaType.APPLICATION_JSON).content(f.write(body)))
			.andExpect(status().isConflict());
		var audit = jdbc.sql("SELECT before_json, after_json FROM audit_entry WHERE record_type = 'partner_agreement'"
				+ " AND record_id = :id AND action = 'UPDATE'")
			.param("id", String.valueOf(id))
			.query((rs, n) -> rs.getString(1) + " => " + rs.getString(2))
			.single();
		assertThat(audit).contains("financialSupport").contains("每年工作经费 3 万元").contains("rules")
			.doesNotContain("scopeChains");

		// the form: filled with the agreement, saved at its version; a stale one is refused
		String page = mvc.perform(get("/partner/agreements/" + id + "/edit").with(Pages.as(accounts, "city")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("name=\"version\" value=\"1\"").contains("每年工作经费 3 万元");
		mvc.perform(post("/partner/agreements/" + id + "/edit").with(Pages.as(accounts, "city")).with(csrf())
			.param("version", "1")
			.param("intermediaryUnitId", String.valueOf(consult))
			.param("agreementTitle", "装备制造委托协议")
			.param("validFrom", "2005-01-01")
			.param("validTo", "2005-12-31")
			.param("scopeChains", "装备制造")
			.param("rules[0].stage", "SIGNED")
			.param("rules[0].fixedAmount", "6000"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/partner/agreements/" + id));
		f.as("city", get("/api/v1/agreements/" + id))
			.andExpect(jsonPath("$.title").value("装备制造委托协议"))
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.rules.length()").value(1));
		mvc.perform(post("/partner/agreements/" + id + "/edit").with(Pages.as(accounts, "hualong")).with(csrf())
			.param("version", "2")).andExpect(status().isForbidden());
	}

	@Test
	void a_rule_that_gave_rewards_keeps_its_terms() throws Exception {
		long zj = f.unit("agent-zj");
		LocalDate today = LocalDate.now();
		String name = Pages.unique("规则已奖励项目");
		long project = f.project(name, "agent-zj");
		f.reviewRequired("hualong", true);
		try {
			f.approve(project, f.submitSigned(project, today.minusDays(2)));
		}
		finally {
			f.reviewRequired("hualong", false);
		}
		long demo = jdbc.sql("SELECT id FROM partner_agreement WHERE title = '濮阳市浙江商会委托招商协议'")
			.query(Long.class)
			.single();
		var current = PartnerFixtures.body(f.as("city", get("/api/v1/agreements/" + demo)).andReturn());
		var body = body(zj, "2026-01-01", "2027-12-31", "新材料、智能家居", "浙江省、长三角");
		body.put("title", "濮阳市浙江商会委托招商协议");
		body.put("version", JsonPath.read(current, "$.version"));
		body.put("rules", List.of(Map.of("stage", "SIGNED", "fixedAmount", 9000),
				Map.of("stage", "COMMENCED", "percentOfFunds", 0.5, "cap", 200000)));
		f.as("city", put("/api/v1/agreements/" + demo).contentType(MediaType.APPLICATION_JSON).content(f.write(body)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("rules[0].stage"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("已计算奖励")));

		// the rewards list as a workbook: the header and the reward of the project with its localised rule
		byte[] xlsx = f.as("city", get("/api/v1/rewards/export.xlsx?intermediary=" + zj))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = wb.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("中介机构");
			Row row = null;
			for (Row r : sheet) {
				if (r.getCell(2) != null && name.equals(r.getCell(2).getStringCellValue())) {
					row = r;
				}
			}
			assertThat(row).isNotNull();
			assertThat(row.getCell(3).getStringCellValue()).isEqualTo("签约");
			assertThat(row.getCell(5).getStringCellValue()).contains("固定 10000.00 元");
			assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(10000.0);
			assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue()).isEqualTo("合计");
		}
		f.as("agent", get("/api/v1/rewards/export.xlsx?intermediary=" + f.unit("agent-consult")))
			.andExpect(status().isForbidden());
	}

	@Test
	void the_introducer_credit_page_shows_and_sets_a_projects_credit() throws Exception {
		long zj = f.unit("agent-zj");
		long consult = f.unit("agent-consult");
		long project = f.project(Pages.unique("功劳页项目"), "agent-zj");
		String page = mvc.perform(get("/partner/credits/" + project).with(Pages.as(accounts, "city")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Pages.from(page, "credit-shares")).contains("濮阳市浙江商会").contains("100.00%");
		assertThat(page).contains("id=\"credit-form\"");

		// parts that do not add up are refused by the rule; nothing saved
		String refused = mvc.perform(post("/partner/credits/" + project).with(Pages.as(accounts, "city")).with(csrf())
			.param("credits[0].unitId", String.valueOf(zj))
			.param("credits[0].percent", "60")
			.param("credits[1].unitId", String.valueOf(consult))
			.param("credits[1].percent", "30"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("10000 个基点");
		mvc.perform(post("/partner/credits/" + project).with(Pages.as(accounts, "city")).with(csrf())
			.param("credits[0].unitId", String.valueOf(zj))
			.param("credits[0].percent", "60.5"))
			.andExpect(status().isOk());
		mvc.perform(post("/partner/credits/" + project).with(Pages.as(accounts, "city")).with(csrf())
			.param("credits[0].unitId", String.valueOf(zj))
			.param("credits[0].percent", "60.555"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("第 1 行的份额")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM partner_introducer_credit WHERE project_id = :p").param("p", project)
			.query(Long.class).single()).isZero();

		mvc.perform(post("/partner/credits/" + project).with(Pages.as(accounts, "city")).with(csrf())
			.param("credits[0].unitId", String.valueOf(zj))
			.param("credits[0].percent", "62.5")
			.param("credits[1].unitId", String.valueOf(consult))
			.param("credits[1].percent", "37.5"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/partner/credits/" + project));
		assertThat(jdbc.sql("SELECT share_bp FROM partner_introducer_credit WHERE project_id = :p ORDER BY share_bp")
			.param("p", project).query(Integer.class).list()).containsExactly(3750, 6250);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'project' AND record_id = :id"
				+ " AND action = 'INTRODUCER_CREDIT'").param("id", String.valueOf(project)).query(Long.class).single())
			.isEqualTo(1);

		// a unit manager reads it (also on the project page) but may not set it; an intermediary may not read it
		String managers = mvc.perform(get("/partner/credits/" + project).with(Pages.as(accounts, "hualong")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(managers).contains("62.50%").doesNotContain("id=\"credit-form\"");
		String projectPage = mvc.perform(get("/projects/" + project).with(Pages.as(accounts, "hualong")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Pages.from(projectPage, "introducer-credit")).contains("河南中原招商咨询有限公司").contains("37.50%");
		mvc.perform(post("/partner/credits/" + project).with(Pages.as(accounts, "hualong")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/partner/credits/" + project).with(Pages.as(accounts, "agent")))
			.andExpect(status().isForbidden());
	}
}
