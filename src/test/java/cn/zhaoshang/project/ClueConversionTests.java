package cn.zhaoshang.project;

import static cn.zhaoshang.support.Pages.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import cn.zhaoshang.clue.ClueId;
import cn.zhaoshang.clue.ClueSource;
import cn.zhaoshang.clue.ClueStatus;
import cn.zhaoshang.clue.Clues;
import cn.zhaoshang.clue.FollowUpKind;
import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.clue.internal.ClueDetails;
import cn.zhaoshang.clue.internal.ConfirmClue;
import cn.zhaoshang.clue.internal.FollowUpClue;
import cn.zhaoshang.clue.internal.FollowUpInput;
import cn.zhaoshang.clue.internal.LogClue;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.internal.ConvertClue;
import cn.zhaoshang.project.internal.ProjectRepository;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Converting a confirmed clue into a project of the ledger (issue 4) on H2 and PostgreSQL: the project is
 * NEGOTIATING and carries the clue's facts, the clue is CONVERTED and linked, a clue that is not confirmed is
 * refused with nothing half-saved; the page action and the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ClueConversionTests {

	@Autowired
	ConvertClue convert;

	@Autowired
	ConfirmClue confirmClue;

	@Autowired
	FollowUpClue followUpClue;

	@Autowired
	LogClue logClue;

	@Autowired
	Clues clues;

	@Autowired
	ProjectRepository projects;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	MockMvc mvc;

	CurrentUser signIn(String username) {
		return Demo.signIn(accounts, username);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	long unit(String code) {
		return Demo.unit(jdbc, code);
	}

	long chain(String code) {
		return Demo.chain(jdbc, code);
	}

	/** A clue of 华龙区 from the Yangtze River Delta team, followed up and (when asked) confirmed. */
	long clue(String title, boolean confirmed) {
		CurrentUser manager = signIn("hualong");
		var d = new ClueDetails(title, title + "材料科技有限公司", null, chain("new-materials"), "高性能纤维",
				new BigDecimal("36000.50"), PromotionMode.SUPPLY_CHAIN, ClueSource.RESIDENT_TEAM, unit("rt-yrd"),
				"黄磊", unit("hualong"), null, null, null);
		long id = logClue.execute(d, manager).id().value();
		followUpClue.execute(id, new FollowUpInput(LocalDate.now(), FollowUpKind.VISIT, null, "走访", null, null), manager);
		if (confirmed) {
			confirmClue.execute(id, manager);
		}
		return id;
	}

	long projectCount() {
		return jdbc.sql("SELECT COUNT(*) FROM project").query(Long.class).single();
	}

	@Test
	void aConfirmedClueBecomesANegotiatingProjectCarryingItsFacts() {
		String title = Pages.unique("转化");
		long id = clue(title, true);
		CurrentUser manager = signIn("hualong");
		var p = convert.execute(new ConvertClue.Parameters(new ClueId(id), title + "项目", unit("hualong"),
				ProjectType.NEW, new BigDecimal("36000.50")), manager);
		var row = jdbc.sql("""
				SELECT p.stage, p.status, p.investor_name, p.unit_id, p.intro_unit_id, p.introducers, p.chain_id,
				       p.chain_link, p.promotion_mode, p.planned_investment, m.name
				FROM project p JOIN merchant m ON m.id = p.merchant_id WHERE p.id = :id""")
			.param("id", p.id().value())
			.query((rs, n) -> Map.of("stage", rs.getString(1), "status", rs.getString(2), "investor",
					rs.getString(3), "unit", rs.getLong(4), "intro", rs.getLong(5), "introducers", rs.getString(6),
					"chain", rs.getLong(7), "link", rs.getString(8), "mode", rs.getString(9), "planned",
					rs.getBigDecimal(10)))
			.single();
		assertThat(row).containsEntry("stage", "NEGOTIATING")
			.containsEntry("status", "ACTIVE")
			.containsEntry("investor", title + "材料科技有限公司")
			.containsEntry("unit", unit("hualong"))
			.containsEntry("intro", unit("rt-yrd"))
			.containsEntry("introducers", "黄磊")
			.containsEntry("chain", chain("new-materials"))
			.containsEntry("link", "高性能纤维")
			.containsEntry("mode", "SUPPLY_CHAIN");
		assertThat((BigDecimal) row.get("planned")).isEqualByComparingTo("36000.50");
		var c = clues.find(new ClueId(id)).orElseThrow();
		assertThat(c.status()).isEqualTo(ClueStatus.CONVERTED);
		assertThat(c.projectId()).isEqualTo(p.id());
		assertThat(c.projectCode()).isEqualTo(p.code());
		assertThat(clues.ofProject(p.id())).hasValueSatisfying(s -> assertThat(s.id().value()).isEqualTo(id));
		// the enterprise is now in the merchant database and the clue points at it
		assertThat(jdbc.sql("SELECT merchant_id FROM clue WHERE id = :id").param("id", id).query(Long.class).optional())
			.isPresent();
	}

	@Test
	void aClueThatIsNotConfirmedIsRefusedAndNothingIsSaved() {
		long id = clue(Pages.unique("未确认"), false);
		long before = projectCount();
		CurrentUser manager = signIn("hualong");
		assertThatThrownBy(() -> convert.execute(new ConvertClue.Parameters(new ClueId(id), "x", unit("hualong"),
				ProjectType.NEW, BigDecimal.ONE), manager))
			.isInstanceOfSatisfying(BusinessException.class, e -> {
				assertThat(e.status()).isEqualTo(422);
				assertThat(e.messageKey()).isEqualTo("clue.error.convertNotConfirmed");
			});
		assertThat(projectCount()).isEqualTo(before);
		assertThat(clues.find(new ClueId(id)).orElseThrow().status()).isEqualTo(ClueStatus.FOLLOWING);
	}

	@Test
	void anotherUnitCannotConvertAndAProjectNameClashLeavesTheClueConfirmed() {
		String title = Pages.unique("冲突");
		long id = clue(title, true);
		assertThatThrownBy(() -> convert.execute(new ConvertClue.Parameters(new ClueId(id), "x", unit("hualong"),
				ProjectType.NEW, BigDecimal.ONE), signIn("qingfeng")))
			.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.status()).isEqualTo(403));
		long first = clue(title + "二", true);
		long twin = clue(title + "二", true);
		CurrentUser manager = signIn("hualong");
		convert.execute(new ConvertClue.Parameters(new ClueId(first), title + "同名项目", unit("hualong"),
				ProjectType.NEW, BigDecimal.TEN), manager);
		long before = projectCount();
		// the same project name for the same investor: the ledger refuses, and the clue stays CONFIRMED
		assertThatThrownBy(() -> convert.execute(new ConvertClue.Parameters(new ClueId(twin), title + "同名项目",
				unit("hualong"), ProjectType.NEW, BigDecimal.TEN), manager))
			.isInstanceOfSatisfying(cn.zhaoshang.platform.FieldException.class,
					e -> assertThat(e.messageKey()).isEqualTo("validation.project.duplicate"));
		assertThat(projectCount()).isEqualTo(before);
		assertThat(clues.find(new ClueId(twin)).orElseThrow().status()).isEqualTo(ClueStatus.CONFIRMED);
		assertThat(clues.find(new ClueId(first)).orElseThrow().status()).isEqualTo(ClueStatus.CONVERTED);
	}

	@Test
	void thePageActionConvertsAndTheProjectPageShowsItsSourceClue() throws Exception {
		String title = Pages.unique("页面转化");
		long id = clue(title, true);
		SecurityContextHolder.clearContext();
		String form = mvc.perform(get("/clues/" + id + "/conversion").with(as(accounts, "hualong")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("value=\"" + title + "\"").contains("36000.50");
		String location = mvc.perform(post("/clues/" + id + "/conversion").with(as(accounts, "hualong")).with(csrf())
			.param("name", title + "产业园")
			.param("unitId", String.valueOf(unit("hualong")))
			.param("type", "NEW")
			.param("plannedInvestment", "40000"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/projects/");
		String project = mvc.perform(get(location).with(as(accounts, "viewer")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(project).contains("id=\"source-clue\"").contains("/clues/" + id);
		String clue = mvc.perform(get("/clues/" + id).with(as(accounts, "viewer")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(clue).contains("id=\"project-link\"").contains(location);
		// a second attempt is refused clearly
		mvc.perform(get("/clues/" + id + "/conversion").with(as(accounts, "hualong")))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void theApiAnswers201WithTheProjectsLocationOr422() throws Exception {
		long id = clue(Pages.unique("接口转化"), true);
		long notConfirmed = clue(Pages.unique("接口未确认"), false);
		SecurityContextHolder.clearContext();
		var token = com.jayway.jsonpath.JsonPath.read(mvc.perform(post("/api/v1/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"hualong\",\"password\":\"Demo@2026\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.token");
		var result = mvc.perform(post("/api/v1/clues/" + id + "/conversion").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"EXPANSION\"}"))
			.andExpect(status().isCreated())
			.andReturn();
		long projectId = ((Number) com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(),
				"$.projectId")).longValue();
		assertThat(result.getResponse().getHeader("Location")).endsWith("/api/v1/projects/" + projectId);
		assertThat(projects.findById(projectId)).hasValueSatisfying(p -> assertThat(p.stage()).isEqualTo(Stage.NEGOTIATING));
		mvc.perform(post("/api/v1/clues/" + notConfirmed + "/conversion").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isUnprocessableContent());
	}
}
