package cn.zhaoshang.service.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.ApiTestSupport;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Equity and financing through {@code /api/v1}: a county's stake with an exit event adding to its returns, a need
 * with a bank's offer moving it to matching and then funded, the totals per unit, a unit refused another unit's
 * project, an unknown project code, and a stale version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class FinanceApiTests extends ApiTestSupport {

	ResultActions send(String user, AbstractMockHttpServletRequestBuilder<?> request, Object body) throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + token(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)));
	}

	long project(String unitCode) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment)
				VALUES (?, ?, (SELECT MIN(id) FROM merchant), '融资测试有限公司', ?, (SELECT MIN(id) FROM industry_chain),
				    'NEW', 'SIGNED', 'ACTIVE', 3000)""")
			.params(Pages.unique("F"), Pages.unique("融资测试项目"), Demo.unit(jdbc, unitCode))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	@Autowired
	AccountUserDetailsService accounts;

	String html(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void the_edit_pages_change_a_stake_and_a_need_name_refused_fields_and_show_another_users_change()
			throws Exception {
		long project = project("hualong");
		long stakeId = stake(project);
		String url = "/finance/equity/" + stakeId + "/edit";

		assertThat(html(mvc.perform(get("/finance/equity/" + stakeId).with(Pages.as(accounts, "hualong")))))
			.contains("href=\"" + url + "\"");
		assertThat(html(mvc.perform(get(url).with(Pages.as(accounts, "hualong"))).andExpect(status().isOk())))
			.contains("value=\"华龙区投资集团有限公司\"").contains("name=\"version\" value=\"0\"");
		mvc.perform(get(url).with(Pages.as(accounts, "viewer"))).andExpect(status().isForbidden());
		mvc.perform(get(url).with(Pages.as(accounts, "qingfeng")))
			.andExpect(r -> assertThat(r.getResponse().getStatus()).as("another unit's stake").isIn(403, 404));

		// a refused amount names the field and its rule; nothing is saved
		assertThat(html(mvc.perform(post(url).with(Pages.as(accounts, "hualong")).with(csrf())
			.param("vehicle", "华龙区城建投资有限公司").param("stakeAmount", "0").param("sharePct", "25")
			.param("investedOn", "2026-02-01").param("version", "0"))
			.andExpect(status().isOk()))).contains("is-invalid").contains("value=\"华龙区城建投资有限公司\"");
		mvc.perform(post(url).with(Pages.as(accounts, "hualong")).with(csrf())
			.param("vehicle", "华龙区城建投资有限公司").param("stakeAmount", "2500").param("sharePct", "25")
			.param("investedOn", "2026-02-01").param("exitPlan", "上市后二级市场退出").param("version", "0"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/finance/equity/" + stakeId));
		as("viewer", get("/api/v1/equity-stakes/" + stakeId)).andExpect(jsonPath("$.vehicle").value("华龙区城建投资有限公司"))
			.andExpect(jsonPath("$.version").value(1));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'equityStake' AND record_id = :id"
				+ " AND action = 'UPDATE'").param("id", String.valueOf(stakeId)).query(Long.class).single())
			.isEqualTo(1);
		// the form read before that change is refused, saying another user changed the record
		assertThat(html(mvc.perform(post(url).with(Pages.as(accounts, "hualong")).with(csrf())
			.param("vehicle", "华龙区投资集团").param("stakeAmount", "2600").param("sharePct", "25")
			.param("investedOn", "2026-02-01").param("version", "0"))
			.andExpect(status().isConflict()))).contains("该记录已被他人修改");

		long needId = id(send("hualong", post("/api/v1/financing-needs"),
				Map.of("projectId", project, "needAmount", 5000, "purpose", "设备购置流动资金"))
			.andExpect(status().isCreated()));
		String needUrl = "/finance/needs/" + needId + "/edit";
		assertThat(html(mvc.perform(get("/finance/needs/" + needId).with(Pages.as(accounts, "hualong")))))
			.contains("href=\"" + needUrl + "\"");
		assertThat(html(mvc.perform(post(needUrl).with(Pages.as(accounts, "hualong")).with(csrf())
			.param("needAmount", "6000").param("purpose", " ").param("version", "0"))
			.andExpect(status().isOk()))).contains("is-invalid");
		mvc.perform(post(needUrl).with(Pages.as(accounts, "hualong")).with(csrf())
			.param("needAmount", "6000").param("purpose", "厂房建设").param("version", "0"))
			.andExpect(redirectedUrl("/finance/needs/" + needId));
		as("viewer", get("/api/v1/financing-needs/" + needId)).andExpect(jsonPath("$.purpose").value("厂房建设"));
		mvc.perform(post(needUrl).with(Pages.as(accounts, "hualong")).with(csrf())
			.param("needAmount", "7000").param("purpose", "厂房").param("version", "0"))
			.andExpect(status().isConflict());
	}

	/** A stake of 华龙区投资集团有限公司 in the project: 2000 万元, 20 %, from 2026-01-15. */
	static Map<String, Object> stakeBody(long project) {
		var stake = new LinkedHashMap<String, Object>();
		stake.put("projectId", project);
		stake.put("vehicle", "华龙区投资集团有限公司");
		stake.put("stakeAmount", new BigDecimal("2000"));
		stake.put("sharePct", new BigDecimal("20"));
		stake.put("investedOn", "2026-01-15");
		return stake;
	}

	/** {@link #stakeBody} registered through the API. */
	long stake(long project) throws Exception {
		return id(send("hualong", post("/api/v1/equity-stakes"), stakeBody(project)).andExpect(status().isCreated()));
	}

	static long id(ResultActions result) throws Exception {
		return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8),
				"$.id")).longValue();
	}

	@Test
	void a_stake_returns_what_its_exit_events_bring_and_a_need_is_offered_and_funded() throws Exception {
		long project = project("hualong");
		var stake = stakeBody(project);
		stake.put("exitPlan", "投产三年后通过股权转让退出");
		long stakeId = id(send("hualong", post("/api/v1/equity-stakes"), stake).andExpect(status().isCreated())
			.andExpect(jsonPath("$.unitId").value(Demo.unit(jdbc, "hualong")))
			.andExpect(jsonPath("$.returns").value(0)));
		send("hualong", post("/api/v1/equity-stakes/" + stakeId + "/events"),
				Map.of("eventDate", "2026-06-30", "kind", "DIVIDEND", "eventAmount", 150, "version", 0))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.returns").value(150))
			.andExpect(jsonPath("$.events[0].kind").value("DIVIDEND"));
		send("hualong", post("/api/v1/equity-stakes/" + stakeId + "/events"),
				Map.of("eventDate", "2026-07-30", "kind", "DIVIDEND", "eventAmount", 10, "version", 0))
			.andExpect(status().isConflict());

		long needId = id(send("hualong", post("/api/v1/financing-needs"),
				Map.of("projectId", project, "needAmount", 5000, "purpose", "设备购置流动资金"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("OPEN")));
		send("hualong", post("/api/v1/financing-needs/" + needId + "/offers"), Map.of("bank", "中国银行濮阳分行",
				"product", "科技贷", "offerAmount", 3000, "ratePct", 3.45, "offeredOn", "2026-08-01"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("MATCHING"))
			.andExpect(jsonPath("$.offers[0].bank").value("中国银行濮阳分行"));
		send("hualong", post("/api/v1/financing-needs/" + needId + "/status"), Map.of("status", "FUNDED"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("FUNDED"));
		as("city", get("/api/v1/finance/totals")).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].unitName", hasItem("华龙区")));
		as("viewer", get("/api/v1/equity-stakes").param("projectId", String.valueOf(project)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1));
		org.assertj.core.api.Assertions.assertThat(jdbc.sql(
				"SELECT COUNT(*) FROM audit_entry WHERE record_type IN ('equityStake', 'financingNeed')"
						+ " AND record_id IN (:ids)")
			.param("ids", java.util.List.of(String.valueOf(stakeId), String.valueOf(needId)))
			.query(Long.class)
			.single()).isEqualTo(5);
	}

	@Test
	void a_unit_writes_only_for_its_own_projects_and_an_unknown_code_names_the_field() throws Exception {
		long other = project("qingfeng");
		send("hualong", post("/api/v1/financing-needs"), Map.of("projectId", other, "needAmount", 1, "purpose", "x"))
			.andExpect(status().isForbidden());
		send("hualong", post("/api/v1/financing-needs"),
				Map.of("projectCode", "PY-0000-NONE", "needAmount", 1, "purpose", "x"))
			.andExpect(status().is(422))
			.andExpect(jsonPath("$.errors[0].field").value("projectCode"));
		send("hualong", post("/api/v1/equity-stakes"), Map.of("projectId", other)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("vehicle")));
		send("leader", post("/api/v1/financing-needs"), Map.of("projectId", other, "needAmount", 1, "purpose", "x"))
			.andExpect(status().isForbidden());
	}

	@Test
	void a_stake_and_a_need_are_changed_at_the_version_read_audited_and_a_stale_version_is_refused() throws Exception {
		long project = project("hualong");
		long stakeId = stake(project);
		var edit = new LinkedHashMap<String, Object>();
		edit.put("vehicle", "华龙区城建投资有限公司");
		edit.put("stakeAmount", new BigDecimal("2500"));
		edit.put("sharePct", new BigDecimal("25"));
		edit.put("investedOn", "2026-02-01");
		edit.put("exitPlan", "上市后二级市场退出");
		edit.put("version", 0);
		send("hualong", put("/api/v1/equity-stakes/" + stakeId), edit).andExpect(status().isOk())
			.andExpect(jsonPath("$.vehicle").value("华龙区城建投资有限公司"))
			.andExpect(jsonPath("$.amount").value(2500))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.projectId").value(project));
		send("hualong", put("/api/v1/equity-stakes/" + stakeId), edit).andExpect(status().isConflict());
		edit.put("version", 1);
		edit.put("sharePct", new BigDecimal("120"));
		send("hualong", put("/api/v1/equity-stakes/" + stakeId), edit).andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.errors[*].field", hasItem("sharePct")));
		edit.put("sharePct", new BigDecimal("25"));
		send("leader", put("/api/v1/equity-stakes/" + stakeId), edit).andExpect(status().isForbidden());
		send("qingfeng", put("/api/v1/equity-stakes/" + stakeId), Map.of("vehicle", "x", "stakeAmount", 1,
				"sharePct", 1, "investedOn", "2026-02-01", "version", 1))
			.andExpect(r -> assertThat(r.getResponse().getStatus()).as("another unit's stake").isIn(403, 404));

		long needId = id(send("hualong", post("/api/v1/financing-needs"),
				Map.of("projectId", project, "needAmount", 5000, "purpose", "设备购置流动资金"))
			.andExpect(status().isCreated()));
		send("hualong", put("/api/v1/financing-needs/" + needId),
				Map.of("needAmount", 6000, "purpose", "设备购置及厂房装修", "version", 0))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.amount").value(6000))
			.andExpect(jsonPath("$.purpose").value("设备购置及厂房装修"))
			.andExpect(jsonPath("$.status").value("OPEN"));
		send("hualong", put("/api/v1/financing-needs/" + needId),
				Map.of("needAmount", 7000, "purpose", "x", "version", 0)).andExpect(status().isConflict());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'UPDATE' AND ((record_type = 'equityStake'"
				+ " AND record_id = :s) OR (record_type = 'financingNeed' AND record_id = :n))")
			.param("s", String.valueOf(stakeId))
			.param("n", String.valueOf(needId))
			.query(Long.class)
			.single()).isEqualTo(2);
	}
}
