package cn.zhaoshang.clue.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.support.ApiTestSupport;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;

/**
 * {@code /api/v1/clues} end to end with bearer tokens of the demo accounts, on H2 and PostgreSQL: list and
 * filters, create (201 + Location), read, edit with version (409 when stale), follow-ups, assignment and return
 * to the pool, status, and the intermediary's narrow view.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ClueApiTests extends ApiTestSupport {

	long unit(String code) {
		return Demo.unit(jdbc, code);
	}

	long chain(String code) {
		return Demo.chain(jdbc, code);
	}

	Map<String, Object> minimal(String title, String ownerCode) {
		var body = new LinkedHashMap<String, Object>();
		body.put("clueTitle", title);
		body.put("enterpriseName", title + "科技有限公司");
		body.put("chainId", chain("equipment"));
		body.put("source", "EVENT");
		body.put("ownerUnitId", ownerCode == null ? null : unit(ownerCode));
		return body;
	}

	long create(String user, Map<String, Object> body) throws Exception {
		var result = as(user, post("/api/v1/clues").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))).andExpect(status().isCreated()).andReturn();
		return ((Number) JsonPath.read(body(result), "$.id")).longValue();
	}

	@Test
	void createAnswers201WithLocationAndTheClue() throws Exception {
		String title = Pages.unique("接口");
		var body = minimal(title, "hualong");
		body.put("estimatedInvestment", 1500.25);
		body.put("promotionMode", "EXPO");
		var result = as("hualong", post("/api/v1/clues").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/clues/")))
			.andExpect(jsonPath("$.title").value(title))
			.andExpect(jsonPath("$.status").value("NEW"))
			.andExpect(jsonPath("$.ownerUnitName").value("华龙区"))
			.andExpect(jsonPath("$.estimatedInvestment").value(1500.25))
			.andExpect(jsonPath("$.promotionMode").value("EXPO"))
			.andExpect(jsonPath("$.version").value(0))
			.andReturn();
		long id = ((Number) JsonPath.read(body(result), "$.id")).longValue();
		assertThat(result.getResponse().getHeader("Location")).endsWith("/api/v1/clues/" + id);
		as("viewer", get("/api/v1/clues/" + id)).andExpect(status().isOk()).andExpect(jsonPath("$.title").value(title));
	}

	@Test
	void invalidBodiesAre422WithTheFieldsNamedAndNothingIsSaved() throws Exception {
		long before = jdbc.sql("SELECT COUNT(*) FROM clue").query(Long.class).single();
		var body = minimal("", "hualong");
		body.put("estimatedInvestment", -1);
		as("hualong", post("/api/v1/clues").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)))
			.andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("clueTitle",
					"estimatedInvestment")));
		as("hualong", post("/api/v1/clues").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(minimal(Pages.unique("越权"), "qingfeng"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("ownerUnitId"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM clue").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void listFiltersPagesAndCountsTheWholeFilteredSet() throws Exception {
		String tag = Pages.unique("列");
		for (int i = 0; i < 3; i++) {
			create("hualong", minimal(tag + i, "hualong"));
		}
		create("city", minimal(tag + "池", null));
		as("leader", get("/api/v1/clues").param("q", tag).param("size", "2").param("sort", "title").param("dir", "asc"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(4))
			.andExpect(jsonPath("$.size").value(2))
			.andExpect(jsonPath("$.items.length()").value(2))
			.andExpect(jsonPath("$.items[0].title").value(tag + "0"));
		as("leader", get("/api/v1/clues").param("q", tag).param("unit", "pool"))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].title").value(tag + "池"));
		as("leader", get("/api/v1/clues").param("q", tag).param("status", "NEW").param("page", "9"))
			.andExpect(jsonPath("$.items.length()").value(0))
			.andExpect(jsonPath("$.total").value(4));
		as("leader", get("/api/v1/clues").param("sort", "nonsense")).andExpect(status().isBadRequest());
	}

	@Test
	void aStaleVersionIs409AndTheCurrentOneSaves() throws Exception {
		long id = create("hualong", minimal(Pages.unique("版"), "hualong"));
		var body = minimal("改过的标题" + id, null);
		body.put("version", 5);
		as("hualong", put("/api/v1/clues/" + id).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))).andExpect(status().isConflict());
		body.put("version", 0);
		as("hualong", put("/api/v1/clues/" + id).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("改过的标题" + id))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.ownerUnitName").value("华龙区"));
		as("qingfeng", put("/api/v1/clues/" + id).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))).andExpect(status().isForbidden());
	}

	@Test
	void followUpsStatusAssignmentAndReturnToPoolThroughTheApi() throws Exception {
		long id = create("city", minimal(Pages.unique("流程"), null));
		as("city", post("/api/v1/clues/" + id + "/assignment").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("ownerUnitId", unit("hualong"), "reason", "华龙区有配套"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ownerUnitName").value("华龙区"))
			.andExpect(jsonPath("$.assignments[1].kind").value("ASSIGN"));
		var followUp = Map.of("followUpDate", LocalDate.now().toString(), "followUpKind", "MEETING", "content",
				"会谈");
		as("hualong.staff", post("/api/v1/clues/" + id + "/follow-ups").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(followUp)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("FOLLOWING"))
			.andExpect(jsonPath("$.followUps.length()").value(1));
		var future = Map.of("followUpDate", LocalDate.now().plusDays(1).toString(), "followUpKind", "CALL",
				"content", "x");
		as("hualong", post("/api/v1/clues/" + id + "/follow-ups").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(future)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("followUpDate"));
		as("hualong", post("/api/v1/clues/" + id + "/status").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("status", "CONFIRMED"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CONFIRMED"));
		var pool = new HashMap<String, Object>();
		pool.put("pool", true);
		pool.put("reason", "用地不足");
		as("hualong", post("/api/v1/clues/" + id + "/assignment").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(pool)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ownerUnitId").doesNotExist())
			.andExpect(jsonPath("$.assignments[2].kind").value("RETURN"));
	}

	@Test
	void anIntermediarySubmitsThroughTheApiAndSeesNothingElse() throws Exception {
		String tag = Pages.unique("中介接口");
		long other = create("hualong", minimal(tag + "区", "hualong"));
		long mine = create("agent", minimal(tag + "会", "hualong"));
		as("agent", get("/api/v1/clues/" + mine))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.source").value("INTERMEDIARY"))
			.andExpect(jsonPath("$.followUps").isEmpty());
		as("agent", get("/api/v1/clues/" + other)).andExpect(status().isNotFound());
		as("agent", get("/api/v1/clues").param("q", tag))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(mine));
		for (String url : List.of("/api/v1/projects", "/api/v1/projects/1")) {
			as("agent", get(url)).andExpect(status().isForbidden());
		}
		as("agent", post("/api/v1/clues/" + mine + "/follow-ups").contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isForbidden());
	}

	@Test
	void import_answers_the_counts_or_422_with_every_error_by_row_and_column() throws Exception {
		String tag = Pages.unique("导");
		var bad = ClueImportTests.row(tag + "甲", tag + "公司");
		bad.put("产业链", "不存在的链");
		as("hualong", multipart("/api/v1/clues/import").file(ClueImportTests.file(
				cn.zhaoshang.project.LedgerSheets.xlsx(ClueImportTests.HEADERS, List.of(bad)))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("产业链"))
			.andExpect(jsonPath("$.errors[0].message").value("系统中没有名为“不存在的链”的产业链"));
		byte[] good = cn.zhaoshang.project.LedgerSheets.xlsx(ClueImportTests.HEADERS,
				List.of(ClueImportTests.row(tag + "甲", tag + "公司")));
		as("hualong", multipart("/api/v1/clues/import").file(ClueImportTests.file(good)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(1))
			.andExpect(jsonPath("$.updated").value(0));
		as("hualong", multipart("/api/v1/clues/import").file(ClueImportTests.file(good)))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.unchanged").value(1));
		as("leader", multipart("/api/v1/clues/import").file(ClueImportTests.file(good)))
			.andExpect(status().isForbidden());
	}
}
