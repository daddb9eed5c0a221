package cn.zhaoshang.merchant.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.merchant.MerchantId;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/talents} with real bearer tokens of the demo accounts, on H2 and PostgreSQL: the list's query,
 * paging and sorting, masking per role, validation (422/400 naming the field), optimistic locking (409), links,
 * the export, and the talent links an enterprise merge moves and moves back.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TalentApiTests {

	static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TalentMerchantLinks merchantLinks;

	@Test
	void the_list_answers_items_total_page_and_size_filtered_sorted_and_paged() throws Exception {
		String body = ok("viewer", get("/api/v1/talents?q=大学&relation=NATIVE&sort=name&dir=desc&page=1&size=3"));
		assertThat((Integer) JsonPath.read(body, "$.size")).isEqualTo(3);
		assertThat((Integer) JsonPath.read(body, "$.page")).isEqualTo(1);
		List<String> names = JsonPath.read(body, "$.items[*].name");
		assertThat(names).hasSize(3);
		List<String> relations = JsonPath.read(body, "$.items[*].relation");
		assertThat(relations).containsOnly("NATIVE");
		int total = JsonPath.read(body, "$.total");
		// every native talent of a university (大学 in the institution) of the demo data, active
		assertThat(total).isEqualTo(jdbc.sql("""
				SELECT COUNT(*) FROM talent WHERE active = TRUE AND relation = 'NATIVE'
				AND (institution LIKE '%大学%' OR name LIKE '%大学%')""").query(Integer.class).single());
		String second = ok("viewer", get("/api/v1/talents?q=大学&relation=NATIVE&sort=name&dir=desc&page=2&size=3"));
		List<String> next = JsonPath.read(second, "$.items[*].name");
		assertThat(next).doesNotContainAnyElementsOf(names);
		assertThat(status("viewer", get("/api/v1/talents?sort=salary"))).isEqualTo(400);
	}

	@Test
	void contacts_are_masked_for_roles_that_do_not_need_them() throws Exception {
		long id = id("陈思远");
		String full = ok("hualong.staff", get("/api/v1/talents/" + id));
		assertThat((String) JsonPath.read(full, "$.phone")).isEqualTo("13911206678");
		assertThat((String) JsonPath.read(full, "$.wechatId")).isEqualTo("csy_h2");
		for (String user : List.of("leader", "viewer")) {
			String masked = ok(user, get("/api/v1/talents/" + id));
			assertThat((String) JsonPath.read(masked, "$.phone")).isEqualTo("139****6678");
			assertThat((String) JsonPath.read(masked, "$.email")).isEqualTo("c***@example.edu.cn");
			assertThat((String) JsonPath.read(masked, "$.wechatId")).isEqualTo("c***2");
			assertThat((Boolean) JsonPath.read(masked, "$.editable")).isFalse();
			String list = ok(user, get("/api/v1/talents?field=氢能"));
			assertThat(list).contains("139****6678").doesNotContain("13911206678");
		}
		assertThat(status("agent", get("/api/v1/talents/" + id))).isEqualTo(403);
	}

	@Test
	void create_validates_links_and_update_needs_the_current_version() throws Exception {
		String m = TalentPagesTests.marker();
		long merchant = jdbc.sql("SELECT id FROM merchant WHERE name = '北京氢沃能源装备有限公司'").query(Long.class).single();
		long project = jdbc.sql("SELECT id FROM project WHERE code = 'PY-2026-00025'").query(Long.class).single();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "方" + m);
		body.put("expertise", "氢能、储能");
		body.put("institution", m + "研究院");
		body.put("workCity", "北京");
		body.put("relation", "NATIVE");
		body.put("level", "省级人才");
		body.put("email", "fang@example.com");
		body.put("enterpriseIds", List.of(merchant));
		body.put("projectIds", List.of(project));
		var created = send("hualong", post("/api/v1/talents"), body);
		assertThat(created.getStatus()).isEqualTo(201);
		String text = created.getContentAsString(StandardCharsets.UTF_8);
		long id = ((Number) JsonPath.read(text, "$.id")).longValue();
		assertThat(created.getHeader("Location")).endsWith("/api/v1/talents/" + id);
		assertThat((List<String>) JsonPath.read(text, "$.fields")).containsExactly("氢能", "储能");
		assertThat((String) JsonPath.read(text, "$.unitName")).isEqualTo("华龙区");
		assertThat((List<String>) JsonPath.read(text, "$.enterprises[*].name")).containsExactly("北京氢沃能源装备有限公司");
		assertThat((List<String>) JsonPath.read(text, "$.projects[*].code")).containsExactly("PY-2026-00025");
		assertThat((List<String>) JsonPath.read(text, "$.projects[*].stage")).hasSize(1);
		assertThat((Integer) JsonPath.read(text, "$.version")).isZero();

		body.put("institution", m + "新研究院");
		body.put("projectIds", List.of());
		body.put("version", 0);
		var updated = send("hualong", put("/api/v1/talents/" + id), body);
		assertThat(updated.getStatus()).isEqualTo(200);
		String after = updated.getContentAsString(StandardCharsets.UTF_8);
		assertThat((Integer) JsonPath.read(after, "$.version")).isEqualTo(1);
		assertThat((List<Object>) JsonPath.read(after, "$.projects")).isEmpty();

		body.put("institution", m + "旧研究院");
		var stale = send("hualong", put("/api/v1/talents/" + id), body);
		assertThat(stale.getStatus()).isEqualTo(409);
		assertThat(stale.getContentType()).contains("application/problem+json");
		assertThat(jdbc.sql("SELECT institution FROM talent WHERE id = :id").param("id", id).query(String.class)
			.single()).isEqualTo(m + "新研究院");

		// the development zone's talent is not Hualong's to change
		long other = id("李慧敏");
		body.put("version", version(other));
		assertThat(send("hualong", put("/api/v1/talents/" + other), body).getStatus()).isEqualTo(403);
		// leaders read but never write, refused before the body is read
		assertThat(send("leader", post("/api/v1/talents"), body).getStatus()).isEqualTo(403);
	}

	@Test
	void invalid_bodies_are_refused_naming_each_field_and_nothing_is_stored() throws Exception {
		String m = TalentPagesTests.marker();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "");
		body.put("expertise", "化工");
		body.put("institution", m + "大学");
		body.put("workCity", "北京");
		body.put("relation", "NATIVE");
		body.put("email", "nobody");
		var response = send("city", post("/api/v1/talents"), body);
		assertThat(response.getStatus()).isEqualTo(400);
		String problem = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat((List<String>) JsonPath.read(problem, "$.errors[*].field")).contains("name", "email");
		assertThat(problem).contains("姓名：不能为空");

		body.put("name", "严" + m);
		body.put("email", null);
		body.put("relation", "OTHER");
		response = send("city", post("/api/v1/talents"), body);
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(response.getContentAsString(StandardCharsets.UTF_8),
				"$.errors[*].field")).containsExactly("relationNote");

		body.put("relation", "NATIVE");
		body.put("projectIds", List.of(987654321));
		response = send("city", post("/api/v1/talents"), body);
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(response.getContentAsString(StandardCharsets.UTF_8),
				"$.errors[*].field")).containsExactly("projectIds");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM talent WHERE institution = :i").param("i", m + "大学")
			.query(Integer.class).single()).isZero();
	}

	@Test
	void the_api_export_is_the_filtered_list_as_xlsx() throws Exception {
		var response = mvc.perform(get("/api/v1/talents/export.xlsx?relation=OTHER")
			.header("Authorization", "Bearer " + token("leader"))).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			assertThat(TalentPagesTests.cells(sheet.getRow(0)).get(0)).isEqualTo("姓名");
			String rows = TalentPagesTests.cells(sheet.getRow(1)) + " " + TalentPagesTests.cells(sheet.getRow(2));
			assertThat(rows).contains("周文博", "徐丽娟", "137****4419").doesNotContain("13760284419");
		}
	}

	@Test
	void merging_enterprises_moves_talent_links_and_undoing_moves_exactly_them_back() {
		long from = jdbc.sql("SELECT id FROM merchant WHERE name = '安徽鸿羽新材料有限公司'").query(Long.class).single();
		long into = jdbc.sql("SELECT id FROM merchant WHERE name = '台前县羽信羽绒制品有限公司'").query(Long.class).single();
		long huang = id("黄志强"); // linked to both
		List<Long> moved = merchantLinks.move(new MerchantId(from), new MerchantId(into));
		// 黄志强 is linked to both, so his link to the merged-away record stays where it is
		assertThat(moved).isEmpty();
		assertThat(merchantLinks.linksOf(new MerchantId(into), null, 10)).extracting(l -> l.id()).contains(huang);

		long chen = id("陈思远");
		long hydrogen = jdbc.sql("SELECT id FROM merchant WHERE name = '北京氢沃能源装备有限公司'").query(Long.class).single();
		List<Long> before = links(hydrogen);
		moved = merchantLinks.move(new MerchantId(hydrogen), new MerchantId(into));
		assertThat(moved).isNotEmpty();
		assertThat(links(hydrogen)).isEmpty();
		assertThat(merchantLinks.linksOf(new MerchantId(into), null, 50)).extracting(l -> l.id()).contains(chen);
		merchantLinks.moveBack(moved, new MerchantId(hydrogen));
		assertThat(links(hydrogen)).containsExactlyElementsOf(before);
		assertThat(merchantLinks.linksOf(new MerchantId(into), null, 50)).extracting(l -> l.id())
			.doesNotContain(chen);
		assertThat(merchantLinks.unitsPursuing(new MerchantId(into))).isEmpty();
	}

	// --- helpers ------------------------------------------------------------------------------------------------

	private MockHttpServletResponse send(String user, MockHttpServletRequestBuilder request, Object body)
			throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + token(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))).andReturn().getResponse();
	}

	private int status(String user, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + token(user))).andReturn().getResponse()
			.getStatus();
	}

	private String ok(String user, MockHttpServletRequestBuilder request) throws Exception {
		var response = mvc.perform(request.header("Authorization", "Bearer " + token(user))).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private String token(String user) throws Exception {
		String cached = TOKENS.get(user);
		if (cached != null) {
			return cached;
		}
		var response = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("username", user, "password", "Demo@2026"))))
			.andReturn()
			.getResponse();
		String token = JsonPath.read(response.getContentAsString(StandardCharsets.UTF_8), "$.token");
		TOKENS.put(user, token);
		return token;
	}

	/** The talents linked to an enterprise, by id. */
	private List<Long> links(long merchant) {
		return jdbc.sql("SELECT talent_id FROM talent_merchant WHERE merchant_id = :m ORDER BY talent_id")
			.param("m", merchant).query(Long.class).list();
	}

	private long id(String name) {
		return jdbc.sql("SELECT id FROM talent WHERE name = :name").param("name", name).query(Long.class).single();
	}

	private int version(long id) {
		return jdbc.sql("SELECT version FROM talent WHERE id = :id").param("id", id).query(Integer.class).single();
	}
}
