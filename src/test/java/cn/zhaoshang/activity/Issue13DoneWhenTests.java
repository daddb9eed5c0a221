package cn.zhaoshang.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.partner.PartnerFixtures;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.ApiTestSupport;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Issue 13's "Done when", walked in one go through {@code /api/v1} with the demo accounts' bearer tokens, on H2 and
 * PostgreSQL: a commander's two October trips with the enterprises met (one registered on the spot) and a clue
 * produced make him compliant while a principal five days out is not; a leader's three projects, one slot emptied
 * when its project is signed; a signing ceremony of three projects and its total; an agreement with 濮阳市浙江商会
 * scoped to 长三角 (a region grouping), the city bureau approving a commenced move of a project it introduced, the
 * reward computed with its rule, approved and paid, and seen by the intermediary on its own page; a training session
 * in each attendee's yearly hours.
 */
@SpringBootTest
class Issue13DoneWhenTests extends ApiTestSupport {

	@Autowired
	AccountUserDetailsService accounts;

	PartnerFixtures f;

	ActivityTestData data;

	final LocalDate today = LocalDate.now();

	@BeforeEach
	void setUp() {
		f = new PartnerFixtures(mvc, json, jdbc);
		data = new ActivityTestData(mvc, jdbc);
	}

	long person(String unitCode, String kind, String position) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO person (unit_id, name, kind, position) VALUES (?, ?, ?, ?)")
			.params(Demo.unit(jdbc, unitCode), Pages.unique("旅程人"), kind, position)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	String read(ResultActions actions) throws Exception {
		return PartnerFixtures.body(actions.andReturn());
	}

	long created(ResultActions actions) throws Exception {
		return ((Number) JsonPath.read(read(actions.andExpect(status().isCreated())), "$.id")).longValue();
	}

	ResultActions postJson(String user, String path, Object body) throws Exception {
		return f.as(user, post(path).contentType(MediaType.APPLICATION_JSON).content(f.write(body)));
	}

	long trip(List<Long> leaders, String from, String to, List<Long> merchants, List<String> newEnterprises,
			List<Long> clues) throws Exception {
		var body = new LinkedHashMap<String, Object>();
		body.put("leaderIds", leaders);
		body.put("staffIds", List.of());
		body.put("from", from);
		body.put("to", to);
		body.put("destination", "杭州市");
		body.put("purpose", "拜访长三角新材料企业");
		body.put("merchantIds", merchants);
		body.put("newEnterprises", newEnterprises);
		body.put("clueIds", clues);
		body.put("report", "座谈企业，形成线索");
		long id = created(postJson("city", "/api/v1/trips", body));
		int version = jdbc.sql("SELECT version FROM trip WHERE id = ?").param(id).query(Integer.class).single();
		postJson("city", "/api/v1/trips/" + id + "/approve", Map.of("version", version)).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"));
		return id;
	}

	long project(String stage) {
		return data.projectAt(stage);
	}

