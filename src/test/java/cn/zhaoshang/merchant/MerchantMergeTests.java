package cn.zhaoshang.merchant;

import static cn.zhaoshang.merchant.MerchantTestData.enterprise;
import static cn.zhaoshang.merchant.MerchantTestData.marker;
import static cn.zhaoshang.merchant.MerchantTestData.uscc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.util.List;

import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.merchant.internal.EditMerchant;
import cn.zhaoshang.merchant.internal.MerchantFilter;
import cn.zhaoshang.merchant.internal.MerchantInput;
import cn.zhaoshang.merchant.internal.MerchantMerges;
import cn.zhaoshang.merchant.internal.MerchantQueries;
import cn.zhaoshang.merchant.internal.MerchantRecord;
import cn.zhaoshang.merchant.internal.MerchantRegistry;
import cn.zhaoshang.merchant.internal.RegisterMerchant;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.internal.CreateProject;
import cn.zhaoshang.project.internal.ProjectDetails;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Merging a duplicate into the enterprise that stays, and undoing it exactly (on H2 and PostgreSQL): the ledger's
 * projects move with their investor name and come back, contacts and aliases move and come back, the merged record
 * hides and points to the survivor, and the ledger's look-up by the merged name finds the survivor meanwhile.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MerchantMergeTests {

	@Autowired
	MerchantRegistry registry;

	@Autowired
	RegisterMerchant register;

	@Autowired
	EditMerchant edit;

	@Autowired
	MerchantMerges merges;

	@Autowired
	MerchantQueries queries;

	@Autowired
	Merchants merchants;

	@Autowired
	CreateProject createProject;

	@Autowired
	Chains chains;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	CurrentUser user(String name) {
		return accounts.loadUserByUsername(name);
	}

	/** Two records of one enterprise: one in the merchant database, one the ledger registered by another name. */
	record Pair(String marker, long survivor, long absorbed, long survivorProject, long absorbedProject) {
	}

	Pair pair() {
		String m = marker();
		String code = uscc();
		long survivor = register.execute(MerchantTestData.withAliases(
				enterprise(m + "化工（濮阳）有限公司", code, null), List.of(m + "化工")), user("hualong"));
		long survivorProject = project(m + "年产5万吨助剂项目", m + "化工（濮阳）有限公司", code, "hualong");
		long absorbedProject = project(m + "聚碳酸酯配套项目", "濮阳市" + m + "化工有限公司", null, "qingfeng");
		long absorbed = jdbc.sql("SELECT merchant_id FROM project WHERE id = :id")
			.param("id", absorbedProject)
			.query(Long.class)
			.single();
		// the ledger registered it by name only; an administrator fills in its record
		long qingfeng = jdbc.sql("SELECT id FROM unit WHERE code = 'qingfeng'").query(Long.class).single();
		var input = new MerchantInput("濮阳市" + m + "化工有限公司", null, cn.zhaoshang.merchant.EnterpriseType.PRIVATE,
				null, List.of(), null, null, false, false, false, null, List.of(m + "化工厂"), qingfeng, null,
				List.of(new MerchantInput.ContactInput("赵厂长", "厂长", "13900001111", null, null)),
				registry.get(absorbed).version());
		edit.execute(absorbed, input, user("admin"));
		return new Pair(m, survivor, absorbed, survivorProject, absorbedProject);
	}

	long project(String name, String investor, String uscc, String unitCode) {
		long unit = jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", unitCode).query(Long.class).single();
		long chain = chains.findByName("化工").orElseThrow().id().value();
		return createProject.execute(new ProjectDetails(name, investor, uscc, unit, null, null, chain, null, ProjectType.NEW,
				PromotionMode.PEER_TO_PEER, new BigDecimal("12000"), null, null, null, null, null, null, false, null,
				null, null, null, null), user(unitCode)).id().value();
	}

	@Test
	void merging_moves_projects_contacts_and_aliases_and_undoing_it_puts_exactly_those_back() {
		Pair p = pair();
		MerchantRecord survivorBefore = registry.get(p.survivor());
		assertThat(merchants.claimants(new MerchantId(p.survivor()))).hasSize(1);

		long mergeId = merges.merge(p.survivor(), p.absorbed(), user("admin"));

		assertThat(projectMerchant(p.absorbedProject())).isEqualTo(p.survivor());
		assertThat(projectInvestor(p.absorbedProject())).isEqualTo(p.marker() + "化工（濮阳）有限公司");
		MerchantRecord survivor = registry.get(p.survivor());
		assertThat(survivor.contacts()).extracting(MerchantRecord.Contact::name).containsExactly("王经理", "赵厂长");
		assertThat(survivor.aliases()).extracting(MerchantRecord.Alias::name)
			.containsExactlyInAnyOrder(p.marker() + "化工", p.marker() + "化工厂", "濮阳市" + p.marker() + "化工有限公司");
		MerchantRecord absorbed = registry.get(p.absorbed());
		assertThat(absorbed.merged()).isTrue();
		assertThat(absorbed.mergedIntoId()).isEqualTo(p.survivor());
		assertThat(absorbed.contacts()).isEmpty();
		// hidden from the list, yet its old name finds the survivor (through the alias it became)
		var found = queries.list(new MerchantFilter("濮阳市" + p.marker(), null, null, null, null, null, null, null),
				1, 20, false);
		assertThat(found.items()).extracting(MerchantQueries.Row::id).containsExactly(p.survivor());
		// the ledger, given the merged record's name, now links to the survivor
		assertThat(merchants.match("濮阳市" + p.marker() + "化工有限公司", null)).get()
			.extracting(Merchants.Merchant::id)
			.isEqualTo(new MerchantId(p.survivor()));
		// and so does the ledger import's batch look-up
		var ref = new Merchants.InvestorRef("濮阳市" + p.marker() + "化工有限公司", null);
		assertThat(merchants.findOrRegisterAll(java.util.List.of(ref)).get(ref).id())
			.isEqualTo(new MerchantId(p.survivor()));
		// both units now chase one enterprise
		assertThat(merchants.claimants(new MerchantId(p.survivor()))).extracting(UnitId::value)
			.containsExactlyInAnyOrder(unit("hualong"), unit("qingfeng"));
		assertThat(merges.find(mergeId).moved()).containsEntry("project", 1).containsEntry("contact", 1)
			.containsEntry("alias", 1);

		merges.undo(mergeId, user("admin"));

		assertThat(projectMerchant(p.absorbedProject())).isEqualTo(p.absorbed());
		assertThat(projectInvestor(p.absorbedProject())).isEqualTo("濮阳市" + p.marker() + "化工有限公司");
		assertThat(projectMerchant(p.survivorProject())).isEqualTo(p.survivor());
		MerchantRecord restored = registry.get(p.absorbed());
		assertThat(restored.merged()).isFalse();
		assertThat(restored.contacts()).extracting(MerchantRecord.Contact::name).containsExactly("赵厂长");
		assertThat(restored.aliases()).extracting(MerchantRecord.Alias::name).containsExactly(p.marker() + "化工厂");
		MerchantRecord survivorAfter = registry.get(p.survivor());
		assertThat(survivorAfter.contacts()).isEqualTo(survivorBefore.contacts());
		assertThat(survivorAfter.aliases()).isEqualTo(survivorBefore.aliases());
		assertThat(merges.find(mergeId).undone()).isTrue();
		assertThat(audit(p.survivor())).contains("CREATE", "MERGE", "UNMERGE");
		assertThat(audit(p.absorbed())).contains("MERGED_INTO", "UNMERGE");
		assertThatThrownBy(() -> merges.undo(mergeId, user("admin"))).isInstanceOf(BusinessException.class);
	}

	@Test
	void only_administrators_merge() {
		Pair p = pair();

		for (String name : List.of("city", "hualong", "viewer")) {
			assertThatThrownBy(() -> merges.merge(p.survivor(), p.absorbed(), user(name)))
				.isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.status()).isEqualTo(403));
		}
		assertThat(projectMerchant(p.absorbedProject())).isEqualTo(p.absorbed());
	}

	@Test
	void the_admin_reviews_both_records_confirms_and_the_merged_page_points_to_the_survivor() throws Exception {
		Pair p = pair();
		var admin = Pages.as(accounts, "admin");

		String preview = mvc.perform(get("/merchants/" + p.survivor() + "/merge").param("absorbed",
				String.valueOf(p.absorbed())).with(admin)).andReturn().getResponse().getContentAsString();
		assertThat(preview).contains("确认合并企业").contains(p.marker() + "化工（濮阳）有限公司")
			.contains("濮阳市" + p.marker() + "化工有限公司").contains("data-confirm=");
		assertThat(projectMerchant(p.absorbedProject())).as("the preview changes nothing").isEqualTo(p.absorbed());

		var merged = mvc.perform(post("/merchants/" + p.survivor() + "/merge").param("absorbed",
				String.valueOf(p.absorbed())).with(admin).with(csrf())).andReturn().getResponse();
		assertThat(merged.getRedirectedUrl()).isEqualTo("/merchants/" + p.survivor());
		String absorbedPage = mvc.perform(get("/merchants/" + p.absorbed()).with(admin)).andReturn().getResponse()
			.getContentAsString();
		assertThat(Pages.from(absorbedPage, "merged-notice")).contains("/merchants/" + p.survivor());
		String survivorPage = mvc.perform(get("/merchants/" + p.survivor()).with(admin)).andReturn().getResponse()
			.getContentAsString();
		assertThat(Pages.from(survivorPage, "claim-conflict")).contains("华龙区").contains("清丰县");
		assertThat(Pages.from(survivorPage, "links-project")).contains(p.marker() + "聚碳酸酯配套项目");
		assertThat(Pages.from(survivorPage, "merges")).contains("撤销合并");

		var refused = mvc.perform(post("/merchants/" + p.survivor() + "/merge").param("absorbed",
				String.valueOf(p.absorbed())).with(Pages.as(accounts, "city")).with(csrf())).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(403);
	}

	private long unit(String code) {
		return jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", code).query(Long.class).single();
	}

	private long projectMerchant(long project) {
		return jdbc.sql("SELECT merchant_id FROM project WHERE id = :id").param("id", project).query(Long.class)
			.single();
	}

	private String projectInvestor(long project) {
		return jdbc.sql("SELECT investor_name FROM project WHERE id = :id").param("id", project).query(String.class)
			.single();
	}

	private List<String> audit(long merchant) {
		return jdbc.sql("SELECT action FROM audit_entry WHERE record_type = 'merchant' AND record_id = :id ORDER BY id")
			.param("id", String.valueOf(merchant))
			.query(String.class)
			.list();
	}
}
