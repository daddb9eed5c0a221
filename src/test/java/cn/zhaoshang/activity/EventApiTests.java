package cn.zhaoshang.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.clue.ClueOrigins;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.project.ProjectOrigins;
import cn.zhaoshang.support.ApiTestSupport;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;

/**
 * Events through the API on H2 and PostgreSQL: a signing ceremony of three projects totals their contracted
 * investment exactly as a hand sum; the project page learns which event produced it; the ranking orders events by
 * what they produced; a unit may not record an event for another; invalid input names its fields; a stale version
 * is a 409; every write audited.
 */
@SpringBootTest
class EventApiTests extends ApiTestSupport {

	@Autowired
	List<ProjectOrigins> projectOrigins;

	@Autowired
	List<ClueOrigins> clueOrigins;

	ActivityTestData data;

	@BeforeEach
	void setUp() {
		data = new ActivityTestData(mvc, jdbc);
	}

	@Test
	void a_signing_ceremony_lists_its_projects_and_totals_their_contracted_investment() throws Exception {
		String tag = Pages.unique("SC").toUpperCase();
		long a = data.project(tag + "-A", "hualong", "1234.56");
		long b = data.project(tag + "-B", "qingfeng", "2000.00");
		long c = data.project(tag + "-C", "hualong", "765.45");
		long clue = jdbc.sql("SELECT MIN(id) FROM clue").query(Long.class).single();
		long city = Demo.unit(jdbc, "city");
		var body = new LinkedHashMap<String, Object>();
		body.put("kind", "SIGNING_CEREMONY");
		body.put("name", "2035年濮阳市重点项目集中签约仪式" + tag);
		body.put("startDate", "2035-04-18");
		body.put("place", "濮阳市会展中心");
		body.put("organiserUnitId", city);
		body.put("participantUnitIds", List.of(Demo.unit(jdbc, "hualong"), Demo.unit(jdbc, "qingfeng")));
		body.put("projectIds", List.of(a, b, c));
		body.put("clueIds", List.of(clue));
		String created = ActivityTestData.body(data.as("city", post("/api/v1/events")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)))
			.andExpect(status().isCreated())
			.andExpect(header().exists("Location"))
			.andReturn());
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();

		// the hand sum: 1,234.56 + 2,000.00 + 765.45 = 4,000.01
		BigDecimal hand = new BigDecimal("1234.56").add(new BigDecimal("2000.00")).add(new BigDecimal("765.45"));
		assertThat(hand).isEqualByComparingTo("4000.01");
		String read = ActivityTestData.body(data.as("viewer", get("/api/v1/events/" + id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.projects.length()").value(3))
			.andExpect(jsonPath("$.endDate").value("2035-04-18"))
			.andExpect(jsonPath("$.participantUnits.length()").value(2))
			.andReturn());
		assertThat(new BigDecimal(JsonPath.read(read, "$.contractedTotal").toString())).isEqualByComparingTo(hand);
		List<Object> amounts = JsonPath.read(read, "$.projects[*].contractedAmount");
		assertThat(amounts.stream().map(x -> new BigDecimal(x.toString())).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(hand);

		// the list row carries the same total; the project and the clue name the event that produced them
		String listed = ActivityTestData.body(data.as("hualong", get("/api/v1/events").param("q", tag))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andReturn());
		assertThat(new BigDecimal(JsonPath.read(listed, "$.items[0].contractedTotal").toString()))
			.isEqualByComparingTo(hand);
		assertThat(projectOrigins.stream().flatMap(o -> o.of(new ProjectId(b)).stream()).toList())
			.extracting(ClueOrigins.Origin::path)
			.containsExactly("/activity/events/" + id);
		assertThat(clueOrigins.stream().flatMap(o -> o.of(new cn.zhaoshang.clue.ClueId(clue)).stream()).toList())
			.extracting(ClueOrigins.Origin::path)
			.contains("/activity/events/" + id);

		// ranking of 2035: the ceremony above a fair that produced one clue only
		var fair = new LinkedHashMap<String, Object>(Map.of("kind", "FAIR", "name", "云洽谈" + tag, "startDate",
				"2035-05-01", "onlineLink", "https://example.org/fair", "organiserUnitId", city, "clueIds",
				List.of(clue)));
		data.as("city", post("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(fair))).andExpect(status().isCreated());
		String ranking = ActivityTestData.body(data.as("leader", get("/api/v1/events/ranking").param("year", "2035"))
			.andExpect(status().isOk())
			.andReturn());
		List<String> names = JsonPath.read(ranking, "$.items[*].event.name");
		assertThat(names.indexOf(body.get("name"))).isLessThan(names.indexOf(fair.get("name")));

		// a stale version is refused; the version read is accepted
		body.put("version", 5);
		data.as("city", put("/api/v1/events/" + id).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))).andExpect(status().isConflict());
		body.put("version", 0);
		body.put("projectIds", List.of(a, b));
		data.as("city", put("/api/v1/events/" + id).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.contractedTotal").value(3234.56));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'activity_event' AND record_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void a_unit_records_only_its_own_events_and_bad_input_names_the_fields() throws Exception {
		long city = Demo.unit(jdbc, "city");
		var body = new LinkedHashMap<String, Object>(Map.of("kind", "EXPO", "name", "进博会", "startDate",
				"2035-11-05", "place", "上海", "organiserUnitId", city));
		data.as("hualong", post("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))).andExpect(status().isForbidden());
		data.as("viewer", post("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))).andExpect(status().isForbidden());
		data.as("agent", get("/api/v1/events")).andExpect(status().isForbidden());

		var bad = new LinkedHashMap<String, Object>(Map.of("kind", "SIGNING_CEREMONY", "name", " ", "startDate",
				"2035-11-05", "endDate", "2035-11-01", "organiserUnitId", Demo.unit(jdbc, "hualong"),
				"onlineLink", "ftp://x"));
		data.as("hualong", post("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "zh-CN")
			.content(json.writeValueAsString(bad)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value("名称：不能为空"))
			.andExpect(jsonPath("$.errors[?(@.field == 'endDate')].message").value("结束日期：结束日期不能早于开始日期"))
			.andExpect(jsonPath("$.errors[?(@.field == 'onlineLink')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'projectIds')]").exists());

		String saved = ActivityTestData.body(data.as("hualong", post("/api/v1/events")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("kind", "MATCHMAKING", "name", "华龙区对接会", "startDate",
					"2035-06-01", "place", "华龙区", "organiserUnitId", Demo.unit(jdbc, "hualong")))))
			.andExpect(status().isCreated())
			.andReturn());
		long id = ((Number) JsonPath.read(saved, "$.id")).longValue();
		data.as("qingfeng", delete("/api/v1/events/" + id).param("version", "0")).andExpect(status().isForbidden());
		data.as("hualong", delete("/api/v1/events/" + id).param("version", "0")).andExpect(status().isNoContent());
		data.as("hualong", get("/api/v1/events/" + id)).andExpect(status().isNotFound());
	}
}
