package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.Cookie;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.merchant.MerchantTestData;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document at {@code /v3/api-docs} is served to any signed-in caller (bearer token or session), parses
 * with no message from the swagger parser, and describes the API as it really answers: a summary and an operation
 * id everywhere, bearer security on all but the token endpoint, problem responses, 201 for creates, Excel as Excel.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiDocumentTests {

	static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** Every POST that creates something and answers 201 (checked against the controllers). */
	static final Set<String> CREATES = Set.of("POST /api/v1/transfers", "POST /api/v1/projects", "POST /api/v1/projects/{id}/stage-moves",
			"POST /api/v1/projects/{id}/progress", "POST /api/v1/clues", "POST /api/v1/clues/{id}/follow-ups",
			"POST /api/v1/clues/{id}/conversion", "POST /api/v1/merchants", "POST /api/v1/talents",
			"POST /api/v1/attachments", "POST /api/v1/dispatch-rounds",
			"POST /api/v1/stalled-projects/interviews", "POST /api/v1/observations",
			"POST /api/v1/year-end/{year}/commendations", "POST /api/v1/year-end/{year}/exemptions",
			"POST /api/v1/rankings", "POST /api/v1/ranking-formulas",
			"POST /api/v1/land-parcels", "POST /api/v1/factories", "POST /api/v1/equity-stakes",
			"POST /api/v1/equity-stakes/{id}/events", "POST /api/v1/financing-needs",
			"POST /api/v1/financing-needs/{id}/offers",
			"POST /api/v1/agreements", "POST /api/v1/consultants",
			"POST /api/v1/chains/{id}/links", "POST /api/v1/chain-links/{linkId}/targets",
			"POST /api/v1/chain-links/{linkId}/local-enterprises", "POST /api/v1/chains/{id}/milestones",
			"POST /api/v1/projects/{id}/approvals", "POST /api/v1/projects/{id}/service-log",
			"POST /api/v1/service-days",
			// public surfaces (issues 12 and 14)
			"POST /api/v1/catalog", "POST /api/v1/public/catalog/{id}/inquiries", "POST /api/v1/appeals",
			"POST /api/v1/public/appeals", "POST /api/v1/appeals/{id}/documents",
			"POST /api/v1/trips", "POST /api/v1/leaders/{personId}/contacts",
			"POST /api/v1/events", "POST /api/v1/trainings", "POST /api/v1/team-logs", "POST /api/v1/joint-teams",
			"POST /api/v1/research-cooperations");

	static final String TOKEN_OPERATION = "POST /api/v1/auth/token";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void a_bearer_token_reads_the_document_and_the_parser_finds_nothing_wrong() throws Exception {
		var response = mvc.perform(bearer(get("/v3/api-docs"), "viewer")).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
		SwaggerParseResult result = parse(response.getContentAsString(StandardCharsets.UTF_8));
		assertThat(result.getMessages()).isEmpty();
		assertThat(result.getOpenAPI()).isNotNull();
	}

	@Test
	void a_browser_session_reads_the_document_and_an_anonymous_caller_gets_a_401_problem() throws Exception {
		var signIn = mvc.perform(post("/login").param("username", "agent").param("password", "Demo@2026").with(csrf()))
			.andReturn()
			.getResponse();
		Cookie session = signIn.getCookie("SESSION");
		assertThat(session).isNotNull();

		var document = mvc.perform(get("/v3/api-docs").cookie(session)).andReturn().getResponse();
		// the Swagger UI page (on the pages' chain) reads its configuration with the same session
		var uiConfig = mvc.perform(get("/v3/api-docs/swagger-config").cookie(session)).andReturn().getResponse();
		var anonymous = mvc.perform(get("/v3/api-docs")).andReturn().getResponse();
		var badToken = mvc.perform(get("/v3/api-docs").header("Authorization", "Bearer not-a-token"))
			.andReturn()
			.getResponse();

		assertThat(document.getStatus()).isEqualTo(200);
		assertThat(document.getContentAsString()).contains("/api/v1/auth/token");
		assertThat(uiConfig.getStatus()).isEqualTo(200);
		for (var refused : List.of(anonymous, badToken)) {
			assertThat(refused.getStatus()).isEqualTo(401);
			assertThat(refused.getContentType()).startsWith(PROBLEM_JSON);
			assertThat(refused.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
		}
	}

	@Test
	void the_document_names_its_api_its_contact_and_its_licence_and_declares_bearer_security() throws Exception {
		OpenAPI api = document();

		assertThat(api.getInfo().getTitle()).isNotBlank();
		assertThat(api.getInfo().getVersion()).isNotBlank();
		assertThat(api.getInfo().getDescription()).contains("Bearer");
		assertThat(api.getInfo().getContact().getName()).isNotBlank();
		assertThat(api.getInfo().getLicense()).isNotNull();
		assertThat(api.getInfo().getLicense().getName()).isNotBlank();
		assertThat(api.getServers()).singleElement().satisfies(server -> assertThat(server.getUrl()).isEqualTo("/"));
		Set<String> tags = new HashSet<>();
		api.getTags().forEach(tag -> {
			assertThat(tag.getDescription()).as(tag.getName()).isNotBlank();
			tags.add(tag.getName());
		});
		operations(api).forEach((name, operation) -> assertThat(tags).as(name).containsAll(operation.getTags()));
		SecurityScheme bearer = api.getComponents().getSecuritySchemes().get("bearer");
		assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
		assertThat(bearer.getScheme()).isEqualTo("bearer");
		assertThat(api.getComponents().getSchemas().get("ProblemDetail").getProperties()).containsKeys("type",
				"title", "status", "detail", "instance", "errors");
		assertThat(api.getComponents().getSchemas().get("FieldError").getProperties()).containsKeys("field",
				"message");
	}

	@Test
	void every_operation_has_a_summary_an_id_security_and_a_problem_response() throws Exception {
		OpenAPI api = document();
		Map<String, Operation> operations = operations(api);

		assertThat(operations).hasSizeGreaterThanOrEqualTo(39).containsKey(TOKEN_OPERATION);
		assertThat(api.getPaths().keySet()).allMatch(path -> path.startsWith("/api/v1/"));
		Set<String> ids = new HashSet<>();
		List<String> wrong = new ArrayList<>();
		operations.forEach((name, operation) -> {
			if (operation.getSummary() == null || operation.getSummary().isBlank()) {
				wrong.add(name + ": no summary");
			}
			if (operation.getOperationId() == null || !ids.add(operation.getOperationId())) {
				wrong.add(name + ": no or a repeated operationId " + operation.getOperationId());
			}
			boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty()
					&& operation.getSecurity().get(0).containsKey("bearer");
			// the token and the public surfaces' anonymous endpoints (ADR 0016) are the only ones without a token
			if (secured == (name.equals(TOKEN_OPERATION) || name.contains(" /api/v1/public/"))) {
				wrong.add(name + ": security " + operation.getSecurity());
			}
			boolean problem = operation.getResponses()
				.entrySet()
				.stream()
				.anyMatch(r -> r.getKey().startsWith("4") && resolve(api, r.getValue()).getContent() != null
						&& resolve(api, r.getValue()).getContent().containsKey(PROBLEM_JSON));
			if (!problem) {
				wrong.add(name + ": no 4xx problem response");
			}
			var parameters = operation.getParameters() == null ? List.<String>of()
					: operation.getParameters().stream().map(p -> p.getIn() + ":" + p.getName()).toList();
			if (new HashSet<>(parameters).size() != parameters.size()) {
				wrong.add(name + ": a parameter twice " + parameters);
			}
			operation.getResponses().forEach((status, response) -> {
				var content = resolve(api, response).getContent();
				if (content != null && content.containsKey("*/*")) {
					wrong.add(name + ": " + status + " */*");
				}
			});
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void creates_declare_201_and_the_rest_a_200_or_204() throws Exception {
		Map<String, Operation> operations = operations(document());

		assertThat(operations.keySet()).containsAll(CREATES);
		operations.forEach((name, operation) -> {
			var statuses = operation.getResponses().keySet().stream().filter(s -> s.startsWith("2")).toList();
			if (CREATES.contains(name)) {
				assertThat(statuses).as(name).containsExactly("201");
			}
			else {
				assertThat(statuses).as(name).hasSize(1).first().isIn("200", "204");
			}
		});
		assertThat(operations.get("POST /api/v1/notifications/{id}/read").getResponses()).containsKey("204");
	}

	@Test
	void the_document_tells_the_truth_about_a_create_a_missing_record_bad_input_and_an_export() throws Exception {
		OpenAPI api = document();
		Map<String, Operation> operations = operations(api);
		String marker = MerchantTestData.marker();
		var body = new LinkedHashMap<String, Object>();
		body.put("name", "濮阳市" + marker + "文档核对有限公司");
		body.put("uscc", MerchantTestData.uscc());
		body.put("enterpriseType", "PRIVATE");

		var created = mvc.perform(bearer(post("/api/v1/merchants"), "hualong").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))).andReturn().getResponse();
		var missing = mvc.perform(bearer(get("/api/v1/merchants/999999999"), "hualong")).andReturn().getResponse();
		var badJson = mvc.perform(bearer(post("/api/v1/projects"), "hualong").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":")).andReturn().getResponse();
		var anonymous = mvc.perform(get("/api/v1/units")).andReturn().getResponse();
		var export = mvc.perform(bearer(get("/api/v1/merchants/export.xlsx"), "hualong")).andReturn().getResponse();

		assertDocumented(api, operations.get("POST /api/v1/merchants"), created, MediaType.APPLICATION_JSON_VALUE);
		assertThat(created.getStatus()).isEqualTo(201);
		assertDocumented(api, operations.get("GET /api/v1/merchants/{id}"), missing, PROBLEM_JSON);
		assertThat(missing.getStatus()).isEqualTo(404);
		assertDocumented(api, operations.get("POST /api/v1/projects"), badJson, PROBLEM_JSON);
		assertThat(badJson.getStatus()).isEqualTo(400);
		assertDocumented(api, operations.get("GET /api/v1/units"), anonymous, PROBLEM_JSON);
		assertThat(anonymous.getStatus()).isEqualTo(401);
		assertDocumented(api, operations.get("GET /api/v1/merchants/export.xlsx"), export, XLSX);
		assertThat(export.getStatus()).isEqualTo(200);
		assertThat(operations.get("POST /api/v1/merchants/import").getRequestBody().getContent())
			.containsKey(MediaType.MULTIPART_FORM_DATA_VALUE);
		// A filter object is its query parameters, not one required "filter" object.
		var listParameters = operations.get("GET /api/v1/projects")
			.getParameters()
			.stream()
			.map(p -> p.getIn() + ":" + p.getName())
			.toList();
		assertThat(listParameters).contains("query:q", "query:stage", "query:unit", "query:page", "query:size")
			.doesNotContain("query:filter");
		// Every import answers the same counts (issue 9): one schema, {created, updated, unchanged} and the
		// deprecated alias imported.
		assertThat(successSchema(operations.get("POST /api/v1/projects/import"))).endsWith("/ImportResult");
		assertThat(successSchema(operations.get("POST /api/v1/clues/import"))).endsWith("/ImportResult");
		assertThat(successSchema(operations.get("POST /api/v1/merchants/import"))).endsWith("/ImportResult");
		assertThat(api.getComponents().getSchemas().get("ImportResult").getProperties())
			.containsKeys("created", "updated", "unchanged", "imported");
	}

	// --- helpers ------------------------------------------------------------------------------------------------

	/** The response's status is documented for the operation, with the media type it really had. */
	private static void assertDocumented(OpenAPI api, Operation operation, MockHttpServletResponse response,
			String mediaType) {
		assertThat(response.getContentType()).startsWith(mediaType);
		ApiResponse documented = operation.getResponses().get(String.valueOf(response.getStatus()));
		assertThat(documented).as("status %s documented", response.getStatus()).isNotNull();
		assertThat(resolve(api, documented).getContent()).containsKey(mediaType);
	}

	private static String successSchema(Operation operation) {
		return operation.getResponses().get("200").getContent().get(MediaType.APPLICATION_JSON_VALUE).getSchema().get$ref();
	}

	private OpenAPI document() throws Exception {
		var response = mvc.perform(bearer(get("/v3/api-docs"), "viewer")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return parse(response.getContentAsString(StandardCharsets.UTF_8)).getOpenAPI();
	}

	private static SwaggerParseResult parse(String document) {
		var options = new ParseOptions();
		options.setResolve(true);
		return new OpenAPIV3Parser().readContents(document, null, options);
	}

	/** "METHOD /path" → operation. */
	private static Map<String, Operation> operations(OpenAPI api) {
		var all = new LinkedHashMap<String, Operation>();
		api.getPaths()
			.forEach((path, item) -> item.readOperationsMap()
				.forEach((PathItem.HttpMethod method, Operation operation) -> all.put(method + " " + path, operation)));
		return all;
	}

	/** A response, or the shared one in components/responses it refers to. */
	private static ApiResponse resolve(OpenAPI api, ApiResponse response) {
		if (response.get$ref() == null) {
			return response;
		}
		String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
		return api.getComponents().getResponses().get(name);
	}

	private MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String username)
			throws Exception {
		return request.header("Authorization", "Bearer " + token(username));
	}

	private String token(String username) throws Exception {
		var result = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("username", username, "password", "Demo@2026")))).andReturn();
		return JsonPath.read(result.getResponse().getContentAsString(), "$.token");
	}
}
