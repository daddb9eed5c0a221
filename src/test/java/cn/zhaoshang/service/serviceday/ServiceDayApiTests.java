package cn.zhaoshang.service.serviceday;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.support.ApiTestSupport;
import cn.zhaoshang.support.Demo;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;

/**
 * Enterprise service days and the chief attendant's service log through the API on H2 and PostgreSQL: a county
 * records its day with a leader, an enterprise and two problems; another county may not record one for it; a solved
 * problem needs the enterprise's satisfaction and then shows in the attendant's log.
 */
@SpringBootTest
class ServiceDayApiTests extends ApiTestSupport {

	@Test
	void a_county_records_its_service_day_with_leaders_enterprises_and_problems() throws Exception {
		long unit = Demo.unit(jdbc, "hualong");
		long leader = jdbc.sql("SELECT id FROM person WHERE name = '王强'").query(Long.class).single();
		long merchant = jdbc.sql("SELECT merchant_id FROM project WHERE code = 'PY-2026-00001'").query(Long.class).single();
		var body = new LinkedHashMap<String, Object>();
		body.put("unitId", unit);
		body.put("date", "2026-11-20");
		body.put("title", "华龙区第四季度企业服务日");
		body.put("leaderIds", List.of(leader));
		body.put("merchantIds", List.of(merchant));
		body.put("problems", List.of(Map.of("merchantId", merchant, "content", "园区西侧道路接入", "owner", "区住建局"),
				Map.of("content", "员工子女入学", "owner", "区教育局")));
		as("qingfeng", post("/api/v1/service-days").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))).andExpect(status().isForbidden());
		as("hualong", post("/api/v1/service-days").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("unitId", unit, "problems", List.of(Map.of("content", "x"))))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("date"))
			.andExpect(jsonPath("$.errors[1].field").value("title"))
			.andExpect(jsonPath("$.errors[2].field").value("problems[0].owner"));
		String created = as("hualong", post("/api/v1/service-days").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.leaders[0]").value("王强"))
			.andExpect(jsonPath("$.problems.length()").value(2))
			.andExpect(jsonPath("$.problems[1].owner").value("区教育局"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();
		as("viewer", get("/api/v1/service-days/" + id)).andExpect(status().isOk())
			.andExpect(jsonPath("$.enterprises.length()").value(1));
	}

	@Test
	void a_solved_problem_needs_the_enterprises_satisfaction() throws Exception {
		long project = jdbc.sql("SELECT id FROM project WHERE code = 'PY-2026-00001'").query(Long.class).single();
		String url = "/api/v1/projects/" + project + "/service-log";
		as("hualong", post(url).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(
				Map.of("kind", "PROBLEM_SOLVED", "logDate", "2026-11-01", "content", "协调完成供电线路迁改"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("satisfaction"));
		as("leader", post(url).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(
				Map.of("kind", "CALL", "logDate", "2026-11-01", "content", "电话回访")))).andExpect(status().isForbidden());
		as("hualong", post(url).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(
				Map.of("kind", "PROBLEM_SOLVED", "logDate", "2026-11-01", "content", "协调完成供电线路迁改",
						"satisfaction", "NOT_SATISFIED"))))
			.andExpect(status().isCreated());
		long person = jdbc.sql("SELECT id FROM person WHERE name = '张伟'").query(Long.class).single();
		as("city", get("/api/v1/chief-attendants/" + person)).andExpect(status().isOk())
			.andExpect(jsonPath("$.projects[?(@.code == 'PY-2026-00001')].overdueCommitments").value(1))
			.andExpect(jsonPath("$.log[?(@.content == '协调完成供电线路迁改')].satisfaction").value("NOT_SATISFIED"));
	}

}
