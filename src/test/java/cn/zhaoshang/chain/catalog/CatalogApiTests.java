package cn.zhaoshang.chain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.support.ApiTestSupport;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The promotion-project catalog through {@code /api/v1} and the public surface: a unit creates and publishes a
 * project (own unit only), signed-in readers list it published first, the public page shows published projects only
 * and no personal data, an anonymous inquiry becomes a clue in the city pool (source ONLINE, credited to the
 * project's unit), the honeypot refuses robots, a flood of inquiries from one address gets 429, stale versions 409.
 */
@SpringBootTest
class CatalogApiTests extends ApiTestSupport {

	static final AtomicInteger ADDRESS = new AtomicInteger();

	/** Each test its own client address, so that one test's flood does not limit another. */
	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	static String newAddress() {
		return "10.12." + (ADDRESS.incrementAndGet() % 250) + "." + (System.nanoTime() % 250);
	}

	Map<String, Object> details(String name, String unitCode) {
		var m = new LinkedHashMap<String, Object>();
		m.put("name", name);
		m.put("nameEn", name + " EN");
		m.put("description", "项目简介");
		m.put("descriptionEn", "A description");
		m.put("chainId", Demo.chain(jdbc, "chemical"));
		m.put("unitId", Demo.unit(jdbc, unitCode));
		m.put("location", "华龙区");
		m.put("landMu", 50);
		m.put("totalInvestment", 20000);
		m.put("investmentForm", "JOINT_VENTURE");
		m.put("contactUnit", "华龙区商务局");
		return m;
	}

	long create(String user, String name, String unitCode) throws Exception {
		var result = as(user, post("/api/v1/catalog").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(details(name, unitCode))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andReturn();
		return ((Number) JsonPath.read(body(result), "$.id")).longValue();
	}

	long published(String name) throws Exception {
		long id = create("hualong", name, "hualong");
		as("hualong", post("/api/v1/catalog/" + id + "/publish").contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":0}")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));
		return id;
	}

	String inquiry(String company) {
		return "{\"name\":\"John Smith\",\"company\":\"" + company
				+ "\",\"contact\":\"john@example.com\",\"message\":\"We are interested.\"}";
	}

	@Test
	void a_unit_creates_and_publishes_and_readers_see_published_first() throws Exception {
		long id = published(Pages.unique("目录项目"));

		var list = as("viewer", get("/api/v1/catalog").param("size", "200")).andExpect(status().isOk()).andReturn();
		java.util.List<String> statuses = JsonPath.read(body(list), "$.items[*].status");
		assertThat(statuses).contains("PUBLISHED");
		assertThat(statuses.indexOf("DRAFT") < 0 || statuses.lastIndexOf("PUBLISHED") < statuses.indexOf("DRAFT"))
			.as("published first: " + statuses)
			.isTrue();
		java.util.List<Integer> ids = JsonPath.read(body(list), "$.items[*].id");
		assertThat(ids).contains((int) id);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'catalog' AND record_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void a_unit_may_not_create_for_another_unit_and_a_viewer_not_at_all() throws Exception {
		as("hualong", post("/api/v1/catalog").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(details(Pages.unique("越权"), "qingfeng"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("unitId"));
		as("viewer", post("/api/v1/catalog").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(details(Pages.unique("越权"), "hualong"))))
			.andExpect(status().isForbidden());
	}

	@Test
	void a_stale_version_is_a_conflict_and_a_draft_cannot_be_matched() throws Exception {
		long id = create("hualong", Pages.unique("版本"), "hualong");
		as("hualong", post("/api/v1/catalog/" + id + "/match").contentType(MediaType.APPLICATION_JSON)
			.content("{\"clueId\":1,\"version\":0}")).andExpect(status().isUnprocessableContent());
		as("hualong", post("/api/v1/catalog/" + id + "/publish").contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":0}")).andExpect(status().isOk());
		as("hualong", post("/api/v1/catalog/" + id + "/withdraw").contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"撤回\",\"version\":0}")).andExpect(status().isConflict());
	}

	@Test
	void an_anonymous_inquiry_becomes_a_clue_in_the_city_pool_credited_to_the_unit() throws Exception {
		String name = Pages.unique("咨询项目");
		long id = published(name);
		String company = Pages.unique("Acme Ltd");

		mvc.perform(post("/api/v1/public/catalog/" + id + "/inquiries").with(from(newAddress()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(inquiry(company))).andExpect(status().isCreated()).andExpect(jsonPath("$.id").isNumber());

		var clue = jdbc.sql("""
				SELECT source, source_unit_id, owner_unit_id, chain_id, title, description FROM clue
				WHERE enterprise_name = :c""").param("c", company).query().singleRow();
		assertThat(clue.get("source")).isEqualTo("ONLINE");
		assertThat(((Number) clue.get("source_unit_id")).longValue()).isEqualTo(Demo.unit(jdbc, "hualong"));
		assertThat(clue.get("owner_unit_id")).isNull();
		assertThat(((Number) clue.get("chain_id")).longValue()).isEqualTo(Demo.chain(jdbc, "chemical"));
		assertThat((String) clue.get("title")).contains(name);
		assertThat((String) clue.get("description")).contains("john@example.com", "We are interested.");
	}

	@Test
	void a_draft_cannot_be_asked_about_and_a_filled_honeypot_is_refused() throws Exception {
		long draft = create("hualong", Pages.unique("草稿"), "hualong");
		long id = published(Pages.unique("蜜罐"));
		String address = newAddress();
		String company = Pages.unique("Robot");

		mvc.perform(post("/api/v1/public/catalog/" + draft + "/inquiries").with(from(address))
			.contentType(MediaType.APPLICATION_JSON)
			.content(inquiry(company))).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/public/catalog/" + id + "/inquiries").with(from(address))
			.contentType(MediaType.APPLICATION_JSON)
			.content(inquiry(company).replace("}", ",\"website\":\"http://spam.example\"}")))
			.andExpect(status().isUnprocessableContent());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM clue WHERE enterprise_name = :c")
			.param("c", company)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void a_flood_of_inquiries_from_one_address_gets_429_and_another_address_still_gets_through() throws Exception {
		long id = published(Pages.unique("洪水"));
		String flooder = newAddress();
		int created = 0;
		int limited = 0;
		for (int i = 0; i < 15; i++) {
			int status = mvc.perform(post("/api/v1/public/catalog/" + id + "/inquiries").with(from(flooder))
				.contentType(MediaType.APPLICATION_JSON)
				.content(inquiry("Flood " + i))).andReturn().getResponse().getStatus();
			if (status == 201) {
				created++;
			}
			else if (status == 429) {
				limited++;
			}
		}
		assertThat(created).isEqualTo(10);
		assertThat(limited).isEqualTo(5);

		var refused = mvc.perform(post("/api/v1/public/catalog/" + id + "/inquiries").with(from(flooder))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isTooManyRequests()).andReturn();
		assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM catalog_inquiry WHERE catalog_project_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(10);

		// the HTML form shares the form's budget; another address is not affected
		mvc.perform(post("/catalog/" + id + "/inquiry").with(from(flooder))
			.with(csrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("name", "A")
			.param("contact", "1")
			.param("message", "m")).andExpect(status().isTooManyRequests());
		mvc.perform(post("/api/v1/public/catalog/" + id + "/inquiries").with(from(newAddress()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(inquiry("Other"))).andExpect(status().isCreated());
	}

	@Test
	void an_oversized_inquiry_is_refused_with_413() throws Exception {
		long id = published(Pages.unique("超长"));
		mvc.perform(post("/api/v1/public/catalog/" + id + "/inquiries").with(from(newAddress()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(inquiry("x").replace("We are interested.", "x".repeat(20_000))))
			.andExpect(status().isPayloadTooLarge());
	}

	@Test
	void the_public_page_shows_published_projects_only_without_personal_data() throws Exception {
		String name = Pages.unique("公开项目");
		long id = published(name);
		String draftName = Pages.unique("内部草稿");
		long draft = create("hualong", draftName, "hualong");

		String list = mvc.perform(get("/catalog").param("q", name)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).contains(name).doesNotContain(draftName).doesNotContain("/catalog-projects");
		String page = mvc.perform(get("/catalog/" + id)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(name, "华龙区商务局", "name=\"website\"").doesNotContain("hualong");
		mvc.perform(get("/catalog/" + draft)).andExpect(status().isNotFound());
		mvc.perform(get("/catalog-projects/" + id)).andExpect(status().is3xxRedirection());
	}

	@Test
	void the_link_must_exist_and_belong_to_the_chain_and_a_match_must_name_a_real_record() throws Exception {
		long chemicalLink = jdbc.sql("SELECT MIN(id) FROM chain_link WHERE chain_id = ?")
			.param(Demo.chain(jdbc, "chemical"))
			.query(Long.class)
			.single();
		long otherLink = jdbc.sql("SELECT MIN(id) FROM chain_link WHERE chain_id <> ?")
			.param(Demo.chain(jdbc, "chemical"))
			.query(Long.class)
			.single();
		var unknown = details(Pages.unique("环节"), "hualong");
		unknown.put("linkId", 999_999_999L);
		as("hualong", post("/api/v1/catalog").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(unknown)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("linkId"));
		var other = details(Pages.unique("环节"), "hualong");
		other.put("linkId", otherLink);
		as("hualong", post("/api/v1/catalog").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(other)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("linkId"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("产业链")));
		var good = details(Pages.unique("环节"), "hualong");
		good.put("linkId", chemicalLink);
		var created = as("hualong", post("/api/v1/catalog").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(good)))
			.andExpect(status().isCreated())
			.andReturn();
		long id = ((Number) JsonPath.read(body(created), "$.id")).longValue();
		as("hualong", post("/api/v1/catalog/" + id + "/publish").contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":0}")).andExpect(status().isOk());

		as("hualong", post("/api/v1/catalog/" + id + "/match").contentType(MediaType.APPLICATION_JSON)
			.content("{\"projectId\":999999999,\"version\":1}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("matchedProjectId"));
		as("hualong", post("/api/v1/catalog/" + id + "/match").contentType(MediaType.APPLICATION_JSON)
			.content("{\"clueId\":999999999,\"version\":1}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("matchedClueId"));
		assertThat(jdbc.sql("SELECT status FROM catalog_project WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("PUBLISHED");
		long project = jdbc.sql("SELECT MIN(id) FROM project").query(Long.class).single();
		as("hualong", post("/api/v1/catalog/" + id + "/match").contentType(MediaType.APPLICATION_JSON)
			.content("{\"projectId\":" + project + ",\"version\":1}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("MATCHED"))
			.andExpect(jsonPath("$.matchedProjectId").value(project));
	}
}
