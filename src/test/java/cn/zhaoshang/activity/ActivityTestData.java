package cn.zhaoshang.activity;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.support.Demo;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/** Ledger projects and bearer tokens for the activity tests. */
public final class ActivityTestData {

	private final Map<String, String> tokens = new HashMap<>();
	private final MockMvc mvc;
	private final JdbcClient jdbc;

	public ActivityTestData(MockMvc mvc, JdbcClient jdbc) {
		this.mvc = mvc;
		this.jdbc = jdbc;
	}

	/** A SIGNED project of the unit with this contracted investment (万元), its code unique. */
	public long project(String code, String unitCode, String contracted) {
		String investor = "活动测试投资" + code;
		jdbc.sql("INSERT INTO merchant (name, normalized_name) VALUES (:n, :n)").param("n", investor).update();
		long merchant = jdbc.sql("SELECT id FROM merchant WHERE name = :n").param("n", investor).query(Long.class)
			.single();
		long unit = Demo.unit(jdbc, unitCode);
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment, contracted_investment)
				VALUES (:code, :name, :m, :investor, :u, :chain, 'NEW', 'SIGNED', 'ACTIVE', 5000, :amount)""")
			.param("code", code)
			.param("name", "签约测试项目" + code)
			.param("m", merchant)
			.param("investor", investor)
			.param("u", unit)
			.param("chain", Demo.chain(jdbc, "chemical"))
			.param("amount", contracted == null ? null : new BigDecimal(contracted), java.sql.Types.NUMERIC)
			.update();
		long id = jdbc.sql("SELECT id FROM project WHERE code = :c").param("c", code).query(Long.class).single();
		jdbc.sql("""
				INSERT INTO project_credit_share (project_id, unit_id, share_bp, default_share)
				VALUES (:p, :u, 10000, TRUE)""").param("p", id).param("u", unit).update();
		return id;
	}

	/** A new project of Hualong at this stage (a leader's slot needs one of each). */
	public long projectAt(String stage) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment)
				VALUES (?, ?, (SELECT MIN(id) FROM merchant), '一带三测试投资有限公司', ?, (SELECT MIN(id) FROM industry_chain),
				    'NEW', ?, 'ACTIVE', 1000)""")
			.params(cn.zhaoshang.support.Pages.unique("L"), cn.zhaoshang.support.Pages.unique("一带三测试项目"),
					Demo.unit(jdbc, "hualong"), stage)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public long person(String unitCode, String name) {
		return jdbc.sql("SELECT id FROM person WHERE unit_id = :u AND name = :n")
			.param("u", Demo.unit(jdbc, unitCode))
			.param("n", name)
			.query(Long.class)
			.single();
	}

	public ResultActions as(String user, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + token(user)));
	}

	String token(String user) throws Exception {
		if (!tokens.containsKey(user)) {
			var result = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + user + "\",\"password\":\"Demo@2026\"}"))
				.andExpect(status().isOk())
				.andReturn();
			tokens.put(user, JsonPath.read(body(result), "$.token"));
		}
		return tokens.get(user);
	}

	public static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
