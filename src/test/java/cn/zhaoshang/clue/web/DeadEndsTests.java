package cn.zhaoshang.clue.web;

import static cn.zhaoshang.support.Pages.as;
import static cn.zhaoshang.support.Pages.idOf;
import static cn.zhaoshang.support.Pages.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.zhaoshang.clue.ClueSource;
import cn.zhaoshang.clue.FollowUpKind;
import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.clue.internal.AssignClue;
import cn.zhaoshang.clue.internal.ClueDetails;
import cn.zhaoshang.clue.internal.ClueQueries;
import cn.zhaoshang.clue.internal.LogClue;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The small dead ends found when the platform was tried as a new user would (issue 8): each page now offers the next
 * step or says what is true.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeadEndsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	AssignClue assignClue;

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

	long log(String enterprise, Long merchantId) {
		var d = new ClueDetails(unique("死胡同"), enterprise, merchantId, Demo.chain(jdbc, "chemical"), null,
				new BigDecimal("100"), PromotionMode.CAPITAL, ClueSource.EVENT, null, null,
				Demo.unit(jdbc, "hualong"), null, null, null);
		long id = logClue.execute(d, Demo.signIn(accounts, "hualong")).id().value();
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

	// ------------------------------------------------------------------ 最近跟进

	@Test
	void a_clue_without_follow_up_says_so_instead_of_showing_its_registration_date() throws Exception {
		long id = log("某化工企业", null);
		String fact = Pages.from(page("/clues/" + id, "hualong"), "fact-last-follow-up");
		assertThat(fact.substring(0, fact.indexOf("</dd>"))).contains("尚无跟进").doesNotContain(LocalDate.now().toString());
		String list = page("/clues?q=" + queries.row(id).title(), "hualong");
		assertThat(Pages.table(list, "clue-table")).contains("尚无跟进");

		LocalDate visited = LocalDate.now().minusDays(2);
		mvc.perform(post("/clues/" + id + "/follow-ups").with(as(accounts, "hualong")).with(csrf())
			.param("followUpDate", visited.toString())
			.param("followUpKind", FollowUpKind.VISIT.name())
			.param("content", "走访企业"))
			.andExpect(status().is3xxRedirection());
		String after = Pages.from(page("/clues/" + id, "hualong"), "fact-last-follow-up");
		assertThat(after.substring(0, after.indexOf("</dd>"))).contains(visited.toString()).doesNotContain("尚无跟进");
	}

	// ------------------------------------------------------------------ 指派 / 改派

	@Test
	void the_first_assignment_reads_as_assigned_to_and_a_change_of_person_as_reassigned_from_to() throws Exception {
		long id = log("某化工企业", null);
		var manager = Demo.signIn(accounts, "hualong");
		long hualong = Demo.unit(jdbc, "hualong");
		assignClue.execute(id, hualong, Demo.user(jdbc, "hualong.staff"), null, manager);
		String first = Pages.from(page("/clues/" + id, "hualong"), "assignments");
		assertThat(first).contains("指派").contains("至 华龙区（刘洋）").doesNotContain("改派").doesNotContain("自 华龙区");

		assignClue.execute(id, hualong, Demo.user(jdbc, "hualong"), null, manager);
		String second = Pages.from(page("/clues/" + id, "hualong"), "assignments");
		assertThat(second).contains("改派").contains("自 华龙区（刘洋）");
		assertThat(jdbc.sql("SELECT kind FROM clue_assignment WHERE clue_id = :c ORDER BY id")
			.param("c", id)
			.query(String.class)
			.list()).containsExactly("CREATE", "ASSIGN", "REASSIGN");
	}

	// ------------------------------------------------------------------ 企业尚未关联客商库

	@Test
	void an_unlinked_enterprise_is_found_by_part_of_its_name_and_linked_from_the_clue_page() throws Exception {
		String core = unique("链");
		var m = merchants.findOrRegister("河南" + core + "新材料股份有限公司", null);
		long id = log("某某公司", null);
		String html = page("/clues/" + id, "hualong");
		assertThat(html).contains("id=\"link-merchant\"").contains("id=\"unmatched-link\"")
			.contains("id=\"register-merchant\"");
		String found = page("/clues/" + id + "?enterprise=" + core, "hualong");
		assertThat(Pages.from(found, "enterprise-hits")).contains("河南" + core + "新材料股份有限公司");
		assertThat(Pages.from(page("/clues/" + id + "?enterprise=" + unique("无此"), "hualong"), "enterprise-hits"))
			.contains("客商库中没有名称包含");
		mvc.perform(post("/clues/" + id + "/match").with(as(accounts, "hualong")).with(csrf())
			.param("merchantId", String.valueOf(m.id().value()))).andExpect(redirectedUrl("/clues/" + id));
		assertThat(queries.row(id).merchantId()).isEqualTo(m.id().value());
		assertThat(page("/clues/" + id, "hualong")).doesNotContain("id=\"link-merchant\"");
		// readers get no offer
		long other = log("另一家公司", null);
		assertThat(page("/clues/" + other, "viewer")).doesNotContain("id=\"link-merchant\"");
	}

	@Test
	void an_unlinked_enterprise_is_registered_from_the_clue_page_and_flagged_incomplete_until_completed()
			throws Exception {
		String name = "濮阳" + unique("登记") + "科技有限公司";
		long id = log(name, null);
		mvc.perform(post("/clues/" + id + "/register-merchant").with(as(accounts, "hualong")).with(csrf()))
			.andExpect(redirectedUrl("/clues/" + id));
		Long merchantId = queries.row(id).merchantId();
		assertThat(merchantId).isNotNull();
		assertThat(merchants.find(new cn.zhaoshang.merchant.MerchantId(merchantId)).orElseThrow().name())
			.isEqualTo(name);
		// a second registration of the same name finds it instead of making a duplicate
		long again = log(name, null);
		mvc.perform(post("/clues/" + again + "/register-merchant").with(as(accounts, "hualong")).with(csrf()))
			.andExpect(redirectedUrl("/clues/" + again));
		assertThat(queries.row(again).merchantId()).isEqualTo(merchantId);

		String merchant = page("/merchants/" + merchantId, "hualong");
		assertThat(merchant).contains("id=\"incomplete-badge\"").contains("资料不全").contains("id=\"incomplete-notice\"");
	}

	// ------------------------------------------------------------------ 投资方 资料不全

	@Test
	void an_investor_registered_from_the_project_form_is_flagged_incomplete_on_the_project_and_its_page()
			throws Exception {
		String investor = "濮阳" + unique("项目投资方") + "有限公司";
		var created = mvc.perform(post("/projects/new").with(as(accounts, "hualong")).with(csrf())
			.param("name", unique("资料不全项目"))
			.param("investorName", investor)
			.param("unitId", String.valueOf(Demo.unit(jdbc, "hualong")))
			.param("chainId", String.valueOf(Demo.chain(jdbc, "chemical")))
			.param("type", "NEW")
			.param("plannedInvestment", "10"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String project = page(created.getResponse().getRedirectedUrl(), "hualong");
		assertThat(project).contains("id=\"investor-incomplete\"").contains("资料不全");
		long merchantId = jdbc.sql("SELECT id FROM merchant WHERE name = :n").param("n", investor)
			.query(Long.class).single();
		String merchant = page("/merchants/" + merchantId, "hualong");
		assertThat(merchant).contains("id=\"incomplete-badge\"").contains("id=\"complete-merchant\"");
		assertThat(page("/merchants/" + merchantId, "viewer")).contains("id=\"incomplete-badge\"")
			.doesNotContain("id=\"complete-merchant\"");

		// once it has a type and a chain it is complete
		jdbc.sql("UPDATE merchant SET enterprise_type = 'PRIVATE' WHERE id = :id").param("id", merchantId).update();
		jdbc.sql("INSERT INTO merchant_chain (merchant_id, chain_id) VALUES (:m, :c)")
			.param("m", merchantId)
			.param("c", Demo.chain(jdbc, "chemical"))
			.update();
		assertThat(page("/merchants/" + merchantId, "hualong")).doesNotContain("id=\"incomplete-badge\"");
		assertThat(page(created.getResponse().getRedirectedUrl(), "hualong")).doesNotContain("id=\"investor-incomplete\"");
		assertThat(idOf(created.getResponse().getRedirectedUrl())).isPositive();
	}

	// ------------------------------------------------------------------ 走访

	@Test
	void the_merchant_page_records_a_visit_on_the_follow_up_form_of_its_open_clue() throws Exception {
		var m = merchants.findOrRegister("濮阳" + unique("走访") + "食品有限公司", null);
		String before = page("/merchants/" + m.id().value(), "hualong");
		assertThat(Pages.from(before, "links-visit")).contains("id=\"visit-hint\"").doesNotContain("id=\"record-visit\"");

		long clue = log(m.name(), m.id().value());
		String html = page("/merchants/" + m.id().value(), "hualong");
		assertThat(html).contains("id=\"record-visit\"").contains("href=\"/clues/" + clue + "/follow-up\"");
		mvc.perform(get("/clues/" + clue + "/follow-up").with(as(accounts, "hualong"))).andExpect(status().isOk());
		mvc.perform(post("/clues/" + clue + "/follow-ups").with(as(accounts, "hualong")).with(csrf())
			.param("followUpDate", LocalDate.now().toString())
			.param("followUpKind", FollowUpKind.VISIT.name())
			.param("peopleMet", "总经理 王强")
			.param("content", "到企业走访，谈扩产用地"))
			.andExpect(status().is3xxRedirection());
		String after = Pages.from(page("/merchants/" + m.id().value(), "hualong"), "links-visit");
		assertThat(after).contains("到企业走访，谈扩产用地").contains("badge text-bg-light border\">1<");
		// readers see the visits but are offered no form; another county may not follow up Hualong's clue
		assertThat(page("/merchants/" + m.id().value(), "viewer")).doesNotContain("id=\"record-visit\"");
		assertThat(page("/merchants/" + m.id().value(), "qingfeng")).doesNotContain("id=\"record-visit\"");
	}
}
