package cn.zhaoshang.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.ApiTestSupport;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;

/**
 * Teams through the API on H2 and PostgreSQL: the resident teams' clue conversion equals a count by hand of the
 * clues credited to each; the city bureau adds a line to a team's work log, another unit may not; a clue line names
 * its clue; a joint team is set up with its targets, and an anchor listed as its own target is refused.
 */
@SpringBootTest
class TeamApiTests extends ApiTestSupport {

	@Autowired
	AccountUserDetailsService accounts;

	ActivityTestData data;

	@BeforeEach
	void setUp() {
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

	@Test
	void the_unit_edits_a_joint_team_on_its_page_at_the_version_read() throws Exception {
		List<Long> ids = jdbc.sql("SELECT id FROM merchant ORDER BY id LIMIT 4").query(Long.class).list();
		List<String> names = jdbc.sql("SELECT name FROM merchant ORDER BY id LIMIT 4").query(String.class).list();
		long cadre = data.person("city", "赵建国");
		var body = Map.of("name", Pages.unique("编辑小分队"), "unitId", Demo.unit(jdbc, "city"), "cadrePersonId", cadre,
				"enterpriseHead", "某董事长", "anchorMerchantId", ids.get(0), "targets",
				List.of(Map.of("merchantId", ids.get(1), "direction", "UPSTREAM")));
		long id = ((Number) JsonPath.read(ActivityTestData.body(data.as("city", post("/api/v1/joint-teams")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))).andExpect(status().isCreated()).andReturn()), "$.id"))
			.longValue();

		String form = mvc.perform(get("/activity/joint-teams/" + id + "/edit").with(Pages.as(accounts, "city")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(form).contains("name=\"version\" value=\"0\"").contains(names.get(1)).contains("某董事长");
		mvc.perform(get("/activity/joint-teams/" + id + "/edit").with(Pages.as(accounts, "hualong")))
			.andExpect(status().isForbidden());

		// an unknown target name is named, nothing saved
		String refused = mvc.perform(post("/activity/joint-teams/" + id + "/edit").with(Pages.as(accounts, "city"))
			.with(csrf())
			.param("version", "0").param("name", "改名小分队").param("unitId", String.valueOf(Demo.unit(jdbc, "city")))
			.param("cadrePersonId", String.valueOf(cadre)).param("enterpriseHead", "新董事长")
			.param("anchorName", names.get(0)).param("downstream", "不存在的企业甲"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("不存在的企业甲");

		mvc.perform(post("/activity/joint-teams/" + id + "/edit").with(Pages.as(accounts, "city")).with(csrf())
			.param("version", "0").param("name", "改名小分队").param("unitId", String.valueOf(Demo.unit(jdbc, "city")))
			.param("cadrePersonId", String.valueOf(cadre)).param("enterpriseHead", "新董事长")
			.param("anchorName", names.get(0)).param("upstream", names.get(1)).param("downstream", names.get(2) + "\n"
					+ names.get(3)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/activity/joint-teams/" + id));
		data.as("viewer", get("/api/v1/joint-teams/" + id)).andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("改名小分队"))
			.andExpect(jsonPath("$.enterpriseHead").value("新董事长"))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.targets.length()").value(3));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'joint_team' AND record_id = :id"
				+ " AND action = 'UPDATE'").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);

		// the same version again is stale: refused, nothing changed
		mvc.perform(post("/activity/joint-teams/" + id + "/edit").with(Pages.as(accounts, "city")).with(csrf())
			.param("version", "0").param("name", "再改名").param("unitId", String.valueOf(Demo.unit(jdbc, "city")))
			.param("cadrePersonId", String.valueOf(cadre)).param("enterpriseHead", "新董事长")
			.param("anchorName", names.get(0)))
			.andExpect(status().isConflict());
		assertThat(jdbc.sql("SELECT name FROM joint_team WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo("改名小分队");
		mvc.perform(post("/activity/joint-teams/" + id + "/edit").with(Pages.as(accounts, "hualong")).with(csrf())
			.param("version", "1").param("name", "x"))
			.andExpect(status().isForbidden());
	}
}
