package cn.zhaoshang.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.support.Demo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import tools.jackson.databind.json.JsonMapper;

/**
 * Teams through the API on H2 and PostgreSQL: the resident teams' clue conversion equals a count by hand of the
 * clues credited to each; the city bureau adds a line to a team's work log, another unit may not; a clue line names
 * its clue; a joint team is set up with its targets, and an anchor listed as its own target is refused.
 */
@SpringBootTest
class TeamApiTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	ActivityTestData data;

	@BeforeEach
	void setUp() {
		var mvc = MockMvcBuilders.webAppContextSetup(context)
			.apply(SecurityMockMvcConfigurers.springSecurity())
			.defaultResponseCharacterEncoding(StandardCharsets.UTF_8)
			.build();
		data = new ActivityTestData(mvc, jdbc);
	}

	@Test
	void teams_see_their_conversion_and_keep_their_own_work_log() throws Exception {
		int year = LocalDate.now().getYear();
		long team = Demo.unit(jdbc, "rt-gba");
		String teams = ActivityTestData.body(data.as("viewer", get("/api/v1/teams").param("year", String.valueOf(year)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(5))
			.andReturn());
		var from = LocalDate.of(year, 1, 1).atStartOfDay(java.time.ZoneId.systemDefault()).toOffsetDateTime();
		var to = from.plusYears(1);
		long credited = jdbc.sql("SELECT COUNT(*) FROM clue WHERE source_unit_id = :u AND created_at >= :f "
				+ "AND created_at < :t").param("u", team).param("f", from).param("t", to).query(Long.class).single();
		long converted = jdbc.sql("SELECT COUNT(*) FROM clue WHERE source_unit_id = :u AND project_id IS NOT NULL "
				+ "AND created_at >= :f AND created_at < :t").param("u", team).param("f", from).param("t", to)
			.query(Long.class).single();
		List<Number> clues = JsonPath.read(teams, "$.items[?(@.unitId == " + team + ")].conversion.clues");
		List<Number> done = JsonPath.read(teams, "$.items[?(@.unitId == " + team + ")].conversion.converted");
		assertThat(clues.get(0).longValue()).isEqualTo(credited);
		assertThat(done.get(0).longValue()).isEqualTo(converted);

		var line = Map.of("unitId", team, "date", "2026-11-02", "kind", "VISIT", "workDone", "走访深圳企业");
		data.as("hualong", post("/api/v1/team-logs").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(line))).andExpect(status().isForbidden());
		data.as("city", post("/api/v1/team-logs").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(line))).andExpect(status().isCreated())
			.andExpect(jsonPath("$.workDone").value("走访深圳企业"));
		data.as("city", post("/api/v1/team-logs").contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "zh-CN")
			.content(json.writeValueAsString(Map.of("unitId", team, "date", "2026-11-02", "kind", "CLUE",
					"workDone", "获取线索"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("clueId"));
		data.as("city", post("/api/v1/team-logs").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("unitId", Demo.unit(jdbc, "hualong"), "date", "2026-11-02",
					"kind", "VISIT", "workDone", "x"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("unitId"));
		data.as("viewer", get("/api/v1/team-logs").param("unit", String.valueOf(team)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.workDone == '走访深圳企业')]").exists());
	}

	@Test
	void a_joint_team_has_a_cadre_an_enterprise_head_an_anchor_and_targets() throws Exception {
		List<Long> merchants = jdbc.sql("SELECT id FROM merchant ORDER BY id LIMIT 3").query(Long.class).list();
		long cadre = data.person("city", "赵建国");
		var body = Map.of("name", "测试小分队", "unitId", Demo.unit(jdbc, "city"), "cadrePersonId", cadre,
				"enterpriseHead", "某董事长", "anchorMerchantId", merchants.get(0), "targets",
				List.of(Map.of("merchantId", merchants.get(1), "direction", "UPSTREAM"),
						Map.of("merchantId", merchants.get(2), "direction", "DOWNSTREAM")));
		String saved = ActivityTestData.body(data.as("city", post("/api/v1/joint-teams")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.targets.length()").value(2))
			.andReturn());
		long id = ((Number) JsonPath.read(saved, "$.id")).longValue();
		data.as("viewer", get("/api/v1/joint-teams/" + id)).andExpect(status().isOk())
			.andExpect(jsonPath("$.cadreName").value("赵建国"));
		data.as("city", post("/api/v1/joint-teams").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("name", "错误小分队", "unitId", Demo.unit(jdbc, "city"),
					"cadrePersonId", cadre, "enterpriseHead", "某人", "anchorMerchantId", merchants.get(0), "targets",
					List.of(Map.of("merchantId", merchants.get(0), "direction", "UPSTREAM"))))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("targets[0].merchantId"));
	}
}
