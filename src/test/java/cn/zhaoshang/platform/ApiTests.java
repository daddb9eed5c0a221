package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;

import cn.zhaoshang.platform.user.AccountUserDetailsService;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API as an integration sees it: bearer tokens, problem documents in the caller's language, role checks,
 * and the actuator and OpenAPI endpoints. Accounts that tests lock or whose tokens they expire are their own.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiTests {

	private static final String PASSWORD = "Demo@2026";
	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	AccountUserDetailsService accounts;

	// --- tokens -------------------------------------------------------------------------------------------------

	@Test
	void a_user_name_and_password_buy_a_bearer_token_with_its_expiry() throws Exception {
		var response = tokenRequest("{\"username\":\"city\",\"password\":\"" + PASSWORD + "\"}");

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
		JsonNode body = json.readTree(response.getContentAsString());
		assertThat(body.path("token").asString()).hasSizeGreaterThanOrEqualTo(40);
		Instant expiresAt = Instant.parse(body.path("expiresAt").asString());
		assertThat(expiresAt).isAfter(Instant.now())
			.isCloseTo(Instant.now().plus(8, ChronoUnit.HOURS), within(5, ChronoUnit.MINUTES));
	}

	@Test
	void only_the_sha256_of_a_token_is_stored() throws Exception {
		String token = token("leader");

		assertThat(count("SELECT COUNT(*) FROM api_token WHERE token_hash = :v", token)).isZero();
		assertThat(count("SELECT COUNT(*) FROM api_token WHERE token_hash = :v", sha256(token))).isEqualTo(1);
		assertThat(jdbc.sql("SELECT token_hash FROM api_token").query(String.class).list())
			.allSatisfy(hash -> assertThat(hash).matches("[0-9a-f]{64}").isNotEqualTo(token));
	}

	@Test
	void the_token_lists_the_demo_units_with_camel_case_field_names() throws Exception {
		var response = mvc.perform(bearer(get("/api/v1/units"), token("city"))).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		JsonNode units = json.readTree(response.getContentAsString());
		assertThat(units.isArray()).isTrue();
		assertThat(units.size()).isEqualTo(23);
		List<String> names = new ArrayList<>();
		units.forEach(u -> names.add(u.path("name").asString()));
		assertThat(names).contains("华龙区", "清丰县", "濮阳经济技术开发区", "长三角驻地招商组");
		JsonNode hualong = find(units, "华龙区");
		assertThat(hualong.has("shortName")).isTrue();
		assertThat(hualong.has("parentId")).isTrue();
		assertThat(hualong.path("type").asString()).isEqualTo("COUNTY");
		assertThat(response.getContentAsString()).doesNotContain("short_name").doesNotContain("parent_id");
	}

	@Test
	void one_unit_is_read_by_its_id() throws Exception {
		long id = jdbc.sql("SELECT id FROM unit WHERE code = 'qingfeng'").query(Long.class).single();

		var response = mvc.perform(bearer(get("/api/v1/units/" + id), token("viewer"))).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(json.readTree(response.getContentAsString()).path("name").asString()).isEqualTo("清丰县");
	}

	@Test
	void an_unknown_unit_is_a_404_problem() throws Exception {
		var response = mvc.perform(bearer(get("/api/v1/units/999999"), token("viewer"))).andReturn().getResponse();

		assertProblem(response, 404);
	}

	// --- refusals -----------------------------------------------------------------------------------------------

	@Test
	void bad_credentials_are_a_401_problem_in_chinese() throws Exception {
		var response = tokenRequest(credentials(newUser("VIEWER"), "Wrong@2026"));

		JsonNode problem = assertProblem(response, 401);
		assertThat(problem.path("detail").asString()).isEqualTo("用户名或密码错误。");
		assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
	}

	@Test
	void bad_credentials_are_explained_in_english_on_request() throws Exception {
		var response = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.content(credentials(newUser("VIEWER"), "Wrong@2026"))).andReturn().getResponse();

		JsonNode problem = assertProblem(response, 401);
		assertThat(problem.path("detail").asString()).isEqualTo("Wrong user name or password.");
	}

	@Test
	void a_locked_account_gets_no_token_and_is_told_so() throws Exception {
		String username = newUser("UNIT_STAFF");
		for (int i = 1; i <= 5; i++) {
			assertThat(tokenRequest(credentials(username, "Wrong@2026")).getStatus()).isEqualTo(401);
		}

		var response = tokenRequest(credentials(username, PASSWORD));

		JsonNode problem = assertProblem(response, 401);
		assertThat(problem.path("detail").asString()).contains("账号已锁定 15 分钟");
		assertThat(count("SELECT COUNT(*) FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE u.username = :v",
				username)).isZero();
	}

	@Test
	void a_token_of_an_account_locked_later_stops_working() throws Exception {
		String username = newUser("UNIT_STAFF");
		String token = token(username);
		jdbc.sql("UPDATE app_user SET locked_until = :until WHERE username = :u")
			.param("until", OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(15))
			.param("u", username)
			.update();

		assertProblem(mvc.perform(bearer(get("/api/v1/units"), token)).andReturn().getResponse(), 401);
	}

	@Test
	void a_token_of_an_account_deactivated_later_stops_working() throws Exception {
		String username = newUser("UNIT_STAFF");
		String token = token(username);
		jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE username = :u").param("u", username).update();

		assertProblem(mvc.perform(bearer(get("/api/v1/units"), token)).andReturn().getResponse(), 401);
	}

	@Test
	void missing_credentials_are_a_400_problem_naming_the_field() throws Exception {
		var response = tokenRequest("{\"username\":\"city\"}");

		JsonNode problem = assertProblem(response, 400);
		assertThat(problem.path("detail").asString()).isEqualTo("提交的数据未通过校验。");
		JsonNode errors = problem.path("errors");
		assertThat(errors.isArray()).isTrue();
		assertThat(errors.size()).isEqualTo(1);
		assertThat(errors.get(0).path("field").asString()).isEqualTo("password");
		assertThat(errors.get(0).path("message").asString()).isEqualTo("密码：不能为空");
	}

	@Test
	void malformed_json_is_a_400_problem() throws Exception {
		var response = tokenRequest("{\"username\": \"city\", ");

		JsonNode problem = assertProblem(response, 400);
		assertThat(problem.path("detail").asString()).contains("JSON");
		assertThat(response.getContentAsString()).doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void no_token_is_a_401_problem() throws Exception {
		var response = mvc.perform(get("/api/v1/units")).andReturn().getResponse();

		JsonNode problem = assertProblem(response, 401);
		assertThat(problem.path("detail").asString()).contains("Authorization: Bearer");
		assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
	}

	@Test
	void no_token_on_an_unknown_api_path_is_401_too() throws Exception {
		assertProblem(mvc.perform(get("/api/v1/nothing-here")).andReturn().getResponse(), 401);
	}

	@Test
	void an_invalid_token_is_a_401_problem() throws Exception {
		var response = mvc.perform(bearer(get("/api/v1/units"), "not-a-token")).andReturn().getResponse();

		assertProblem(response, 401);
	}

	@Test
	void an_expired_token_is_a_401_problem() throws Exception {
		String token = token("viewer");
		assertThat(mvc.perform(bearer(get("/api/v1/units"), token)).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		jdbc.sql("UPDATE api_token SET expires_at = :past WHERE token_hash = :h")
			.param("past", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1))
			.param("h", sha256(token))
			.update();

		assertProblem(mvc.perform(bearer(get("/api/v1/units"), token)).andReturn().getResponse(), 401);
	}

	@Test
	void a_signed_in_browser_session_does_not_open_the_api() throws Exception {
		var signIn = mvc.perform(post("/login").param("username", "city").param("password", PASSWORD).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(signIn.getRedirectedUrl()).isEqualTo("/");
		Cookie session = signIn.getCookie("SESSION");
		assertThat(session).isNotNull();
		assertThat(mvc.perform(get("/").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);

		var response = mvc.perform(get("/api/v1/units").cookie(session)).andReturn().getResponse();

		assertProblem(response, 401);
	}

	@Test
	void a_malformed_path_variable_is_a_400_problem() throws Exception {
		var response = mvc.perform(bearer(get("/api/v1/units/abc"), token("viewer"))).andReturn().getResponse();

		assertProblem(response, 400);
	}

	@Test
	void a_body_that_is_not_json_is_a_415_problem() throws Exception {
		var response = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.TEXT_PLAIN).content("city"))
			.andReturn()
			.getResponse();

		assertProblem(response, 415);
	}

	@Test
	void an_intermediary_is_refused_the_unit_list_with_a_403_problem() throws Exception {
		var response = mvc.perform(bearer(get("/api/v1/units"), token("agent"))).andReturn().getResponse();

		JsonNode problem = assertProblem(response, 403);
		assertThat(problem.path("detail").asString()).isEqualTo("您没有执行此操作的权限。");
	}

	@Test
	void refusals_to_a_signed_in_caller_follow_the_language_saved_for_the_account() throws Exception {
		String username = newUser("INTERMEDIARY");
		jdbc.sql("UPDATE app_user SET locale = 'en' WHERE username = :u").param("u", username).update();

		var response = mvc.perform(bearer(get("/api/v1/units"), token(username))).andReturn().getResponse();

		JsonNode problem = assertProblem(response, 403);
		assertThat(problem.path("detail").asString()).isEqualTo("You are not allowed to do this.");
	}

	// --- operations ---------------------------------------------------------------------------------------------

	@Test
	void health_is_up_with_its_database_for_an_administrator() throws Exception {
		var response = mvc.perform(bearer(get("/actuator/health"), token("admin"))).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		JsonNode health = json.readTree(response.getContentAsString());
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void health_is_refused_to_other_roles() throws Exception {
		var response = mvc.perform(bearer(get("/actuator/health"), token("city"))).andReturn().getResponse();

		assertProblem(response, 403);
	}

	@Test
	void health_without_token_is_401() throws Exception {
		assertProblem(mvc.perform(get("/actuator/health")).andReturn().getResponse(), 401);
	}

	@Test
	void prometheus_metrics_are_served_to_an_administrator() throws Exception {
		var response = mvc.perform(bearer(get("/actuator/prometheus"), token("admin"))).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("text/plain");
		assertThat(response.getContentAsString()).contains("jvm_");
	}

	@Test
	void prometheus_metrics_are_refused_without_token() throws Exception {
		assertProblem(mvc.perform(get("/actuator/prometheus")).andReturn().getResponse(), 401);
	}

	@Test
	void the_openapi_document_describes_the_token_endpoint_to_a_signed_in_user() throws Exception {
		var response = mvc.perform(get("/v3/api-docs").with(user(accounts.loadUserByUsername("viewer"))))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("/api/v1/auth/token").contains("/api/v1/units");
	}

	@Test
	void the_openapi_document_is_not_public() throws Exception {
		assertProblem(mvc.perform(get("/v3/api-docs")).andReturn().getResponse(), 401);
	}

	// --- helpers ------------------------------------------------------------------------------------------------

	private MockHttpServletResponse tokenRequest(String body) throws Exception {
		return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content(body))
			.andReturn()
			.getResponse();
	}

	private String token(String username) throws Exception {
		var response = tokenRequest(credentials(username, PASSWORD));
		assertThat(response.getStatus()).as("token for %s", username).isEqualTo(200);
		return json.readTree(response.getContentAsString()).path("token").asString();
	}

	private static String credentials(String username, String password) {
		return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
	}

	private static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String token) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
	}

	/** Asserts an RFC 9457 problem document with the status; returns it. */
	private JsonNode assertProblem(MockHttpServletResponse response, int status) throws Exception {
		assertThat(response.getStatus()).isEqualTo(status);
		assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode problem = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).isNotBlank();
		return problem;
	}

	private static JsonNode find(JsonNode units, String name) {
		for (JsonNode u : units) {
			if (name.equals(u.path("name").asString())) {
				return u;
			}
		}
		throw new AssertionError("no unit " + name);
	}

	private String newUser(String role) {
		String username = "api-" + role.toLowerCase() + "-" + SEQUENCE.incrementAndGet();
		jdbc.sql("""
				INSERT INTO app_user (username, password_hash, display_name, role, unit_id, locale)
				SELECT :u, password_hash, :u, :role, (SELECT id FROM unit WHERE code = 'hualong'), 'zh-CN'
				FROM app_user WHERE username = 'admin'""")
			.param("u", username)
			.param("role", role)
			.update();
		return username;
	}

	private long count(String sql, String value) {
		return jdbc.sql(sql).param("v", value).query(Long.class).single();
	}

	private static String sha256(String token) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
	}
}
