package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.zhaoshang.platform.user.AccountUserDetailsService;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.json.JsonMapper;

/**
 * The role × endpoint matrix of DESIGN §5, generated from the controllers: every endpoint must carry
 * {@code @PreAuthorize}, must have a row in {@code authorization-matrix.csv}, and is requested as every role's demo
 * account (anonymous too) to check the row. Pages use the real account loaded from the database as principal; the
 * API gets a real bearer token from {@code /api/v1/auth/token}. Below the matrix: a unit manager's data scope.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

	private static final String MATRIX = "authorization-matrix.csv";
	private static final List<String> ROLES = List.of("ADMIN", "CITY_SUPERVISOR", "UNIT_MANAGER", "UNIT_STAFF",
			"LEADER", "INTERMEDIARY", "VIEWER", "ANONYMOUS");
	/** The demo account that plays each role (V1_2__demo_data.sql). */
	private static final Map<String, String> DEMO_USERS = Map.of("ADMIN", "admin", "CITY_SUPERVISOR", "city",
			"UNIT_MANAGER", "hualong", "UNIT_STAFF", "hualong.staff", "LEADER", "leader", "INTERMEDIARY", "agent",
			"VIEWER", "viewer");
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(unit|person|user):([^}]+)}");
	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	private final Map<String, String> tokens = new HashMap<>();

	// --- the matrix ---------------------------------------------------------------------------------------------

	@Test
	void every_endpoint_carries_an_authorisation_rule() {
		List<String> unguarded = ownEndpoints().entrySet()
			.stream()
			.filter(e -> !AnnotatedElementUtils.hasAnnotation(e.getValue().getMethod(), PreAuthorize.class)
					&& !AnnotatedElementUtils.hasAnnotation(e.getValue().getBeanType(), PreAuthorize.class))
			.map(e -> e.getKey() + " (" + e.getValue().getShortLogMessage() + ")")
			.toList();

		assertThat(ownEndpoints()).as("controller endpoints found").hasSizeGreaterThan(20);
		assertThat(unguarded).as("endpoints without @PreAuthorize on the method or its class").isEmpty();
	}

	@Test
	void the_matrix_has_exactly_one_row_per_endpoint() throws IOException {
		Set<String> endpoints = new TreeSet<>(ownEndpoints().keySet());
		List<String> rowKeys = rows().stream().map(Row::key).toList();
		Set<String> rows = new TreeSet<>(rowKeys);

		Set<String> withoutRow = new TreeSet<>(endpoints);
		withoutRow.removeAll(rows);
		Set<String> stale = new TreeSet<>(rows);
		stale.removeAll(endpoints);

		assertThat(withoutRow).as("endpoints without a row in " + MATRIX).isEmpty();
		assertThat(stale).as("rows in " + MATRIX + " that match no endpoint").isEmpty();
		assertThat(rowKeys).as("duplicate rows").doesNotHaveDuplicates();
	}

	@TestFactory
	Stream<DynamicContainer> every_role_gets_exactly_what_the_matrix_says() throws IOException {
		return rows().stream()
			.map(row -> DynamicContainer.dynamicContainer(row.key(),
					ROLES.stream()
						.map(role -> DynamicTest.dynamicTest(role + " " + row.access().get(role),
								() -> check(row, role)))));
	}

	private void check(Row row, String role) throws Exception {
		String url = resolve(row.sample().isEmpty() ? row.path() : row.sample());
		MockHttpServletResponse response = mvc.perform(requestAs(row, url, role)).andReturn().getResponse();
		int status = response.getStatus();
		String redirect = response.getRedirectedUrl();
		boolean toSignIn = status / 100 == 3 && redirect != null && redirect.matches("(.*://[^/]+)?/login");
		String what = row.method() + " " + url + " as " + role + " → " + status
				+ (redirect == null ? "" : " " + redirect);

		if (row.access().get(role)) {
			// allowed means handled: neither refused nor failed (a 500 is a bug, not an authorisation)
			assertThat(status).as(what).isNotIn(401, 403).isLessThan(500);
			assertThat(toSignIn).as(what + " (redirected to sign-in)").isFalse();
		}
		else if (!role.equals("ANONYMOUS")) {
			assertThat(status).as(what).isEqualTo(403);
		}
		else if (row.path().startsWith("/api/")) {
			assertThat(status).as(what).isEqualTo(401);
		}
		else {
			assertThat(toSignIn).as(what + " should redirect to the sign-in page").isTrue();
		}
	}

	private AbstractMockHttpServletRequestBuilder<?> requestAs(Row row, String url, String role) throws Exception {
		AbstractMockHttpServletRequestBuilder<?> request = request(HttpMethod.valueOf(row.method()), url);
		if (row.params().equals("multipart")) {
			// Upload endpoints accept only multipart bodies; an empty file is refused by the handler, not the rules.
			request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(url)
				.file(new org.springframework.mock.web.MockMultipartFile("file", "empty.pdf", "application/pdf",
						new byte[0]));
		}
		else if (row.params().startsWith("{")) {
			request.contentType(MediaType.APPLICATION_JSON).content(row.params());
		}
		else if (!row.params().isEmpty()) {
			for (String pair : row.params().split("&")) {
				String[] kv = pair.split("=", 2);
				request.param(kv[0], kv.length > 1 ? kv[1] : "");
			}
		}
		if (!row.method().equals("GET")) {
			request.with(csrf());
		}
		if (role.equals("ANONYMOUS")) {
			return request;
		}
		String username = DEMO_USERS.get(role);
		if (row.path().startsWith("/api/")) {
			return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token(username));
		}
		return request.with(user(accounts.loadUserByUsername(username)));
	}

	// --- a unit manager's data scope ----------------------------------------------------------------------------

	@Test
	void a_unit_manager_creates_edits_and_deactivates_people_of_the_own_unit() throws Exception {
		String name = "华龙" + SEQUENCE.incrementAndGet();
		var created = mvc.perform(post("/org/people/new").with(as("hualong"))
			.with(csrf())
			.param("unitId", String.valueOf(unitId("hualong")))
			.param("name", name)
			.param("kind", "STAFF")).andReturn().getResponse();
		assertThat(created.getStatus()).isEqualTo(302);
		long id = personId(name);
		assertThat(created.getRedirectedUrl()).isEqualTo("/org/people/" + id);

		assertThat(mvc.perform(get("/org/people/" + id + "/edit").with(as("hualong"))).andReturn().getResponse()
			.getStatus()).isEqualTo(200);
		var edited = mvc.perform(post("/org/people/" + id + "/edit").with(as("hualong"))
			.with(csrf())
			.param("unitId", String.valueOf(unitId("hualong")))
			.param("name", name)
			.param("kind", "STAFF")
			.param("title", "招商专员")
			.param("version", String.valueOf(personVersion(id)))).andReturn().getResponse();
		assertThat(edited.getRedirectedUrl()).isEqualTo("/org/people/" + id);
		assertThat(personTitle(id)).isEqualTo("招商专员");

		var deactivated = mvc.perform(post("/org/people/" + id + "/deactivate").with(as("hualong"))
			.with(csrf())
			.param("version", String.valueOf(personVersion(id)))).andReturn().getResponse();
		assertThat(deactivated.getRedirectedUrl()).isEqualTo("/org/people/" + id);
		assertThat(personActive(id)).isFalse();
	}

	@Test
	void a_unit_manager_may_not_open_the_edit_form_of_another_units_person() throws Exception {
		var response = mvc.perform(get("/org/people/" + personId("孙丽") + "/edit").with(as("hualong")))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentAsString()).contains("您没有执行此操作的权限。").doesNotContain("0393-7220001");
	}

	@Test
	void a_unit_manager_may_not_edit_another_units_person() throws Exception {
		long id = personId("孙丽");
		int version = personVersion(id);

		var response = mvc.perform(post("/org/people/" + id + "/edit").with(as("hualong"))
			.with(csrf())
			.param("unitId", String.valueOf(unitId("qingfeng")))
			.param("name", "孙丽")
			.param("kind", "LEADER")
			.param("title", "被改了")
			.param("version", String.valueOf(version))).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(personTitle(id)).isEqualTo("清丰县副县长");
		assertThat(personVersion(id)).isEqualTo(version);
	}

	@Test
	void a_unit_manager_may_not_deactivate_another_units_person() throws Exception {
		long id = personId("陈静");

		var response = mvc.perform(post("/org/people/" + id + "/deactivate").with(as("hualong"))
			.with(csrf())
			.param("version", String.valueOf(personVersion(id)))).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(personActive(id)).isTrue();
	}

	@Test
	void a_unit_manager_may_not_create_a_person_in_another_unit() throws Exception {
		String name = "越权" + SEQUENCE.incrementAndGet();

		var response = mvc.perform(post("/org/people/new").with(as("hualong"))
			.with(csrf())
			.param("unitId", String.valueOf(unitId("qingfeng")))
			.param("name", name)
			.param("kind", "STAFF")).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM person WHERE name = :n").param("n", name).query(Long.class).single())
			.isZero();
	}

	@Test
	void a_unit_manager_may_not_move_an_own_person_into_another_unit() throws Exception {
		long id = personId("刘洋");
		long hualong = unitId("hualong");

		var response = mvc.perform(post("/org/people/" + id + "/edit").with(as("hualong"))
			.with(csrf())
			.param("unitId", String.valueOf(unitId("qingfeng")))
			.param("name", "刘洋")
			.param("kind", "STAFF")
			.param("version", String.valueOf(personVersion(id)))).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT unit_id FROM person WHERE id = :id").param("id", id).query(Long.class).single())
			.isEqualTo(hualong);
	}

	@Test
	void a_person_page_offers_editing_only_to_those_who_may_edit_that_person() throws Exception {
		long own = personId("王强");
		long other = personId("孙丽");

		assertThat(personPage("admin", other)).as("admin").contains(editLink(other));
		assertThat(personPage("hualong", own)).as("manager, own unit").contains(editLink(own));
		assertThat(personPage("hualong", other)).as("manager, other unit").doesNotContain(editLink(other));
		assertThat(personPage("hualong.staff", own)).as("staff, own unit").doesNotContain(editLink(own));
		assertThat(personPage("city", own)).as("city supervisor").doesNotContain(editLink(own));
	}

	@Test
	void the_people_list_offers_creating_only_to_those_who_may_create() throws Exception {
		assertThat(peopleList("admin")).contains("id=\"new-person\"");
		assertThat(peopleList("hualong")).contains("id=\"new-person\"");
		assertThat(peopleList("hualong.staff")).doesNotContain("id=\"new-person\"");
		assertThat(peopleList("city")).doesNotContain("id=\"new-person\"");
		assertThat(peopleList("viewer")).doesNotContain("id=\"new-person\"");
	}

	private String personPage(String username, long id) throws Exception {
		var response = mvc.perform(get("/org/people/" + id).with(as(username))).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	private String peopleList(String username) throws Exception {
		var response = mvc.perform(get("/org/people").with(as(username))).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	private static String editLink(long id) {
		return "href=\"/org/people/" + id + "/edit\"";
	}

	// --- helpers ------------------------------------------------------------------------------------------------

	/** The endpoints of our own controllers, as "METHOD /path/{pattern}" → handler. */
	private Map<String, HandlerMethod> ownEndpoints() {
		Map<String, HandlerMethod> endpoints = new LinkedHashMap<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : handlerMapping.getHandlerMethods().entrySet()) {
			if (!e.getValue().getBeanType().getName().startsWith("cn.zhaoshang.")) {
				continue;
			}
			Set<String> methods = new LinkedHashSet<>();
			e.getKey().getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
			if (methods.isEmpty()) {
				methods.add("ANY");
			}
			for (String pattern : e.getKey().getPatternValues()) {
				for (String method : methods) {
					endpoints.put(method + " " + pattern, e.getValue());
				}
			}
		}
		return endpoints;
	}

	/** One row of the matrix: access per role (true = allow). */
	record Row(String method, String path, Map<String, Boolean> access, String sample, String params) {

		String key() {
			return method + " " + path;
		}
	}

	private static List<Row> rows() throws IOException {
		List<String> lines;
		try (InputStream in = new ClassPathResource(MATRIX).getInputStream()) {
			lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter(l -> !l.isEmpty() && !l.startsWith("#"))
				.toList();
		}
		List<String> header = List.of(lines.get(0).split(",", -1));
		assertThat(header.subList(0, 2)).containsExactly("method", "path");
		assertThat(header.subList(2, 2 + ROLES.size())).as("role columns").containsExactlyElementsOf(ROLES);
		List<Row> rows = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",", -1);
			assertThat(cells).as(line).hasSize(header.size());
			Map<String, Boolean> access = new LinkedHashMap<>();
			for (int i = 0; i < ROLES.size(); i++) {
				String value = cells[2 + i].strip();
				assertThat(value).as(line).isIn("allow", "deny");
				access.put(ROLES.get(i), value.equals("allow"));
			}
			rows.add(new Row(cells[0].strip(), cells[1].strip(), access, cells[header.indexOf("sample")].strip(),
					cells[header.indexOf("params")].strip()));
		}
		return rows;
	}

	/** Replaces {unit:code}, {person:name} and {user:username} by the record's id. */
	private String resolve(String sample) {
		Matcher m = PLACEHOLDER.matcher(sample);
		StringBuilder sb = new StringBuilder();
		while (m.find()) {
			long id = switch (m.group(1)) {
				case "unit" -> unitId(m.group(2));
				case "person" -> personId(m.group(2));
				default -> jdbc.sql("SELECT id FROM app_user WHERE username = :u")
					.param("u", m.group(2))
					.query(Long.class)
					.single();
			};
			m.appendReplacement(sb, String.valueOf(id));
		}
		m.appendTail(sb);
		assertThat(sb.toString()).as("sample URL still has a path variable").doesNotContain("{");
		return sb.toString();
	}

	private String token(String username) throws Exception {
		String token = tokens.get(username);
		if (token == null) {
			var response = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + username + "\",\"password\":\"Demo@2026\"}")).andReturn().getResponse();
			assertThat(response.getStatus()).as("token for " + username).isEqualTo(200);
			token = json.readTree(response.getContentAsString()).path("token").asString();
			tokens.put(username, token);
		}
		return token;
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor as(String username) {
		return user(accounts.loadUserByUsername(username));
	}

	private long unitId(String code) {
		return jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", code).query(Long.class).single();
	}

	private long personId(String name) {
		return jdbc.sql("SELECT id FROM person WHERE name = :n").param("n", name).query(Long.class).single();
	}

	private int personVersion(long id) {
		return jdbc.sql("SELECT version FROM person WHERE id = :id").param("id", id).query(Integer.class).single();
	}

	private String personTitle(long id) {
		return jdbc.sql("SELECT title FROM person WHERE id = :id").param("id", id).query(String.class).single();
	}

	private boolean personActive(long id) {
		return jdbc.sql("SELECT active FROM person WHERE id = :id").param("id", id).query(Boolean.class).single();
	}
}
