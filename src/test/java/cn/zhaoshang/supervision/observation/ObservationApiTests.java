package cn.zhaoshang.supervision.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.support.ApiTestSupport;
import cn.zhaoshang.support.Demo;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;

/**
 * {@code /api/v1/observations} end to end on H2 and PostgreSQL with the demo accounts' bearer tokens: an observation
 * with two judges (the leader scoring on their account, a named judge whose paper sheet the bureau enters) and one
 * with three judges dropping the highest and lowest total, against hand-computed averages and ranks; a judge cannot
 * score another's sheet; scores outside 0..max are refused naming the cell; units read results only once closed;
 * closing freezes the results; the results notice read back with POI. Events are dated 2032.
 */
@SpringBootTest
class ObservationApiTests extends ApiTestSupport {

	static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Test
	void two_judges_score_their_own_sheets_and_closing_freezes_the_ranked_results() throws Exception {
		long a = project("hualong");
		long b = project("hualong");
		long c = project("puyang");
		long leader = Demo.user(jdbc, "leader");
		var body = new LinkedHashMap<String, Object>();
		body.put("title", "2032年上半年项目观摩");
		body.put("date", "2032-07-15");
		body.put("route", List.of("华龙区", "濮阳县"));
		body.put("dropExtremes", false);
		body.put("criteria", List.of(Map.of("name", "项目规模", "maxPoints", 20), Map.of("name", "建设进度", "maxPoints", 30)));
		body.put("projectIds", List.of(a, b, c));
		body.put("judges", List.of(Map.of("userId", leader), Map.of("name", "王评委")));

		as("hualong", post("/api/v1/observations").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))).andExpect(status().isForbidden());
		String created = body(as("city", post("/api/v1/observations").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))).andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.projects[0].unitName").value("华龙区"))
			.andExpect(jsonPath("$.projects[2].unitName").value("濮阳县"))
			.andExpect(jsonPath("$.judges[0].name").value("李明"))
			.andReturn());
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();
		Event e = new Event(created);

		// no scoring in a draft
		as("leader", put(sheet(id, e.judges.get(0))).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("version", 0, "scores", List.of()))))
			.andExpect(status().isConflict());
		as("city", post("/api/v1/observations/" + id + "/scoring").contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":5}")).andExpect(status().isConflict());
		as("city", post("/api/v1/observations/" + id + "/scoring").contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":0}")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SCORING"));
		// the structure is fixed once scoring
		as("city", put("/api/v1/observations/" + id).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(withVersion(body, 1)))).andExpect(status().isConflict());

		// the leader's own sheet: A 18+25=43, B 15+20=35, C 19.5+28=47.5
		var leaderSheet = e.sheet(new String[][] { { "18", "25" }, { "15", "20" }, { "19.5", "28" } });
		as("leader", put(sheet(id, e.judges.get(0))).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("version", 0, "scores", leaderSheet))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.scores.length()").value(6));
		// nobody else fills in the leader's sheet, not even the bureau; the leader cannot fill in the named judge's
		for (String other : List.of("city", "hualong", "viewer")) {
			as(other, put(sheet(id, e.judges.get(0))).contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(Map.of("version", 1, "scores", leaderSheet))))
				.andExpect(status().isForbidden());
			as(other, get(sheet(id, e.judges.get(0)))).andExpect(status().isForbidden());
		}
		var wangSheet = e.sheet(new String[][] { { "16", "27" }, { "17", "22.5" }, { "12", "20" } });
		as("leader", put(sheet(id, e.judges.get(1))).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("version", 0, "scores", wangSheet))))
			.andExpect(status().isForbidden());
		// out of range and too many decimals are refused naming the project and criterion
		var tooMany = e.sheet(new String[][] { { "21", "25" }, { "15", "20.25" }, { "-1", "28" } });
		as("city", put(sheet(id, e.judges.get(1))).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("version", 0, "scores", tooMany))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(3))
			.andExpect(jsonPath("$.errors[0].field").value("scores[0].points"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.allOf(
					org.hamcrest.Matchers.containsString("第 1 个评分"), org.hamcrest.Matchers.containsString("项目规模"),
					org.hamcrest.Matchers.containsString("0 到 20"))));
		// the bureau enters the named judge's paper sheet: A 16+27=43, B 17+22.5=39.5, C 12+20=32
		as("city", put(sheet(id, e.judges.get(1))).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("version", 0, "scores", wangSheet)))).andExpect(status().isOk());
		as("city", put(sheet(id, e.judges.get(1))).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("version", 0, "scores", wangSheet))))
			.andExpect(status().isConflict());

		// units read the results only once closed; the bureau sees them while scoring
		as("hualong", get("/api/v1/observations/" + id + "/results")).andExpect(status().isForbidden());
		as("hualong", get("/api/v1/observations/" + id + "/results.docx")).andExpect(status().isForbidden());
		as("city", get("/api/v1/observations/" + id + "/results")).andExpect(status().isOk())
			.andExpect(jsonPath("$.frozen").value(false))
			.andExpect(jsonPath("$.projects[0].score").value(43.00));

		as("city", post("/api/v1/observations/" + id + "/close").contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":1}")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
		// A (43+43)/2 = 43.00 #1; C (47.5+32)/2 = 39.75 #2; B (35+39.5)/2 = 37.25 #3
		// 华龙区 (43.00+37.25)/2 = 40.125 -> 40.13 #1; 濮阳县 39.75 #2
		String results = body(as("hualong", get("/api/v1/observations/" + id + "/results")).andExpect(status().isOk())
			.andExpect(jsonPath("$.frozen").value(true))
			.andReturn());
		assertThat(ranked(results)).containsExactly("1 " + a + " 43.0", "2 " + c + " 39.75", "3 " + b + " 37.25");
		assertThat(units(results)).containsExactly("1 华龙区 2 40.13", "2 濮阳县 1 39.75");

		// closed: sheets refuse changes, and even a score changed behind the system's back leaves the results be
		as("leader", put(sheet(id, e.judges.get(0))).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("version", 1, "scores", wangSheet))))
			.andExpect(status().isConflict());
		jdbc.sql("UPDATE observation_score SET points = 0 WHERE judge_id = :j").param("j", e.judges.get(0)).update();
		String again = body(as("viewer", get("/api/v1/observations/" + id + "/results")).andExpect(status().isOk())
			.andReturn());
		assertThat(ranked(again)).isEqualTo(ranked(results));
		assertThat(units(again)).isEqualTo(units(results));

		// the notice, read back with POI, shows the same ranks and scores
		byte[] docx = as("hualong", get("/api/v1/observations/" + id + "/results.docx")).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			List<List<String>> units = rows(table(doc, "名次", "观摩项目数"));
			assertThat(units).containsExactly(List.of("1", "华龙区", "2", "40.13"), List.of("2", "濮阳县", "1", "39.75"));
			List<List<String>> projects = rows(table(doc, "名次", "计分评委数"));
			assertThat(projects).extracting(r -> r.get(0) + " " + r.get(3) + " " + r.get(4) + " " + r.get(5))
				.containsExactly("1 华龙区 2 43.00", "2 濮阳县 2 39.75", "3 华龙区 2 37.25");
			String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc).getText();
			assertThat(text).contains("关于2032年上半年项目观摩结果的通报", "华龙区→濮阳县", "李明、王评委", "项目规模", "建设进度");
		}
		long audited = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type IN ('observation_event',"
				+ " 'observation_sheet') AND record_id IN (:ids)")
			.param("ids", List.of(String.valueOf(id), String.valueOf(e.judges.get(0)), String.valueOf(e.judges.get(1))))
			.query(Long.class)
			.single();
		assertThat(audited).isEqualTo(5); // create, open scoring, two sheets, close
	}

	@Test
	void three_judges_drop_the_highest_and_lowest_total() throws Exception {
		long q1 = project("qingfeng");
		long q2 = project("puyang");
		var body = new LinkedHashMap<String, Object>();
		body.put("title", "2032年观摩（去掉最高最低分）");
		body.put("date", "2032-07-20");
		body.put("dropExtremes", true);
		body.put("criteria", List.of(Map.of("name", "综合", "maxPoints", 100)));
		body.put("projectIds", List.of(q1, q2));
		body.put("judges", List.of(Map.of("name", "甲"), Map.of("name", "乙"), Map.of("name", "丙")));
		Event e = new Event(body(as("admin", post("/api/v1/observations").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))).andExpect(status().isCreated()).andReturn()));
		as("admin", post("/api/v1/observations/" + e.id + "/scoring").contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":0}")).andExpect(status().isOk());
		// q1: 95, 70, 80 -> 80.00 (plain mean 81.67); q2: 85, 84, 60 -> 84.00 (plain mean 76.33)
		String[][] given = { { "95", "85" }, { "70", "84" }, { "80", "60" } };
		for (int j = 0; j < 3; j++) {
			var scores = List.of(cell(e.projects.get(0), e.criteria.get(0), given[j][0]),
					cell(e.projects.get(1), e.criteria.get(0), given[j][1]));
			as("city", put(sheet(e.id, e.judges.get(j))).contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(Map.of("version", 0, "scores", scores)))).andExpect(status().isOk());
		}
		as("city", post("/api/v1/observations/" + e.id + "/close").contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":1}")).andExpect(status().isOk());
		String results = body(as("viewer", get("/api/v1/observations/" + e.id + "/results")).andReturn());
		assertThat(ranked(results)).containsExactly("1 " + q2 + " 84.0", "2 " + q1 + " 80.0");
		assertThat(JsonPath.<List<Integer>>read(results, "$.projects[*].counted")).containsExactly(1, 1);
		assertThat(units(results)).containsExactly("1 濮阳县 1 84.0", "2 清丰县 1 80.0");
	}

	@Test
	void closing_is_refused_while_a_project_has_no_finished_sheet_and_bad_events_are_refused() throws Exception {
		long p = project("hualong");
		var body = new LinkedHashMap<String, Object>();
		body.put("title", " ");
		body.put("date", "2032-08-01");
		body.put("criteria", List.of(Map.of("name", "规模", "maxPoints", 0)));
		body.put("projectIds", List.of(p, 999_999_999L));
		body.put("judges", List.of());
		as("city", post("/api/v1/observations").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("title",
					"criteria[0].maxPoints", "projectIds", "judges")))
			.andExpect(jsonPath("$.errors[0].message").value("活动名称：不能为空"))
			.andExpect(jsonPath("$.errors[1].message").value(org.hamcrest.Matchers.startsWith("第 1 项评分标准的满分：")));
		body.put("title", "2032年观摩（未打完分）");
		body.put("criteria", List.of(Map.of("name", "规模", "maxPoints", 10)));
		body.put("projectIds", List.of(p));
		body.put("judges", List.of(Map.of("name", "甲")));
		Event e = new Event(body(as("city", post("/api/v1/observations").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))).andExpect(status().isCreated()).andReturn()));
		as("city", post("/api/v1/observations/" + e.id + "/scoring").contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":0}")).andExpect(status().isOk());
		as("city", post("/api/v1/observations/" + e.id + "/close").contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":1}")).andExpect(status().isConflict());
		as("viewer", get("/api/v1/observations/" + e.id)).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SCORING"))
			.andExpect(jsonPath("$.resultsAvailable").value(false));
		as("viewer", get("/api/v1/observations").param("year", "2032")).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.hasItem((int) e.id)));
		as("agent", get("/api/v1/observations/" + e.id)).andExpect(status().isForbidden());
	}

	// ------------------------------------------------------------------------------------------------------------

	/** The ids of a created event's parts. */
	static final class Event {

		final long id;

		final List<Long> projects = new ArrayList<>();

		final List<Long> criteria = new ArrayList<>();

		final List<Long> judges = new ArrayList<>();

		Event(String detail) {
			id = ((Number) JsonPath.read(detail, "$.id")).longValue();
			JsonPath.<List<Number>>read(detail, "$.projects[*].id").forEach(n -> projects.add(n.longValue()));
			JsonPath.<List<Number>>read(detail, "$.criteria[*].id").forEach(n -> criteria.add(n.longValue()));
			JsonPath.<List<Number>>read(detail, "$.judges[*].id").forEach(n -> judges.add(n.longValue()));
		}

		/** A sheet: points[project][criterion]. */
		List<Map<String, Object>> sheet(String[][] points) {
			List<Map<String, Object>> cells = new ArrayList<>();
			for (int p = 0; p < points.length; p++) {
				for (int c = 0; c < points[p].length; c++) {
					cells.add(cell(projects.get(p), criteria.get(c), points[p][c]));
				}
			}
			return cells;
		}
	}

	static Map<String, Object> cell(long project, long criterion, String points) {
		return Map.of("projectId", project, "criterionId", criterion, "points", new java.math.BigDecimal(points));
	}

	static String sheet(long event, long judge) {
		return "/api/v1/observations/" + event + "/sheets/" + judge;
	}

	static Map<String, Object> withVersion(Map<String, Object> body, int version) {
		var copy = new LinkedHashMap<>(body);
		copy.put("version", version);
		return copy;
	}

	static List<String> ranked(String results) {
		List<String> lines = new ArrayList<>();
		List<Map<String, Object>> projects = JsonPath.read(results, "$.projects");
		for (Map<String, Object> p : projects) {
			lines.add(p.get("rank") + " " + p.get("projectId") + " " + p.get("score"));
		}
		return lines;
	}

	static List<String> units(String results) {
		List<String> lines = new ArrayList<>();
		List<Map<String, Object>> units = JsonPath.read(results, "$.units");
		for (Map<String, Object> u : units) {
			lines.add(u.get("rank") + " " + u.get("unitName") + " " + u.get("projects") + " " + u.get("score"));
		}
		return lines;
	}

	/** The table whose header row has these cells. */
	static XWPFTable table(XWPFDocument doc, String... header) {
		return doc.getTables()
			.stream()
			.filter(t -> {
				List<String> cells = t.getRow(0).getTableCells().stream().map(c -> c.getText().strip()).toList();
				return cells.containsAll(List.of(header));
			})
			.findFirst()
			.orElseThrow();
	}

	/** A table's rows after the header, each as its cells' text. */
	static List<List<String>> rows(XWPFTable table) {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 1; i < table.getNumberOfRows(); i++) {
			rows.add(table.getRow(i).getTableCells().stream().map(c -> c.getText().strip()).toList());
		}
		return rows;
	}

	long project(String unitCode) {
		long unit = Demo.unit(jdbc, unitCode);
		long chain = Demo.chain(jdbc, "chemical");
		String code = "OBS-" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
		String investor = "观摩测试投资" + code;
		jdbc.sql("INSERT INTO merchant (name, normalized_name) VALUES (:n, :n)").param("n", investor).update();
		long merchant = jdbc.sql("SELECT id FROM merchant WHERE name = :n").param("n", investor).query(Long.class).single();
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment)
				VALUES (:code, :name, :m, :investor, :u, :chain, 'NEW', 'COMMENCED', 'ACTIVE', 1000)""")
			.param("code", code)
			.param("m", merchant)
			.param("investor", investor)
			.param("name", "观摩项目" + code)
			.param("u", unit)
			.param("chain", chain)
			.update();
		long id = jdbc.sql("SELECT id FROM project WHERE code = :c").param("c", code).query(Long.class).single();
		jdbc.sql("""
				INSERT INTO project_credit_share (project_id, unit_id, share_bp, default_share)
				VALUES (:p, :u, 10000, TRUE)""").param("p", id).param("u", unit).update();
		return id;
	}

}
