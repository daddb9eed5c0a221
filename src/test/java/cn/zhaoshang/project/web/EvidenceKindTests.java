package cn.zhaoshang.project.web;

import static cn.zhaoshang.support.Pages.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.ContractType;
import cn.zhaoshang.project.EvidenceKind;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.Stage;
import cn.zhaoshang.project.internal.AttachToProject;
import cn.zhaoshang.project.internal.CreateProject;
import cn.zhaoshang.project.internal.MoveProjectStage;
import cn.zhaoshang.project.internal.Project;
import cn.zhaoshang.project.internal.ProjectDetails;
import cn.zhaoshang.project.internal.ProjectRepository;
import cn.zhaoshang.project.internal.StageMoveRequest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Evidence per stage by kind (issue 8): the move form asks for one file per kind the stage needs, the gate names the
 * kinds missing, and the city bureau changes what a stage needs on the 系统设置 page (a unit manager may not).
 */
@SpringBootTest
@AutoConfigureMockMvc
class EvidenceKindTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
	static final String COMMENCED = "ledger.evidence.COMMENCED";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	AttachToProject attachToProject;

	@Autowired
	CreateProject createProject;

	@Autowired
	MoveProjectStage moveProjectStage;

	@Autowired
	ProjectRepository projects;

	@Autowired
	Chains chains;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void defaults() {
		jdbc.sql("DELETE FROM app_setting WHERE setting_key LIKE 'ledger.evidence.%'").update();
	}

	@Test
	void the_commence_form_asks_for_each_kind_and_the_move_needs_all_of_them() throws Exception {
		Project p = signedProject();
		String form = mvc.perform(get("/projects/" + p.id().value() + "/move").with(as(accounts, "hualong")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(form).contains("name=\"file_CONSTRUCTION_PERMIT\"").contains("name=\"file_SITE_PHOTO\"")
			.contains("施工许可证").contains("现场照片").doesNotContain("name=\"files\"");

		String refused = mvc.perform(commence(p).file(file("file_CONSTRUCTION_PERMIT", "施工许可证.pdf")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("证明材料：缺少现场照片").contains("施工许可证.pdf");
		assertThat(stage(p)).isEqualTo(Stage.SIGNED);

		mvc.perform(commence(p).file(file("file_CONSTRUCTION_PERMIT", "许可证.pdf"))
			.file(file("file_SITE_PHOTO", "现场.pdf")))
			.andExpect(redirectedUrl("/projects/" + p.id().value()));
		assertThat(stage(p)).isEqualTo(Stage.COMMENCED);
		assertThat(jdbc.sql("SELECT evidence_kind FROM attachment WHERE owner_type = 'project' AND owner_id = :p AND file_name = '现场.pdf'")
			.param("p", p.id().value()).query(String.class).single()).isEqualTo("SITE_PHOTO");
	}

	@Test
	void the_city_bureau_changes_what_a_stage_needs_and_a_unit_manager_may_not() throws Exception {
		mvc.perform(get("/admin/settings").with(as(accounts, "hualong"))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/settings/" + COMMENCED).param("settingValue", "SITE_PHOTO").with(csrf())
			.with(as(accounts, "hualong"))).andExpect(status().isForbidden());
		String list = mvc.perform(get("/admin/settings").with(as(accounts, "city"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(list).contains("开工所需证明材料").doesNotContain("setting-notification.mailEnabled");
		mvc.perform(get("/admin/settings/notification.mailEnabled").with(as(accounts, "city")))
			.andExpect(status().isForbidden());

		String unknown = mvc.perform(post("/admin/settings/" + COMMENCED).param("settingValue", "SITE_PHOTO,PHOTOS")
			.with(csrf()).with(as(accounts, "city"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(unknown).contains("开工所需证明材料：没有“PHOTOS”这种证明材料");

		mvc.perform(post("/admin/settings/" + COMMENCED).param("settingValue", "SITE_PHOTO|ACCEPTANCE").with(csrf())
			.with(as(accounts, "city"))).andExpect(redirectedUrl("/admin/settings"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'setting' AND record_id = ? "
				+ "AND actor = 'city'").param(COMMENCED).query(Long.class).single()).isPositive();

		// Now a site photo alone is enough, and the permit is no longer asked for.
		Project p = signedProject();
		String form = mvc.perform(get("/projects/" + p.id().value() + "/move").with(as(accounts, "hualong")))
			.andReturn().getResponse().getContentAsString();
		assertThat(form).doesNotContain("name=\"file_CONSTRUCTION_PERMIT\"").contains("name=\"file_ACCEPTANCE\"");
		mvc.perform(commence(p).file(file("file_SITE_PHOTO", "现场.pdf")))
			.andExpect(redirectedUrl("/projects/" + p.id().value()));
		assertThat(stage(p)).isEqualTo(Stage.COMMENCED);
	}

	@Test
	void the_settings_page_reads_the_rules_out_as_kind_labels_in_the_users_language_beside_the_stored_codes()
			throws Exception {
		String chinese = setting(settingsPage("city"), "ledger.evidence.IN_PRODUCTION");
		assertThat(chinese).contains("生产许可证、首张发票或验收报告")
			.contains("PRODUCTION_LICENCE|FIRST_INVOICE|ACCEPTANCE");
		assertThat(setting(settingsPage("city"), "ledger.evidence.SIGNED")).contains(">合同<").contains("CONTRACT");

		var english = cn.zhaoshang.support.TestUsers.create(jdbc, "CITY_SUPERVISOR", "city", null, "en");
		String login = jdbc.sql("SELECT username FROM app_user WHERE id = ?").param(english.value())
			.query(String.class).single();
		String en = setting(settingsPage(login), "ledger.evidence.IN_PRODUCTION");
		assertThat(en).contains("Production licence, First invoice or Acceptance report")
			.contains("PRODUCTION_LICENCE|FIRST_INVOICE|ACCEPTANCE")
			.doesNotContain("生产许可证");
	}

	private String settingsPage(String username) throws Exception {
		return mvc.perform(get("/admin/settings").with(as(accounts, username))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	/** The settings page's item of one setting. */
	private static String setting(String page, String key) {
		int start = page.indexOf("id=\"setting-" + key + "\"");
		assertThat(start).as(key).isPositive();
		int end = page.indexOf("setting-item", start + 1);
		return page.substring(start, end < 0 ? page.length() : end);
	}

	@Test
	void the_gate_hint_names_the_kinds_the_settings_ask_for_in_both_languages() throws Exception {
		Project p = signedProject();
		String form = mvc.perform(get("/projects/" + p.id().value() + "/move").with(as(accounts, "hualong")))
			.andReturn().getResponse().getContentAsString();
		assertThat(gateHint(form)).contains("施工许可证、现场照片").contains("开工日期");

		mvc.perform(post("/admin/settings/" + COMMENCED).param("settingValue", "SITE_PHOTO|ACCEPTANCE,FIRST_INVOICE")
			.with(csrf()).with(as(accounts, "city"))).andExpect(redirectedUrl("/admin/settings"));
		form = mvc.perform(get("/projects/" + p.id().value() + "/move").with(as(accounts, "hualong")))
			.andReturn().getResponse().getContentAsString();
		assertThat(gateHint(form)).contains("现场照片或验收报告、首张发票").doesNotContain("施工许可证");

		jdbc.sql("UPDATE app_user SET locale = 'en' WHERE username = 'hualong'").update();
		try {
			form = mvc.perform(get("/projects/" + p.id().value() + "/move").with(as(accounts, "hualong")))
				.andReturn().getResponse().getContentAsString();
			assertThat(gateHint(form)).contains("as evidence: Site photo or Acceptance report, First invoice.")
				.doesNotContain("permit");
		}
		finally {
			jdbc.sql("UPDATE app_user SET locale = 'zh-CN' WHERE username = 'hualong'").update();
		}
	}

	@Test
	void an_upload_on_the_project_page_is_tagged_with_the_evidence_kind_chosen() throws Exception {
		Project p = signedProject();
		String page = mvc.perform(get("/projects/" + p.id().value()).with(as(accounts, "hualong")))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("name=\"evidenceKind\"").contains("<option value=\"SITE_PHOTO\">现场照片</option>")
			.contains("证明材料类型");

		mvc.perform(multipart("/projects/" + p.id().value() + "/attachments")
			.file(new MockMultipartFile("file", "许可证扫描件.pdf", "application/pdf", PDF))
			.param("kind", "EVIDENCE").param("evidenceKind", "CONSTRUCTION_PERMIT")
			.with(as(accounts, "hualong")).with(csrf()))
			.andExpect(redirectedUrl("/projects/" + p.id().value() + "#files"));
		mvc.perform(multipart("/projects/" + p.id().value() + "/attachments")
			.file(new MockMultipartFile("file", "未标注.pdf", "application/pdf", PDF))
			.param("kind", "OTHER").param("evidenceKind", "")
			.with(as(accounts, "hualong")).with(csrf()))
			.andExpect(redirectedUrl("/projects/" + p.id().value() + "#files"));

		assertThat(jdbc.sql("""
				SELECT evidence_kind FROM attachment WHERE owner_type = 'project' AND owner_id = :p
				AND file_name = '许可证扫描件.pdf'""").param("p", p.id().value()).query(String.class).single())
			.isEqualTo("CONSTRUCTION_PERMIT");
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM attachment WHERE owner_type = 'project' AND owner_id = :p
				AND file_name = '未标注.pdf' AND evidence_kind IS NULL""").param("p", p.id().value())
			.query(Long.class).single()).isEqualTo(1);
		page = mvc.perform(get("/projects/" + p.id().value()).with(as(accounts, "hualong")))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("evidence-kind\">施工许可证</span>");
	}

	private static String gateHint(String page) {
		int start = page.indexOf("id=\"gate-hint\"");
		assertThat(start).as("gate hint on the form").isPositive();
		return page.substring(start, page.indexOf("</div>", start));
	}

	private org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder commence(Project p) {
		var request = multipart("/projects/" + p.id().value() + "/move");
		request.param("to", "COMMENCED").param("date", LocalDate.now().toString()).param("paidInInvestment", "5")
			.with(as(accounts, "hualong")).with(csrf());
		return request;
	}

	private static MockMultipartFile file(String field, String name) {
		return new MockMultipartFile(field, name, "application/pdf", PDF);
	}

	private Stage stage(Project p) {
		return projects.findById(p.id().value()).orElseThrow().stage();
	}

	private Project signedProject() {
		CurrentUser user = accounts.loadUserByUsername("hualong");
		long chain = chains.findByName("化工").orElseThrow().id().value();
		Project p = createProject.execute(new ProjectDetails("证据" + UUID.randomUUID().toString().substring(0, 8), "测试投资有限公司",
				null, user.unitId().value(), null, null, chain, null, ProjectType.NEW, null, new BigDecimal("100"),
				null, null, null, null, null, null, false, null, null, null, null, null), user);
		long contract = attachToProject.execute(p.id().value(), "合同.pdf", PDF, "OTHER", EvidenceKind.CONTRACT, user).id();
		moveProjectStage.execute(p.id().value(), new StageMoveRequest(Stage.SIGNED, null, LocalDate.now().minusDays(3),
				ContractType.FORMAL_CONTRACT, new BigDecimal("10"), null, null, List.of(contract), null), user);
		return p;
	}
}
