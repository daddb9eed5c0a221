package cn.zhaoshang.partner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.partner.PartnerFixtures;
import cn.zhaoshang.support.ApiTestSupport;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;

/**
 * {@code /api/v1/agreements}, {@code /api/v1/rewards}, introducer credit and consultants end to end with bearer
 * tokens of the demo accounts, on H2 and PostgreSQL: an agreement is recorded by the city bureau only and checked
 * field by field; a stage move the city bureau approves on a project an intermediary introduced gives the reward of
 * the rule (fixed on signing, a percentage of the funds in place on commencement, capped), which is approved and
 * paid at its version (audited); a project credited to two introducers splits its reward; an intermediary sees its
 * own agreements and rewards and nothing of another's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class PartnerApiTests extends ApiTestSupport {

	@Autowired
	cn.zhaoshang.partner.internal.Rewards rewards;

	PartnerFixtures f;

	final LocalDate today = LocalDate.now();

	@BeforeEach
	void setUp() {
		f = new PartnerFixtures(mvc, json, jdbc);
	}

	Map<String, Object> agreement(long unit, LocalDate from, LocalDate to, List<Map<String, Object>> rules) {
		var body = new LinkedHashMap<String, Object>();
		body.put("intermediaryUnitId", unit);
		body.put("from", from.toString());
		body.put("to", to.toString());
		body.put("rules", rules);
		return body;
	}

	static Map<String, Object> rule(Object... kv) {
		var m = new LinkedHashMap<String, Object>();
		for (int i = 0; i < kv.length; i += 2) {
			m.put((String) kv[i], kv[i + 1]);
		}
		return m;
	}

	long createAgreement(Map<String, Object> body) throws Exception {
		var result = f.as("city", post("/api/v1/agreements").contentType(MediaType.APPLICATION_JSON)
			.content(f.write(body))).andExpect(status().isCreated()).andReturn();
		return ((Number) JsonPath.read(PartnerFixtures.body(result), "$.id")).longValue();
	}

	List<Map<String, Object>> rewardsOf(String user, long project, String query) throws Exception {
		String body = PartnerFixtures.body(f.as(user, get("/api/v1/rewards?" + query)).andExpect(status().isOk())
			.andReturn());
		return JsonPath.read(body, "$.items[?(@.projectId == " + project + ")]");
	}

	@Test
	void the_city_bureau_records_an_agreement_and_every_broken_rule_names_its_field() throws Exception {
		long consult = f.unit("agent-consult");
		var body = agreement(consult, LocalDate.of(2001, 1, 1), LocalDate.of(2001, 12, 31),
				List.of(rule("stage", "SIGNED", "fixedAmount", 8000),
						rule("stage", "COMMENCED", "percentOfFunds", 0.5, "cap", 200000)));
		body.put("scopeChains", "化工");
		var created = f.as("city", post("/api/v1/agreements").contentType(MediaType.APPLICATION_JSON)
			.content(f.write(body)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/agreements/")))
			.andExpect(jsonPath("$.intermediaryName").value("河南中原招商咨询有限公司"))
			.andExpect(jsonPath("$.from").value("2001-01-01"))
			.andExpect(jsonPath("$.rules.length()").value(2))
			.andExpect(jsonPath("$.rules[1].percentOfFunds").value(0.5))
			.andExpect(jsonPath("$.rules[1].cap").value(200000))
			.andReturn();
		long id = ((Number) JsonPath.read(PartnerFixtures.body(created), "$.id")).longValue();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'partner_agreement' AND record_id = :id"
				+ " AND action = 'CREATE'").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
		f.as("city", get("/api/v1/agreements/" + id)).andExpect(status().isOk())
			.andExpect(jsonPath("$.scopeChains").value("化工"));

		// a unit manager may read but not record
		f.as("hualong", post("/api/v1/agreements").contentType(MediaType.APPLICATION_JSON).content(f.write(body)))
			.andExpect(status().isForbidden());

		// broken rules: each named, in Chinese, nothing saved
		long before = jdbc.sql("SELECT COUNT(*) FROM partner_agreement").query(Long.class).single();
		var bad = agreement(f.unit("hualong"), LocalDate.of(2001, 12, 31), LocalDate.of(2001, 1, 1),
				List.of(rule("stage", "SIGNED", "fixedAmount", 8000, "percentOfFunds", 1),
						rule("stage", "NEGOTIATING", "percentOfFunds", 150, "cap", -1)));
		f.as("city", post("/api/v1/agreements").contentType(MediaType.APPLICATION_JSON).content(f.write(bad)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'intermediaryUnitId')].message")
				.value(hasItem(containsString("须为中介机构类型的单位"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'validTo')].message").value(hasItem(containsString("截止日期"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'rules[0].percentOfFunds')].message")
				.value(hasItem(containsString("第 1 条规则的到位资金比例"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'rules[1].stage')]").isNotEmpty())
			.andExpect(jsonPath("$.errors[?(@.field == 'rules[1].percentOfFunds')]").isNotEmpty())
			.andExpect(jsonPath("$.errors[?(@.field == 'rules[1].cap')].message").value(hasItem(containsString("须大于 0"))));
		f.as("city", post("/api/v1/agreements").contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "en")
			.content(f.write(agreement(consult, LocalDate.of(2001, 1, 1), LocalDate.of(2001, 2, 1), List.of()))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("rules"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM partner_agreement").query(Long.class).single()).isEqualTo(before);

		// the intermediary 浙江商会 sees its own agreements only: another's is 404 and not listed
		f.as("agent", get("/api/v1/agreements/" + id)).andExpect(status().isNotFound());
		String list = PartnerFixtures.body(f.as("agent", get("/api/v1/agreements?size=100")).andReturn());
		List<Number> units = JsonPath.read(list, "$.items[*].intermediaryUnitId");
		assertThat(units).isNotEmpty().allSatisfy(u -> assertThat(u.longValue()).isEqualTo(f.unit("agent-zj")));
		String all = PartnerFixtures.body(f.as("viewer", get("/api/v1/agreements?size=100&intermediary=" + consult))
			.andReturn());
		assertThat(JsonPath.<List<Number>>read(all, "$.items[*].id")).extracting(Number::longValue).contains(id);
	}

	@Test
	void an_approved_move_of_an_introduced_project_gives_the_reward_of_the_rule_which_is_approved_and_paid()
			throws Exception {
		long consult = f.unit("agent-consult");
		createAgreement(agreement(consult, today.minusYears(1), today.plusYears(1),
				List.of(rule("stage", "SIGNED", "fixedAmount", 8000),
						rule("stage", "COMMENCED", "percentOfFunds", 0.5, "cap", 200000))));
		String name = Pages.unique("中原引荐项目");
		long project = f.project(name, "agent-consult");
		f.reviewRequired("hualong", true);
		long signed;
		long commenced;
		try {
			signed = f.submitSigned(project, today.minusDays(3));
			assertThat(rewardsOf("city", project, "")).isEmpty(); // submitted, not yet verified
			f.approve(project, signed);
			commenced = f.submitCommenced(project, today.minusDays(1), 5000);
			f.approve(project, commenced);
		}
		finally {
			f.reviewRequired("hualong", false);
		}
		var items = rewardsOf("city", project, "year=" + today.minusDays(1).getYear() + "&intermediary=" + consult);
		assertThat(items).hasSize(2);
		var fixed = items.stream().filter(i -> ((Number) i.get("stageMoveId")).longValue() == signed).findFirst()
			.orElseThrow();
		assertThat(new BigDecimal(fixed.get("amount").toString())).isEqualByComparingTo("8000.00");
		assertThat(fixed.get("status")).isEqualTo("DUE");
		var pct = items.stream().filter(i -> ((Number) i.get("stageMoveId")).longValue() == commenced).findFirst()
			.orElseThrow();
		// 5,000 万元 × 0.5 % = 250,000 yuan, capped at 200,000
		assertThat(new BigDecimal(pct.get("amount").toString())).isEqualByComparingTo("200000.00");
		@SuppressWarnings("unchecked")
		var rule = (Map<String, Object>) pct.get("rule");
		assertThat(rule.get("stage")).isEqualTo("COMMENCED");
		assertThat(new BigDecimal(rule.get("percentOfFunds").toString())).isEqualByComparingTo("0.5");
		assertThat(((Number) pct.get("evidenceCount")).intValue()).isEqualTo(2);
		f.as("city", get("/api/v1/rewards?intermediary=" + consult)).andExpect(jsonPath("$.total").isNumber());

		long id = ((Number) pct.get("id")).longValue();
		int version = ((Number) pct.get("version")).intValue();
		f.as("hualong", post("/api/v1/rewards/" + id + "/approve").contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":" + version + "}")).andExpect(status().isForbidden());
		f.as("city", post("/api/v1/rewards/" + id + "/pay").contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":" + version + ",\"paymentReference\":\"X\"}")).andExpect(status().isConflict());
		f.as("city", post("/api/v1/rewards/" + id + "/approve").contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":" + (version + 5) + "}")).andExpect(status().isConflict());
		f.as("city", post("/api/v1/rewards/" + id + "/approve").contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":" + version + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.approvedBy").value("city"));
		f.as("city", post("/api/v1/rewards/" + id + "/approve").contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":" + (version + 1) + "}")).andExpect(status().isConflict());
		f.as("city", post("/api/v1/rewards/" + id + "/pay").contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":" + (version + 1) + "}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("paymentReference"));
		f.as("city", post("/api/v1/rewards/" + id + "/pay").contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":" + (version + 1) + ",\"paymentReference\":\"财政国库支付 2026-118\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PAID"))
			.andExpect(jsonPath("$.paymentReference").value("财政国库支付 2026-118"));
		var actions = jdbc.sql("SELECT action FROM audit_entry WHERE record_type = 'partner_reward' AND record_id = :id"
				+ " ORDER BY id").param("id", String.valueOf(id)).query(String.class).list();
		assertThat(actions).containsExactly("REWARD_DUE", "REWARD_APPROVE", "REWARD_PAY");

		// 浙江商会 sees nothing of 中原招商咨询's rewards, and may not ask for them
		f.as("agent", get("/api/v1/rewards?intermediary=" + consult)).andExpect(status().isForbidden());
		assertThat(rewardsOf("agent", project, "")).isEmpty();
		f.as("agent", get("/api/v1/rewards/" + id)).andExpect(status().isNotFound());
		assertThat(rewardsOf("viewer", project, "")).hasSize(2);
	}

	@Test
	void a_project_credited_to_two_introducers_splits_its_reward_as_their_credit_says() throws Exception {
		long consult = f.unit("agent-consult");
		long zj = f.unit("agent-zj");
		String name = Pages.unique("共同引荐项目");
		long project = f.project(name, "agent-consult");
		f.as("city", put("/api/v1/introducer-credits/" + project).contentType(MediaType.APPLICATION_JSON)
			.content(f.write(Map.of("credits", List.of(Map.of("unitId", zj, "basisPoints", 5000),
					Map.of("unitId", consult, "basisPoints", 4000))))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("10000")));
		f.as("hualong", put("/api/v1/introducer-credits/" + project).contentType(MediaType.APPLICATION_JSON)
			.content(f.write(Map.of("credits", List.of())))).andExpect(status().isForbidden());
		f.as("city", put("/api/v1/introducer-credits/" + project).contentType(MediaType.APPLICATION_JSON)
			.content(f.write(Map.of("credits", List.of(Map.of("unitId", zj, "basisPoints", 6667),
					Map.of("unitId", consult, "basisPoints", 3333))))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.credits.length()").value(2));
		f.reviewRequired("hualong", true);
		long commenced;
		try {
			f.approve(project, f.submitSigned(project, today.minusDays(3)));
			commenced = f.submitCommenced(project, today.minusDays(1), 3000);
			f.approve(project, commenced);
		}
		finally {
			f.reviewRequired("hualong", false);
		}
		// 浙江商会's demo agreement: 0.5 % of 3,000 万元 = 150,000 yuan; its 66.67 % is 100,005.00
		long demo = jdbc.sql("SELECT id FROM partner_agreement WHERE title = '濮阳市浙江商会委托招商协议'")
			.query(Long.class)
			.single();
		var zjItems = rewardsOf("city", project, "intermediary=" + zj).stream()
			.filter(i -> ((Number) i.get("agreementId")).longValue() == demo)
			.toList();
		var zjCommenced = zjItems.stream()
			.filter(i -> ((Number) i.get("stageMoveId")).longValue() == commenced)
			.toList();
		assertThat(zjCommenced).hasSize(1);
		assertThat(new BigDecimal(zjCommenced.get(0).get("wholeAmount").toString())).isEqualByComparingTo("150000.00");
		assertThat(new BigDecimal(zjCommenced.get(0).get("amount").toString())).isEqualByComparingTo("100005.00");
		// the signing under the demo rule (fixed 10,000): 6,667.00 and nothing else lost
		var zjSigned = zjItems.stream().filter(i -> "SIGNED".equals(i.get("stage"))).toList();
		assertThat(zjSigned).hasSize(1);
		assertThat(new BigDecimal(zjSigned.get(0).get("amount").toString())).isEqualByComparingTo("6667.00");
		// the intermediary sees its own part on its list, not the other's
		var own = rewardsOf("agent", project, "");
		assertThat(own).isNotEmpty().allSatisfy(i -> assertThat(((Number) i.get("intermediaryUnitId")).longValue())
			.isEqualTo(zj));
	}

	@Test
	void only_projects_inside_the_agreements_scope_earn_its_rewards() throws Exception {
		// 浙江商会's demo agreement covers 新材料、智能家居 and investors from 浙江省、长三角
		long zj = f.unit("agent-zj");
		long demo = jdbc.sql("SELECT id FROM partner_agreement WHERE title = '濮阳市浙江商会委托招商协议'")
			.query(Long.class)
			.single();
		long inside = f.project(Pages.unique("范围内项目"), "agent-zj", "new-materials", "浙江宁波");
		long otherChain = f.project(Pages.unique("范围外产业链"), "agent-zj", "chemical", "浙江省杭州市");
		long otherRegion = f.project(Pages.unique("范围外区域"), "agent-zj", "new-materials", "广东省深圳市");
		// 长三角 is a region grouping (partner.regionGroups): 上海、江苏、浙江、安徽
		long grouped = f.project(Pages.unique("长三角项目"), "agent-zj", "new-materials", "江苏省南京市");
		long unknownRegion = f.project(Pages.unique("总部未登记"), "agent-zj", "new-materials", null);
		f.reviewRequired("hualong", true);
		try {
			for (long project : List.of(inside, otherChain, otherRegion, unknownRegion, grouped)) {
				f.approve(project, f.submitSigned(project, today.minusDays(2)));
			}
		}
		finally {
			f.reviewRequired("hualong", false);
		}
		java.util.function.LongFunction<List<Map<String, Object>>> demoRewards = project -> {
			try {
				return rewardsOf("city", project, "intermediary=" + zj).stream()
					.filter(i -> ((Number) i.get("agreementId")).longValue() == demo)
					.toList();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		};
		assertThat(demoRewards.apply(inside)).hasSize(1);
		assertThat(demoRewards.apply(otherChain)).as("化工 is not entrusted").isEmpty();
		assertThat(demoRewards.apply(otherRegion)).as("an investor from 广东").isEmpty();
		assertThat(demoRewards.apply(grouped)).as("an investor from 江苏, inside 长三角").hasSize(1);
		assertThat(demoRewards.apply(unknownRegion)).as("headquarters not recorded").isEmpty();

		// recomputing does not add them either; once the headquarters is recorded, it does
		rewards.refresh();
		assertThat(demoRewards.apply(otherRegion)).isEmpty();
		// the city bureau records the investor's headquarters on its enterprise record: the reward follows at once
		long investor = jdbc.sql("SELECT merchant_id FROM project WHERE id = :p").param("p", unknownRegion)
			.query(Long.class)
			.single();
		String read = PartnerFixtures.body(f.as("city", get("/api/v1/merchants/" + investor)).andExpect(status().isOk())
			.andReturn());
		var edit = new LinkedHashMap<String, Object>();
		edit.put("name", JsonPath.read(read, "$.name"));
		edit.put("enterpriseType", "PRIVATE");
		edit.put("headquarters", "浙江省温州市");
		edit.put("registeringUnitId", JsonPath.read(read, "$.registeringUnitId"));
		edit.put("version", JsonPath.read(read, "$.version"));
		f.as("city", put("/api/v1/merchants/" + investor).contentType(MediaType.APPLICATION_JSON).content(f.write(edit)))
			.andExpect(status().isOk());
		assertThat(demoRewards.apply(unknownRegion)).hasSize(1);
	}

	@Test
	void a_consultant_is_appointed_and_clues_are_credited_to_them() throws Exception {
		var body = new LinkedHashMap<String, Object>();
		body.put("name", Pages.unique("顾问"));
		body.put("kind", "NATIVE");
		body.put("fields", "电子信息");
		body.put("from", "2026-01-01");
		body.put("to", "2027-12-31");
		var result = f.as("city", post("/api/v1/consultants").contentType(MediaType.APPLICATION_JSON)
			.content(f.write(body)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/consultants/")))
			.andExpect(jsonPath("$.kind").value("NATIVE"))
			.andReturn();
		long id = ((Number) JsonPath.read(PartnerFixtures.body(result), "$.id")).longValue();
		long clue = jdbc.sql("SELECT MIN(id) FROM clue").query(Long.class).single();
		f.as("city", post("/api/v1/consultants/" + id + "/clues").contentType(MediaType.APPLICATION_JSON)
			.content("{\"clueId\":" + clue + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.clues[0].clueId").value(clue));
		f.as("city", post("/api/v1/consultants/" + id + "/clues").contentType(MediaType.APPLICATION_JSON)
			.content("{\"clueId\":" + clue + "}")).andExpect(status().isConflict());
		f.as("city", post("/api/v1/consultants/" + id + "/clues").contentType(MediaType.APPLICATION_JSON)
			.content("{\"clueId\":987654321}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("clueId"));
		f.as("city", post("/api/v1/consultants").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"\",\"from\":\"2026-02-01\",\"to\":\"2026-01-01\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'name')]").isNotEmpty())
			.andExpect(jsonPath("$.errors[?(@.field == 'kind')]").isNotEmpty())
			.andExpect(jsonPath("$.errors[?(@.field == 'validTo')]").isNotEmpty());
		f.as("viewer", get("/api/v1/consultants")).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.id == " + id + ")].fields").value(hasItem(endsWith("电子信息"))));
		f.as("agent", get("/api/v1/consultants")).andExpect(status().isForbidden());
	}
}
