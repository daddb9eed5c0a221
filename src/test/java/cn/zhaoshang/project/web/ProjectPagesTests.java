package cn.zhaoshang.project.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.Stage;
import cn.zhaoshang.project.internal.AttachToProject;
import cn.zhaoshang.project.internal.CreateProject;
import cn.zhaoshang.project.internal.EditProject;
import cn.zhaoshang.project.internal.MoveProjectStage;
import cn.zhaoshang.project.internal.Project;
import cn.zhaoshang.project.internal.ProjectDetails;
import cn.zhaoshang.project.internal.ProjectRepository;
import cn.zhaoshang.project.internal.RecordProgress;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The ledger pages end to end through MockMvc, signed in as the demo accounts (real principals, so data scopes
 * apply). Every test makes its own projects with a unique name, so the demo ledger does not disturb it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProjectPagesTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	AttachToProject attachToProject;

	@Autowired
	CreateProject createProject;

	@Autowired
	EditProject editProject;

	@Autowired
	MoveProjectStage moveProjectStage;

	@Autowired
	RecordProgress recordProgress;

	@Autowired
	ProjectRepository projects;

	@Autowired
	Chains chains;

	@Autowired
	JdbcClient jdbc;

	// ---- list, filters, sums ----

	@Test
	void list_filters_narrow_and_the_footer_sums_are_those_of_the_whole_filtered_set() throws Exception {
		String tag = unique("筛选");
		long chemical = chain("化工");
		long food = chain("绿色食品");
		for (int i = 0; i < 23; i++) {
			create("hualong", tag + "化工项目" + i, chemical, new BigDecimal("1234.50"));
		}
		create("hualong", tag + "食品项目", food, new BigDecimal("99.99"));

		// 23 chemical projects: the page shows 20, the footer counts and sums all 23.
		String page = mvc.perform(get("/projects").param("q", tag).param("chain", String.valueOf(chemical))
			.with(as("hualong")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("合计 23 个项目")))
			.andExpect(content().string(containsString("28,393.50")))
			.andExpect(content().string(not(containsString(tag + "食品项目"))))
			.andReturn().getResponse().getContentAsString();
		assertThat(page.split("class=\"project-link\"").length - 1).isEqualTo(20);

		// Without the chain filter the food project joins the set and the sums.
		mvc.perform(get("/projects").param("q", tag).with(as("hualong")))
			.andExpect(content().string(containsString("合计 24 个项目")))
			.andExpect(content().string(containsString("28,493.49")));

		// An amount range narrows further; the export and board links carry the same filter.
		mvc.perform(get("/projects").param("q", tag).param("amountOf", "planned").param("max", "100")
			.with(as("hualong")))
			.andExpect(content().string(containsString("合计 1 个项目")))
			.andExpect(content().string(containsString(tag + "食品项目")))
			.andExpect(content().string(containsString("/projects/export.xlsx?q=")))
			.andExpect(content().string(containsString("amountOf=planned&amp;max=100")));
	}

	@Test
	void the_type_filter_offers_several_types_lists_projects_of_any_and_keeps_them_in_the_links() throws Exception {
		String tag = unique("多类型");
		long chemical = chain("化工");
		Project back = create("hualong", tag + "返乡", chemical, new BigDecimal("10"));
		Project foreign = create("hualong", tag + "外资外向", chemical, new BigDecimal("20"));
		create("hualong", tag + "新建", chemical, new BigDecimal("40"));
		jdbc.sql("UPDATE project SET types = 'RETURN', type = 'RETURN' WHERE id = ?").param(back.id().value()).update();
		jdbc.sql("UPDATE project SET types = 'FOREIGN,EXPORT_ORIENTED', type = 'FOREIGN' WHERE id = ?")
			.param(foreign.id().value()).update();

		// the form's way: one checkbox per type, several ticked send type twice; a project of either is listed
		String page = mvc.perform(get("/projects?q={q}&type=RETURN&type=FOREIGN", tag).with(as("hualong")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("合计 2 个项目")))
			.andExpect(content().string(containsString(tag + "返乡")))
			.andExpect(content().string(containsString(tag + "外资外向")))
			.andExpect(content().string(not(containsString(tag + "新建"))))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		for (ProjectType t : ProjectType.values()) {
			assertThat(page).as(t.name()).contains("type=\"checkbox\" name=\"type\" value=\"" + t.name() + "\"");
		}
		assertThat(page).containsPattern("value=\"RETURN\" id=\"f-type-RETURN\" checked")
			.containsPattern("value=\"FOREIGN\" id=\"f-type-FOREIGN\" checked")
			.doesNotContainPattern("value=\"NEW\" id=\"f-type-NEW\" checked");
		// the export link carries both (canonical: names between commas), the sort links keep the request's pairs
		assertThat(page).contains("/projects/export.xlsx?q=").contains("type=RETURN%2CFOREIGN")
			.containsPattern("href=\"/projects\\?[^\"]*type=RETURN&amp;type=FOREIGN[^\"]*sort=name");
		// the canonical form the links write filters alike
		mvc.perform(get("/projects").param("q", tag).param("type", "RETURN,FOREIGN").with(as("hualong")))
			.andExpect(content().string(containsString("合计 2 个项目")));
		mvc.perform(get("/projects").param("q", tag).param("type", "EXPORT_ORIENTED").with(as("hualong")))
			.andExpect(content().string(containsString("合计 1 个项目")));
	}

	@Test
	void the_board_shows_the_same_filtered_set_by_stage_with_counts_and_sums() throws Exception {
		String tag = unique("看板");
		Project signed = create("hualong", tag + "甲", chain("化工"), new BigDecimal("500"));
		create("hualong", tag + "乙", chain("化工"), new BigDecimal("250.25"));
		moveToSigned(signed, "hualong");

		mvc.perform(get("/projects/board").param("q", tag).with(as("viewer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"col-SIGNED\"")))
			.andExpect(content().string(containsString("id=\"sum-SIGNED\" title=\"500.00 万元\"")))
			.andExpect(content().string(containsString(">500.00 万元</span>")))
			.andExpect(content().string(containsString(">250.25 万元</span>")))
			.andExpect(content().string(containsString("stage=SIGNED")));
	}

	// ---- create and edit ----

	@Test
	void create_with_errors_names_each_field_and_rule_and_stores_nothing() throws Exception {
		long before = projects.count();
		mvc.perform(post("/projects/new").with(as("hualong")).with(csrf())
			.param("name", "")
			.param("investorName", "")
			.param("unitId", String.valueOf(unit("hualong")))
			.param("chainId", String.valueOf(chain("化工")))
			.param("type", "NEW")
			.param("plannedInvestment", "-5")
			.param("foreignInvestment", "abc"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("名称：不能为空")))
			.andExpect(content().string(containsString("投资方：不能为空")))
			.andExpect(content().string(containsString("计划总投资（万元）：不能为负数")))
			.andExpect(content().string(containsString("外资（万美元）：格式不正确")));
		assertThat(projects.count()).isEqualTo(before);
	}

	@Test
	void create_refuses_a_unit_outside_the_users_scope() throws Exception {
		String name = unique("越权");
		mvc.perform(post("/projects/new").with(as("hualong")).with(csrf())
			.param("name", name)
			.param("investorName", "某公司")
			.param("unitId", String.valueOf(unit("qingfeng")))
			.param("chainId", String.valueOf(chain("化工")))
			.param("type", "NEW")
			.param("plannedInvestment", "10"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("只能选择本单位及下级单位作为落地单位")));
		assertThat(count(name)).isZero();
	}

	@Test
	void a_valid_create_redirects_to_the_new_project() throws Exception {
		String name = unique("新建");
		var result = mvc.perform(post("/projects/new").with(as("hualong.staff")).with(csrf())
			.param("name", name)
			.param("investorName", "濮阳某新材料有限公司")
			.param("unitId", String.valueOf(unit("hualong")))
			.param("chainId", String.valueOf(chain("新材料")))
			.param("type", "EXPANSION")
			.param("plannedInvestment", "12345.6")
			.param("keyProject", "true")
			.param("_keyProject", "on"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flash", "ledger.flash.created"))
			.andReturn();
		String location = result.getResponse().getRedirectedUrl();
		mvc.perform(get(location).with(as("hualong.staff")))
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("12,345.60")))
			.andExpect(content().string(containsString("badge-key")));
	}

	@Test
	void a_stale_edit_shows_the_conflict_and_the_others_values_and_changes_nothing() throws Exception {
		Project p = create("hualong", unique("并发"), chain("化工"), new BigDecimal("100"));
		int staleVersion = p.version();
		// Someone else saves first (signed in, so the audit trail names them).
		CurrentUser staff = account("hualong.staff");
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities()));
		try {
			editProject.execute(p.id().value(), details(p.name() + "（已改名）", unit("hualong"), chain("化工"),
					new BigDecimal("200"), p.version()), staff);
		}
		finally {
			SecurityContextHolder.clearContext();
		}

		mvc.perform(post("/projects/" + p.id().value() + "/edit").with(as("hualong")).with(csrf())
			.param("version", String.valueOf(staleVersion))
			.param("name", p.name())
			.param("investorName", "测试投资有限公司")
			.param("unitId", String.valueOf(unit("hualong")))
			.param("chainId", String.valueOf(chain("化工")))
			.param("type", "NEW")
			.param("plannedInvestment", "300"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("保存未生效：该项目已被他人修改")))
			.andExpect(content().string(containsString(p.name() + "（已改名）")))
			.andExpect(content().string(containsString("200.00")))
			.andExpect(content().string(containsString("300.00")))
			.andExpect(content().string(containsString("hualong.staff")));

		Project now = projects.findById(p.id().value()).orElseThrow();
		assertThat(now.name()).isEqualTo(p.name() + "（已改名）");
		assertThat(jdbc.sql("SELECT planned_investment FROM project WHERE id = :id").param("id", p.id().value())
			.query(BigDecimal.class).single()).isEqualByComparingTo("200");
	}

	// ---- stage moves ----

	@Test
	void a_move_to_signed_without_evidence_shows_the_evidence_message_and_moves_nothing() throws Exception {
		Project p = create("hualong", unique("无证据"), chain("化工"), new BigDecimal("100"));
		mvc.perform(multipart("/projects/" + p.id().value() + "/move").with(as("hualong")).with(csrf())
			.param("to", "SIGNED")
			.param("date", LocalDate.now().toString())
			.param("contractType", "FORMAL_CONTRACT")
			.param("contractedInvestment", "80"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("证明材料：至少上传一份证明材料")));
		assertThat(projects.findById(p.id().value()).orElseThrow().stage()).isEqualTo(Stage.NEGOTIATING);
	}

	@Test
	void a_move_with_missing_facts_lists_each_field_and_keeps_the_uploaded_evidence() throws Exception {
		Project p = create("hualong", unique("缺日期"), chain("化工"), new BigDecimal("100"));
		mvc.perform(multipart("/projects/" + p.id().value() + "/move")
			.file(new MockMultipartFile("file_CONTRACT", "签约合同.pdf", "application/pdf", PDF))
			.with(as("hualong")).with(csrf())
			.param("to", "SIGNED"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("签约日期：不能为空")))
			.andExpect(content().string(not(containsString(">日期：不能为空"))))
			.andExpect(content().string(containsString("合同类型：不能为空")))
			.andExpect(content().string(containsString("合同投资额（万元）：不能为空")))
			.andExpect(content().string(containsString("签约合同.pdf")))
			.andExpect(content().string(containsString("name=\"evidenceIds\"")));
		assertThat(projects.findById(p.id().value()).orElseThrow().stage()).isEqualTo(Stage.NEGOTIATING);
	}

	@Test
	void the_move_forms_name_the_date_after_its_stage_in_both_languages() throws Exception {
		Project p = create("hualong", unique("开工日期"), chain("化工"), new BigDecimal("100"));
		moveToSigned(p, "hualong");
		mvc.perform(multipart("/projects/" + p.id().value() + "/move").with(as("hualong")).with(csrf())
			.param("to", "COMMENCED")
			.param("paidInInvestment", "5"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("开工日期：不能为空")))
			.andExpect(content().string(not(containsString(">日期：不能为空"))));
		mvc.perform(multipart("/projects/" + p.id().value() + "/move").with(as("hualong")).with(csrf())
			.param("to", "COMMENCED")
			.param("date", "not-a-date")
			.param("paidInInvestment", "5"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("开工日期：")));
		jdbc.sql("UPDATE app_user SET locale = 'en' WHERE username = 'hualong'").update();
		try {
			mvc.perform(multipart("/projects/" + p.id().value() + "/move").with(as("hualong")).with(csrf())
				.param("to", "COMMENCED")
				.param("date", LocalDate.now().plusDays(3).toString())
				.param("paidInInvestment", "5"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Commencement date: ")));
		}
		finally {
			jdbc.sql("UPDATE app_user SET locale = 'zh-CN' WHERE username = 'hualong'").update();
		}
		assertThat(projects.findById(p.id().value()).orElseThrow().stage()).isEqualTo(Stage.SIGNED);
	}

	@Test
	void a_move_to_signed_with_evidence_applies_and_shows_in_the_timeline() throws Exception {
		Project p = create("hualong", unique("签约"), chain("化工"), new BigDecimal("100"));
		mvc.perform(multipart("/projects/" + p.id().value() + "/move")
			.file(new MockMultipartFile("file_CONTRACT", "签约合同.pdf", "application/pdf", PDF))
			.with(as("hualong")).with(csrf())
			.param("to", "SIGNED")
			.param("date", LocalDate.now().toString())
			.param("contractType", "FORMAL_CONTRACT")
			.param("contractedInvestment", "88.5"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/projects/" + p.id().value()))
			.andExpect(flash().attribute("flash", "ledger.flash.moved"));
		assertThat(projects.findById(p.id().value()).orElseThrow().stage()).isEqualTo(Stage.SIGNED);
		mvc.perform(get("/projects/" + p.id().value()).with(as("hualong")))
			.andExpect(content().string(containsString("在谈 → 签约")))
			.andExpect(content().string(containsString("签约合同.pdf")))
			.andExpect(content().string(containsString("88.50")))
			.andExpect(content().string(containsString("正式合同")));
	}

	@Test
	void a_unit_that_requires_review_submits_the_move_and_the_city_bureau_approves_it_from_the_queue()
			throws Exception {
		Project p = create("qingfeng", unique("审核"), chain("智能家居"), new BigDecimal("100"));
		jdbc.sql("UPDATE unit SET stage_review_required = TRUE WHERE code = 'qingfeng'").update();
		try {
			mvc.perform(multipart("/projects/" + p.id().value() + "/move")
				.file(new MockMultipartFile("file_CONTRACT", "框架协议.pdf", "application/pdf", PDF))
				.with(as("qingfeng")).with(csrf())
				.param("to", "SIGNED")
				.param("date", LocalDate.now().toString())
				.param("contractType", "FRAMEWORK_AGREEMENT")
				.param("contractedInvestment", "60"))
				.andExpect(flash().attribute("flash", "ledger.flash.submitted"));
		}
		finally {
			jdbc.sql("UPDATE unit SET stage_review_required = FALSE WHERE code = 'qingfeng'").update();
		}
		assertThat(projects.findById(p.id().value()).orElseThrow().stage()).isEqualTo(Stage.NEGOTIATING);
		long moveId = jdbc.sql("SELECT pending_move_id FROM project WHERE id = :id").param("id", p.id().value())
			.query(Long.class).single();

		// While the move waits, another one is refused with the reason, and its upload is not stored.
		long files = jdbc.sql("SELECT COUNT(*) FROM attachment").query(Long.class).single();
		mvc.perform(multipart("/projects/" + p.id().value() + "/move")
			.file(new MockMultipartFile("file_CONTRACT", "再次提交.pdf", "application/pdf", PDF))
			.with(as("qingfeng")).with(csrf())
			.param("to", "SIGNED").param("date", LocalDate.now().toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("正在等待市商务局审核")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM attachment").query(Long.class).single()).isEqualTo(files);

		mvc.perform(get("/projects/review").with(as("city")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(p.name())))
			.andExpect(content().string(containsString("框架协议.pdf")));
		mvc.perform(get("/projects/review").with(as("qingfeng"))).andExpect(status().isForbidden());

		// Returning needs an opinion: refused without one, nothing changes.
		mvc.perform(post("/projects/" + p.id().value() + "/moves/" + moveId + "/return").with(as("city")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("审核意见：退回时必须填写审核意见")));
		mvc.perform(post("/projects/" + p.id().value() + "/moves/" + moveId + "/approve").with(as("city")).with(csrf())
			.param("from", "review"))
			.andExpect(redirectedUrl("/projects/review"));
		assertThat(projects.findById(p.id().value()).orElseThrow().stage()).isEqualTo(Stage.SIGNED);
	}

	@Test
	void status_changes_need_a_reason_and_moving_back_is_for_the_city_bureau() throws Exception {
		Project p = create("hualong", unique("暂缓"), chain("化工"), new BigDecimal("100"));
		String base = "/projects/" + p.id().value();
		mvc.perform(post(base + "/status").with(as("hualong")).with(csrf()).param("toStatus", "ON_HOLD"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("原因：必须填写原因")));
		mvc.perform(post(base + "/status").with(as("hualong")).with(csrf()).param("toStatus", "ON_HOLD")
			.param("reason", "企业资金链紧张"))
			.andExpect(redirectedUrl(base));
		mvc.perform(get(base).with(as("hualong")))
			.andExpect(content().string(containsString("企业资金链紧张")))
			.andExpect(content().string(containsString("badge-status-ON_HOLD")));
		mvc.perform(post(base + "/status").with(as("hualong")).with(csrf()).param("toStatus", "ACTIVE"))
			.andExpect(redirectedUrl(base));

		moveToSigned(projects.findById(p.id().value()).orElseThrow(), "hualong");
		mvc.perform(post(base + "/back").with(as("hualong")).with(csrf()).param("to", "NEGOTIATING")
			.param("reason", "合同作废"))
			.andExpect(status().isForbidden());
		mvc.perform(post(base + "/back").with(as("city")).with(csrf()).param("to", "NEGOTIATING")
			.param("reason", "合同作废"))
			.andExpect(redirectedUrl(base));
		assertThat(projects.findById(p.id().value()).orElseThrow().stage()).isEqualTo(Stage.NEGOTIATING);
	}

	@Test
	void a_progress_update_shows_on_the_detail_page_and_as_the_latest_progress_in_the_list() throws Exception {
		String name = unique("进展");
		Project p = create("hualong", name, chain("化工"), new BigDecimal("100"));
		String base = "/projects/" + p.id().value();
		mvc.perform(multipart(base + "/progress").with(as("hualong")).with(csrf())
			.param("progressDate", LocalDate.now().toString()).param("text", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("进展情况：不能为空")));
		mvc.perform(multipart(base + "/progress")
			.file(new MockMultipartFile("photos", "现场.png", "image/png", png()))
			.with(as("hualong")).with(csrf())
			.param("progressDate", LocalDate.now().toString())
			.param("text", "完成土地摘牌，正在办理施工许可")
			.param("paidInInvestment", "1500"))
			.andExpect(redirectedUrl(base + "#progress"));
		mvc.perform(get(base).with(as("viewer")))
			.andExpect(content().string(containsString("完成土地摘牌，正在办理施工许可")))
			.andExpect(content().string(containsString("1,500.00")))
			.andExpect(content().string(containsString("class=\"thumb\"")));
		mvc.perform(get("/projects").param("q", name).with(as("viewer")))
			.andExpect(content().string(containsString("完成土地摘牌")));
	}

	@Test
	void the_investor_on_the_detail_page_links_to_its_enterprise_page() throws Exception {
		Project p = create("hualong", unique("投资方链接"), chain("化工"), new BigDecimal("100"));
		String page = mvc.perform(get("/projects/" + p.id().value()).with(as("viewer")))
			.andReturn().getResponse().getContentAsString();
		var link = java.util.regex.Pattern.compile("id=\"investor-link\" href=\"(/merchants/\\d+)\">([^<]+)<")
			.matcher(page);
		assertThat(link.find()).as("investor link on the project page").isTrue();
		mvc.perform(get(link.group(1)).with(as("viewer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(link.group(2))));
	}

	// ---- rights ----

	@Test
	void viewer_and_leader_see_no_edit_buttons_and_are_refused_every_change() throws Exception {
		Project p = create("hualong", unique("只读"), chain("化工"), new BigDecimal("100"));
		String base = "/projects/" + p.id().value();
		for (String who : new String[] { "viewer", "leader" }) {
			mvc.perform(get("/projects").with(as(who)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("id=\"new-project\""))));
			mvc.perform(get(base).with(as(who)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("id=\"edit-project\""))))
				.andExpect(content().string(not(containsString("id=\"move-next\""))))
				.andExpect(content().string(not(containsString("id=\"upload-form\""))));
			mvc.perform(get("/projects/new").with(as(who))).andExpect(status().isForbidden());
			mvc.perform(post("/projects/new").with(as(who)).with(csrf()).param("name", "x"))
				.andExpect(status().isForbidden());
			mvc.perform(post(base + "/edit").with(as(who)).with(csrf())).andExpect(status().isForbidden());
			mvc.perform(multipart(base + "/move").with(as(who)).with(csrf()).param("to", "SIGNED"))
				.andExpect(status().isForbidden());
			mvc.perform(post(base + "/status").with(as(who)).with(csrf()).param("toStatus", "ON_HOLD")
				.param("reason", "x")).andExpect(status().isForbidden());
			mvc.perform(multipart(base + "/progress").with(as(who)).with(csrf())).andExpect(status().isForbidden());
			mvc.perform(multipart(base + "/attachments").file(new MockMultipartFile("file", "a.pdf", "application/pdf",
					PDF)).with(as(who)).with(csrf())).andExpect(status().isForbidden());
		}
		assertThat(projects.findById(p.id().value()).orElseThrow().status().name()).isEqualTo("ACTIVE");
	}

	@Test
	void hualong_reads_a_qingfeng_project_but_may_not_change_it() throws Exception {
		Project p = create("qingfeng", unique("清丰"), chain("羽绒及制品"), new BigDecimal("100"));
		String base = "/projects/" + p.id().value();
		mvc.perform(get(base).with(as("hualong")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(p.name())))
			.andExpect(content().string(not(containsString("id=\"edit-project\""))));
		mvc.perform(get(base + "/edit").with(as("hualong"))).andExpect(status().isForbidden());
		mvc.perform(post(base + "/edit").with(as("hualong")).with(csrf()).param("name", "改名")
			.param("version", String.valueOf(p.version()))).andExpect(status().isForbidden());
		mvc.perform(get(base + "/move").with(as("hualong"))).andExpect(status().isForbidden());
		mvc.perform(multipart(base + "/attachments").file(new MockMultipartFile("file", "a.pdf", "application/pdf",
				PDF)).with(as("hualong")).with(csrf())).andExpect(status().isForbidden());
		assertThat(projects.findById(p.id().value()).orElseThrow().name()).isEqualTo(p.name());
	}

	@Test
	void intermediaries_see_no_ledger() throws Exception {
		mvc.perform(get("/projects").with(as("agent"))).andExpect(status().isForbidden());
		mvc.perform(get("/projects/board").with(as("agent"))).andExpect(status().isForbidden());
	}

	// ---- saved filters ----

	@Test
	void a_saved_filter_is_stored_canonically_listed_reapplied_and_deleted() throws Exception {
		String name = unique("我的筛选");
		mvc.perform(post("/projects/filters").with(as("hualong")).with(csrf()).param("name", name)
			.param("query", "q=%E5%8C%96%E5%B7%A5&stage=SIGNED&page=3&bogus=1&key=true"))
			.andExpect(redirectedUrl("/projects?q=%E5%8C%96%E5%B7%A5&stage=SIGNED&key=true"));
		mvc.perform(get("/projects").with(as("hualong")))
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("href=\"/projects?q=%E5%8C%96%E5%B7%A5&amp;stage=SIGNED&amp;key=true\"")));
		// Another user neither sees it nor can delete it.
		long id = jdbc.sql("SELECT id FROM saved_filter WHERE name = :n").param("n", name).query(Long.class).single();
		mvc.perform(get("/projects").with(as("qingfeng"))).andExpect(content().string(not(containsString(name))));
		mvc.perform(post("/projects/filters/" + id + "/delete").with(as("qingfeng")).with(csrf()));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM saved_filter WHERE id = :id").param("id", id).query(Long.class)
			.single()).isEqualTo(1);
		// A blank name is refused, back on the list with the message.
		mvc.perform(post("/projects/filters").with(as("hualong")).with(csrf()).param("name", " ")
			.param("query", "stage=SIGNED"))
			.andExpect(redirectedUrl("/projects?stage=SIGNED"))
			.andExpect(flash().attribute("savedFilterError", "ledger.savedFilter.nameRequired"));
		// (Sessions live in Spring Session, so the redirect's flash map is handed over as the request attribute.)
		mvc.perform(get("/projects").param("stage", "SIGNED")
			.requestAttr(org.springframework.web.servlet.DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE,
					java.util.Map.of("savedFilterError", "ledger.savedFilter.nameRequired"))
			.with(as("hualong")))
			.andExpect(content().string(containsString("请填写筛选名称")));
		mvc.perform(post("/projects/filters/" + id + "/delete").with(as("hualong")).with(csrf()))
			.andExpect(redirectedUrl("/projects"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM saved_filter WHERE id = :id").param("id", id).query(Long.class)
			.single()).isZero();
	}

	// ---- attachments ----

	@Test
	void an_attachment_downloads_for_a_reader_with_its_type_and_utf8_name_and_never_for_an_intermediary()
			throws Exception {
		Project p = create("hualong", unique("附件"), chain("化工"), new BigDecimal("100"));
		var a = attachToProject.execute(p.id().value(), "投资合同（盖章）.pdf", PDF, "OTHER", null, account("hualong"));
		String url = "/projects/" + p.id().value() + "/attachments/" + a.id();
		byte[] body = mvc.perform(get(url).with(as("viewer")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition", containsString("attachment;")))
			.andExpect(header().string("Content-Disposition",
					containsString("filename*=UTF-8''%E6%8A%95%E8%B5%84%E5%90%88%E5%90%8C")))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(body).isEqualTo(PDF);
		mvc.perform(get(url).with(as("agent"))).andExpect(status().isForbidden());
		// An attachment of another project is not served under this one.
		Project other = create("hualong", unique("附件乙"), chain("化工"), new BigDecimal("1"));
		mvc.perform(get("/projects/" + other.id().value() + "/attachments/" + a.id()).with(as("viewer")))
			.andExpect(status().isNotFound());
	}

	@Test
	void uploading_evidence_on_the_page_clears_the_evidence_pending_flag() throws Exception {
		Project p = create("hualong", unique("补证据"), chain("化工"), new BigDecimal("100"));
		jdbc.sql("UPDATE project SET evidence_pending = TRUE WHERE id = :id").param("id", p.id().value()).update();
		String base = "/projects/" + p.id().value();
		mvc.perform(get(base).with(as("hualong"))).andExpect(content().string(containsString("历史导入，待补证据")));
		mvc.perform(multipart(base + "/attachments").file(new MockMultipartFile("file", "x.exe", "application/pdf",
				"MZ not a pdf".getBytes(StandardCharsets.US_ASCII))).param("kind", "EVIDENCE")
			.with(as("hualong")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"upload-error\"")));
		mvc.perform(multipart(base + "/attachments").file(new MockMultipartFile("file", "施工许可证.pdf",
				"application/pdf", PDF)).param("kind", "EVIDENCE").with(as("hualong")).with(csrf()))
			.andExpect(redirectedUrl(base + "#files"))
			.andExpect(flash().attribute("flash", "ledger.flash.evidenceCleared"));
		assertThat(jdbc.sql("SELECT evidence_pending FROM project WHERE id = :id").param("id", p.id().value())
			.query(Boolean.class).single()).isFalse();
	}

	// ---- messages ----

	@Test
	void every_ledger_page_reads_in_chinese_and_english_without_a_raw_message_key() throws Exception {
		Project p = create("hualong", unique("双语"), chain("化工"), new BigDecimal("100"));
		moveToSigned(p, "hualong");
		recordProgress.execute(p.id().value(), LocalDate.now(), "进展", null, java.util.List.of(), account("hualong"));
		String base = "/projects/" + p.id().value();
		var rawKey = java.util.regex.Pattern.compile(
				"\\b(ledger|board|review|field|validation|moveState|stage|status|projectType|contractType|promotionMode"
						+ "|typeMismatch|nav)\\.[A-Za-z]+");
		for (String lang : new String[] { "zh-CN", "en" }) {
			// The page language is the signed-in user's saved choice.
			jdbc.sql("UPDATE app_user SET locale = :l WHERE username = 'city'").param("l", lang).update();
			String title = lang.equals("en") ? "Project ledger" : "项目台账";
			for (String path : new String[] { "/projects", "/projects/board", "/projects/groups?by=stage", base,
					base + "/edit", base + "/move",
					base + "/status", base + "/back", "/projects/review", "/projects/new" }) {
				String html = mvc.perform(get(path).with(as("city")))
					.andExpect(status().isOk())
					.andReturn().getResponse().getContentAsString();
				assertThat(rawKey.matcher(html).results().map(r -> r.group()).toList()).as(path + " " + lang)
					.isEmpty();
				if (path.equals("/projects")) {
					assertThat(html).contains(title);
				}
			}
			String errors = mvc.perform(post("/projects/new").with(as("city")).with(csrf()))
				.andReturn().getResponse().getContentAsString();
			assertThat(rawKey.matcher(errors).results().map(r -> r.group()).toList()).isEmpty();
			assertThat(errors).contains(lang.equals("en") ? "Name: must not be empty" : "名称：不能为空");
		}
		jdbc.sql("UPDATE app_user SET locale = 'zh-CN' WHERE username = 'city'").update();
	}

	// ---- helpers ----

	private RequestPostProcessor as(String username) {
		return user(account(username));
	}

	private CurrentUser account(String username) {
		return accounts.loadUserByUsername(username);
	}

	private Project create(String username, String name, long chainId, BigDecimal planned) {
		CurrentUser user = account(username);
		return createProject.execute(details(name, user.unitId().value(), chainId, planned, null), user);
	}

	private void moveToSigned(Project p, String username) {
		CurrentUser user = account(username);
		long evidence = attachToProject.execute(p.id().value(), "合同.pdf", PDF, "OTHER",
				cn.zhaoshang.project.EvidenceKind.CONTRACT, user).id();
		moveProjectStage.execute(p.id().value(), new cn.zhaoshang.project.internal.StageMoveRequest(Stage.SIGNED, null,
				LocalDate.now(), cn.zhaoshang.project.ContractType.FORMAL_CONTRACT, new BigDecimal("10"), null, null,
				java.util.List.of(evidence), null), user);
	}

	private static ProjectDetails details(String name, long unitId, long chainId, BigDecimal planned,
			Integer version) {
		return new ProjectDetails(name, "测试投资有限公司", null, unitId, null, null, chainId, null, ProjectType.NEW, null,
				planned, null, null, null, null, null, null, false, null, null, null, null, version);
	}

	private long unit(String code) {
		return jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", code).query(Long.class).single();
	}

	private long chain(String name) {
		return chains.findByName(name).orElseThrow().id().value();
	}

	private long count(String name) {
		return jdbc.sql("SELECT COUNT(*) FROM project WHERE name = :n").param("n", name).query(Long.class).single();
	}

	private static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A 1×1 PNG. */
	private static byte[] png() {
		return java.util.Base64.getDecoder().decode(
				"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
	}
}