	@Test
	void the_issues_done_when_journey_end_to_end() throws Exception {
		// 1. a commander's two October trips with the enterprises met and a clue produced
		long commander = person("hq-chem", "LEADER", "HQ_COMMANDER");
		long principal = person("ndrc", "LEADER", "HQ_MEMBER_PRINCIPAL");
		long met = jdbc.sql("SELECT MIN(id) FROM merchant WHERE merged_into_id IS NULL").query(Long.class).single();
		long clue = jdbc.sql("SELECT MIN(id) FROM clue").query(Long.class).single();
		String onTheSpot = Pages.unique("现场结识新材料有限公司");
		long first = trip(List.of(commander), "2026-10-08", "2026-10-09", List.of(met), List.of(onTheSpot),
				List.of(clue));
		trip(List.of(commander), "2026-10-21", "2026-10-21", List.of(), List.of(), List.of());
		trip(List.of(principal), "2026-10-26", "2026-10-30", List.of(), List.of(), List.of());
		String trip = read(f.as("viewer", get("/api/v1/trips/" + first)).andExpect(status().isOk()));
		long registered = jdbc.sql("SELECT id FROM merchant WHERE name = ?").param(onTheSpot).query(Long.class).single();
		assertThat(JsonPath.<List<Integer>>read(trip, "$.merchants[*].id")).containsExactlyInAnyOrder((int) met,
				(int) registered);
		assertThat(JsonPath.<List<Integer>>read(trip, "$.clues[*].id")).containsExactly((int) clue);
		f.as("viewer", get("/api/v1/trip-compliance?month=2026-10"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows[?(@.personId == " + commander + ")].trips").value(hasItem(2)))
			.andExpect(jsonPath("$.rows[?(@.personId == " + commander + ")].compliant").value(hasItem(true)))
			.andExpect(jsonPath("$.rows[?(@.personId == " + principal + ")].days").value(hasItem(5)))
			.andExpect(jsonPath("$.rows[?(@.personId == " + principal + ")].required").value(hasItem(7)))
			.andExpect(jsonPath("$.rows[?(@.personId == " + principal + ")].compliant").value(hasItem(false)));

		// 2. a leader's three projects; the negotiating one is signed (reviewed), its slot asks for a new one
		long leader = person("hualong", "LEADER", "COUNTY_PRINCIPAL");
		long negotiating = project("NEGOTIATING");
		long signed = project("SIGNED");
		long commenced = project("COMMENCED");
		var slots = new LinkedHashMap<String, Object>();
		slots.put("negotiating", negotiating);
		slots.put("signed", signed);
		slots.put("commenced", commenced);
		f.as("hualong", put("/api/v1/leaders/" + leader + "/projects").contentType(MediaType.APPLICATION_JSON)
			.content(f.write(slots))).andExpect(status().isOk()).andExpect(jsonPath("$.slots[0].empty").value(false));

		// 4 (set up first). an agreement with 濮阳市浙江商会: chemical projects of investors from 长三角
		long zj = f.unit("agent-zj");
		var agreement = new LinkedHashMap<String, Object>();
		agreement.put("intermediaryUnitId", zj);
		agreement.put("title", Pages.unique("浙江商会化工委托协议"));
		agreement.put("from", today.minusYears(1).toString());
		agreement.put("to", today.plusYears(1).toString());
		agreement.put("scopeChains", "化工");
		agreement.put("scopeRegions", "长三角");
		agreement.put("rules", List.of(Map.of("stage", "COMMENCED", "percentOfFunds", 1, "cap", 500000)));
		long agreementId = created(postJson("city", "/api/v1/agreements", agreement));
		long introduced = f.project(Pages.unique("浙江商会引荐化工项目"), "agent-zj", "chemical", "安徽省合肥市");

		f.reviewRequired("hualong", true);
		long commencedMove;
		try {
			f.approve(negotiating, f.submitSigned(negotiating, today.minusDays(2)));
			f.approve(introduced, f.submitSigned(introduced, today.minusDays(3)));
			commencedMove = f.submitCommenced(introduced, today.minusDays(1), 4000);
			f.approve(introduced, commencedMove);
		}
		finally {
			f.reviewRequired("hualong", false);
		}
		f.as("viewer", get("/api/v1/leaders/" + leader + "/projects"))
			.andExpect(jsonPath("$.negotiating").doesNotExist())
			.andExpect(jsonPath("$.slots[0].empty").value(true))
			.andExpect(jsonPath("$.slots[0].left.id").value(negotiating))
			.andExpect(jsonPath("$.signed.id").value(signed))
			.andExpect(jsonPath("$.commenced.id").value(commenced));

		// 3. a signing ceremony with three projects and its total
		String tag = Pages.unique("DW").toUpperCase();
		long a = data.project(tag + "-A", "hualong", "1500.25");
		long b = data.project(tag + "-B", "qingfeng", "2300.50");
		long c = data.project(tag + "-C", "hualong", "699.25");
		var ceremony = new LinkedHashMap<String, Object>();
		ceremony.put("kind", "SIGNING_CEREMONY");
		ceremony.put("name", "濮阳市重点项目集中签约仪式" + tag);
		ceremony.put("startDate", "2026-11-18");
		ceremony.put("place", "濮阳市会展中心");
		ceremony.put("organiserUnitId", f.unit("city"));
		ceremony.put("projectIds", List.of(a, b, c));
		long event = created(postJson("city", "/api/v1/events", ceremony));
		String read = read(f.as("viewer", get("/api/v1/events/" + event)).andExpect(status().isOk())
			.andExpect(jsonPath("$.projects.length()").value(3)));
		// by hand: 1,500.25 + 2,300.50 + 699.25 = 4,500.00 万元
		assertThat(new BigDecimal(JsonPath.read(read, "$.contractedTotal").toString())).isEqualByComparingTo("4500.00");

		// 4. the reward of the commenced move: 1 % of 4,000 万元 paid in = 400,000 yuan (under the 500,000 cap)
		String rewards = read(f.as("city", get("/api/v1/rewards?intermediary=" + zj)).andExpect(status().isOk()));
		List<Map<String, Object>> mine = JsonPath.read(rewards, "$.items[?(@.projectId == " + introduced + ")]");
		assertThat(mine).hasSize(1);
		Map<String, Object> reward = mine.get(0);
		assertThat(((Number) reward.get("agreementId")).longValue()).isEqualTo(agreementId);
		assertThat(((Number) reward.get("stageMoveId")).longValue()).isEqualTo(commencedMove);
		assertThat(new BigDecimal(reward.get("amount").toString())).isEqualByComparingTo("400000.00");
		assertThat(reward.get("status")).isEqualTo("DUE");
		@SuppressWarnings("unchecked")
		var rule = (Map<String, Object>) reward.get("rule");
		assertThat(rule.get("stage")).isEqualTo("COMMENCED");
		assertThat(new BigDecimal(rule.get("percentOfFunds").toString())).isEqualByComparingTo("1");
		long rewardId = ((Number) reward.get("id")).longValue();
		int version = ((Number) reward.get("version")).intValue();
		postJson("city", "/api/v1/rewards/" + rewardId + "/approve", Map.of("version", version))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"));
		postJson("city", "/api/v1/rewards/" + rewardId + "/pay",
				Map.of("version", version + 1, "paymentReference", "财政国库支付 2026-208"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PAID"));
		// the intermediary sees it: in its rewards and on its own page
		String own = read(f.as("agent", get("/api/v1/rewards")).andExpect(status().isOk()));
		assertThat(JsonPath.<List<String>>read(own, "$.items[?(@.projectId == " + introduced + ")].status"))
			.containsExactly("PAID");
		String page = mvc.perform(get("/partner/mine").with(Pages.as(accounts, "agent")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String projectName = jdbc.sql("SELECT name FROM project WHERE id = ?").param(introduced).query(String.class)
			.single();
		assertThat(Pages.from(page, "mine-rewards")).contains(projectName).contains("已支付");

		// 5. a training session shows in each attendee's yearly hours
		long zhang = person("hualong", "STAFF", null);
		long liu = person("hualong", "STAFF", null);
		created(postJson("hualong", "/api/v1/trainings", Map.of("topic", "新材料产业链招商专题讲座", "kind",
				"SPECIAL_LECTURE", "lecturer", "李教授", "date", "2026-11-05", "hours", 2.5, "unitId",
				f.unit("hualong"), "attendeeIds", List.of(zhang, liu))));
		String hours = read(f.as("city", get("/api/v1/training-hours").param("year", "2026"))
			.andExpect(status().isOk()));
		for (long person : List.of(zhang, liu)) {
			List<Object> found = JsonPath.read(hours, "$.items[?(@.personId == " + person + ")].hours");
			assertThat(found).hasSize(1);
			assertThat(new BigDecimal(found.get(0).toString())).isEqualByComparingTo("2.5");
		}
	}
}
