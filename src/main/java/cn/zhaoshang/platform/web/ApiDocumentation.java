package cn.zhaoshang.platform.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhaoshang.platform.Security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * What every operation of the OpenAPI document ({@code /v3/api-docs}) shares, decided here once instead of on each
 * controller: the bearer security (from the handler's {@code @PreAuthorize}: every operation but the public ones),
 * the problem responses as they really occur (401 for every secured call, 403 where a role or scope can refuse, 404
 * for a path id, 400 for a body or parameters, 409 for a versioned edit, 422 for a rule-checked write, 413 for an
 * upload; all {@code application/problem+json}), and JSON or Excel as the success media type instead of springdoc's
 * {@code * / *}. Controllers say only what differs per operation: the summary and operation id, a 201 or 204, an
 * extra 409 or 415.
 */
@Configuration(proxyBeanMethods = false)
@SuppressWarnings("rawtypes") // swagger's Components holds Map<String, Schema>
class ApiDocumentation {

	static final String BEARER = "bearer";
	static final String PROBLEM = "ProblemDetail";
	static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
	static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
	static final String XLSX = Downloads.XLSX;

	/** The controllers' tags, in the order the Swagger UI lists them, with what they hold. */
	static final Map<String, String> TAGS = tags();

	private static Map<String, String> tags() {
		var m = new LinkedHashMap<String, String>();
		m.put("Sign-in", "A bearer token for a user name and password.");
		m.put("Projects", "The project ledger: projects, stage moves and reviews, progress, Excel export and import.");
		m.put("Attachments", "Evidence, photos and documents of projects.");
		m.put("Clues", "The clue database: clues, follow-ups, assignment, conversion into projects, Excel import.");
		m.put("Merchants", "The merchant (enterprise) database, with duplicate checks, Excel export and import.");
		m.put("Talents", "The talent directory and its Excel export.");
		m.put("Units", "Reference data: the units (city bureau, counties and districts, zones, teams, intermediaries).");
		m.put("Chains", "Reference data: the industry chains.");
		m.put("Notifications", "The caller's own notices.");
		m.put("Stalled projects", "Projects without obvious progress over dispatch rounds, and the interview list.");
		m.put("Dispatch rounds", "Dispatch rounds: units' reports per project, problems and decisions, closing.");
		m.put("Supervision", "Supervision: annual targets per unit and their Excel import, and the figures per unit through credit shares (notifications and rankings build on them).");
		m.put("Half-year observation", "Half-year observation events: judges' score sheets, averaged and ranked results, the results notice (.docx).");
		m.put("Year-end summary", "The year-end summary: figures against targets, rankings, observation results, commendations and fault-tolerance exemptions (.docx).");
		m.put("Catalog", "The promotion-project catalog: prepared projects seeking investors, publishing, matching.");
		m.put("Public", "Anonymous endpoints of the public surfaces: catalog inquiries, enterprise appeals and their tracking (rate-limited).");
		m.put("Appeals", "Enterprise appeals and the mayor hotline: filing, assignment, time limits, answers, satisfaction, reopening.");
		m.put("Dashboard", "The home dashboard: the reader's figures by stage, chain, month and unit, each with the link to its rows.");
		m.put("Equity and financing", "County equity stakes in projects with their exit events and returns, projects' financing needs with the banks' offers, totals per unit.");
		m.put("Land and factories", "Net land parcels and standard factories per unit, their matching to a project's needs, reservation, the available stock and land waits for projects.");
		m.put("Partners", "Entrusted promotion: agreements with intermediaries and their reward rules, the rewards due (approval and payment), introducer credit, consultants.");
		m.put("Positioning", "County positioning: each unit's primary and secondary leading chains and its capacity (net land, standard factory floor).");
		m.put("Allocation", "Allocation: receiving units recommended for projects outside positioning, transfers, benefit-sharing agreements and the benefit ledger.");
		m.put("Materials and approvals", "A project's materials checklist with acceptance on commitment, the approvals handled by the agency, median days per approval kind.");
		m.put("Project evaluation", "The project evaluation before acceptance against the unit's thresholds (pass / conditional / fail with reasons).");
		m.put("People", "Reference data: the leaders and staff of units with their positions (issue 13).");
		m.put("Trips", "Outbound promotion trips, their approval by the unit manager and the monthly compliance table (approved trips only).");
		m.put("Leaders", "The leaders' three projects (negotiating, signed, commenced).");
		m.put("Events", "Promotion events (expos, fairs, signing ceremonies, cloud promotion …) with the clues and projects they produced, contracted totals and the ranking.");
		m.put("Teams", "Resident teams' work logs and clue-to-project conversion; joint government-enterprise teams and their targets.");
		m.put("Training", "Training sessions with attendees and materials; hours per person and year, and the report per unit.");
		m.put("Research cooperation", "Cooperation records with universities and research institutes and the talents involved.");
		return m;
	}

	/** The shared problem responses, by status: the name in components/responses and its description. */
	static final Map<String, String[]> PROBLEMS = problems();

	private static Map<String, String[]> problems() {
		var m = new LinkedHashMap<String, String[]>();
		m.put("400", new String[] { "BadRequest",
				"Malformed JSON, a value of the wrong type or an unknown enum name, a missing or invalid parameter; "
						+ "`errors` names each field." });
		m.put("401", new String[] { "Unauthorized",
				"No bearer token, or an unknown, expired or revoked one (`WWW-Authenticate: Bearer`)." });
		m.put("403", new String[] { "Forbidden", "The caller's role or unit scope does not allow this." });
		m.put("404", new String[] { "NotFound", "No such record, or not visible to the caller." });
		m.put("409", new String[] { "Conflict",
				"The record changed since it was read (stale `version`) or is in a state that refuses this; nothing "
						+ "changed." });
		m.put("413", new String[] { "ContentTooLarge", "The upload is over the size limit." });
		m.put("429", new String[] { "TooManyRequests",
				"A public form called too often from the caller's address within the hour (ADR 0016); try later." });
		m.put("422", new String[] { "UnprocessableContent",
				"The input breaks a rule (required field, length, range, stage gate, workbook cell); `errors` lists "
						+ "each one with `field` (or `row` and `column` for a workbook); nothing is saved." });
		return m;
	}

	@Bean
	OpenAPI apiDocument(
			@Value("${zhaoshang.api.contact-name:Puyang Municipal Bureau of Commerce}") String contactName,
			@Value("${zhaoshang.api.contact-email:}") String contactEmail,
			@Value("${zhaoshang.mail.base-url:}") String baseUrl,
			@Value("${zhaoshang.api.licence-name:Proprietary}") String licenceName,
			@Value("${zhaoshang.api.licence-identifier:LicenseRef-Proprietary}") String licenceIdentifier,
			@Value("${zhaoshang.api.licence-url:}") String licenceUrl) {
		var contact = new Contact().name(contactName);
		if (!contactEmail.isBlank()) {
			contact.email(contactEmail);
		}
		if (!baseUrl.isBlank()) {
			contact.url(baseUrl);
		}
		var licence = new License().name(licenceName);
		// OpenAPI 3.1: an SPDX identifier or a URL, not both.
		if (!licenceUrl.isBlank()) {
			licence.url(licenceUrl);
		}
		else {
			licence.identifier(licenceIdentifier);
		}
		var components = new Components()
			.addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("A token from `POST /api/v1/auth/token`, sent as `Authorization: Bearer <token>`."))
			.addSchemas(PROBLEM, problemSchema())
			.addSchemas("FieldError", fieldErrorSchema());
		PROBLEMS.forEach((status, names) -> components.addResponses(names[0], problemResponse(names[1], status)));
		return new OpenAPI().info(new Info().title("Zhaoshang API (investment promotion project information management platform)")
			.version("v1")
			.description("""
					The JSON API of the investment promotion platform, for integrations and phones.

					**Sign-in**: `POST /api/v1/auth/token` with `{"username","password"}` answers `{"token","expiresAt"}`; \
					send `Authorization: Bearer <token>` on every other call. Each call is authorised by role and unit \
					scope as on the pages.

					**Errors** are RFC 9457 `application/problem+json` documents in the caller's language \
					(`Accept-Language: zh-CN` by default, or `en`); validation errors list each field in \
					`errors: [{field, message}]`, workbook imports each cell in `errors: [{row, column, message}]`.

					**Edits** carry the `version` read; a stale one is refused with 409 and nothing changes. Amounts \
					are in units of 10,000 CNY (wan yuan) unless a field says otherwise; dates are `yyyy-MM-dd`.""")
			.contact(contact)
			.license(licence))
			// relative: the installation that serves the document, whatever its address (not "localhost")
			.servers(List.of(new Server().url("/").description("This installation")))
			.tags(TAGS.entrySet()
				.stream()
				.map(t -> new io.swagger.v3.oas.models.tags.Tag().name(t.getKey()).description(t.getValue()))
				.toList())
			.components(components);
	}

	/** Security and problem responses from the handler: its rule, its parameters, its HTTP method. */
	@Bean
	OperationCustomizer apiOperations() {
		return (operation, handler) -> {
			String rule = rule(handler);
			boolean open = Security.Rules.PUBLIC.equals(rule);
			if (open) {
				operation.setSecurity(List.of());
			}
			else {
				operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
			}
			RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
					RequestMapping.class);
			Set<RequestMethod> methods = mapping == null ? Set.of() : Set.of(mapping.method());
			boolean write = methods.contains(RequestMethod.POST) || methods.contains(RequestMethod.PUT);
			boolean multipart = mapping != null && Arrays.stream(mapping.consumes()).anyMatch(c -> c.startsWith("multipart/"));
			boolean body = has(handler, RequestBody.class) || multipart;
			if (operation.getResponses() == null) {
				operation.setResponses(new ApiResponses());
			}
			var responses = operation.getResponses();
			if (body || has(handler, RequestParam.class) || has(handler, ModelAttribute.class)
					|| has(handler, PathVariable.class)) {
				add(responses, "400");
			}
			add(responses, "401");
			// Any signed-in caller passes SIGNED_IN; what it may not see is a 404, not a 403.
			if (!open && !Security.Rules.SIGNED_IN.equals(rule)) {
				add(responses, "403");
			}
			if (has(handler, PathVariable.class)) {
				add(responses, "404");
			}
			if (methods.contains(RequestMethod.PUT)) {
				add(responses, "409");
			}
			if (multipart) {
				add(responses, "413");
			}
			// The public-form guard (ADR 0016): size and per-address rate limits before the handler runs.
			if (handler.hasMethodAnnotation(cn.zhaoshang.platform.PublicForm.class)) {
				if (write) {
					add(responses, "413");
					add(responses, "422");
				}
				add(responses, "429");
			}
			if (write && body && !open) {
				add(responses, "422");
			}
			// An extra refusal a controller declares (409, 415) is a problem document like the rest.
			responses.forEach((status, response) -> {
				if (status.startsWith("4") && response.get$ref() == null) {
					response.setContent(problemContent());
				}
			});
			return operation;
		};
	}

	/**
	 * Success media types: springdoc writes {@code * / *} for a handler that does not declare what it produces; ours
	 * produce JSON, and the {@code .xlsx} downloads an Excel workbook.
	 */
	@Bean
	OpenApiCustomizer apiMediaTypes() {
		return api -> {
			if (api.getPaths() == null) {
				return;
			}
			api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
				if (operation.getResponses() == null) {
					return;
				}
				operation.getResponses().forEach((status, response) -> {
					if (!status.startsWith("2") || "204".equals(status)) {
						return;
					}
					if (path.endsWith(".xlsx")) {
						response.setContent(new Content().addMediaType(XLSX,
								new MediaType().schema(type("string").format("binary"))));
					}
					else if (response.getContent() != null && response.getContent().containsKey("*/*")) {
						MediaType json = response.getContent().remove("*/*");
						response.getContent().addMediaType(JSON, json);
					}
				});
			}));
		};
	}

	/**
	 * A filter bound from the query string ({@code @ModelAttribute ProjectFilter filter}) is documented by springdoc
	 * as one required query parameter {@code filter} holding an object; the request really carries its fields as
	 * optional parameters ({@code ?q=…&stage=SIGNED}). Spread them out, and drop the filter's schema, which is no
	 * body or response. (springdoc's own flattening would also spread the signed-in user and the multipart file.)
	 */
	@Bean
	OpenApiCustomizer apiQueryObjects() {
		return api -> {
			if (api.getPaths() == null || api.getComponents() == null || api.getComponents().getSchemas() == null) {
				return;
			}
			Map<String, Schema> schemas = api.getComponents().getSchemas();
			Set<String> spread = new HashSet<>();
			api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
				if (operation.getParameters() == null) {
					return;
				}
				var parameters = new ArrayList<Parameter>();
				for (Parameter parameter : operation.getParameters()) {
					String ref = parameter.getSchema() == null ? null : parameter.getSchema().get$ref();
					Schema<?> object = ref == null || !"query".equals(parameter.getIn()) ? null
							: schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
					if (object == null || object.getProperties() == null) {
						parameters.add(parameter);
						continue;
					}
					spread.add(ref.substring(ref.lastIndexOf('/') + 1));
					object.getProperties()
						.forEach((name, schema) -> parameters.add(new Parameter().in("query")
							.name(name)
							.required(false)
							.description(schema.getDescription())
							.schema(schema)));
				}
				operation.setParameters(parameters);
			}));
			spread.forEach(schemas::remove);
		};
	}

	private static void add(ApiResponses responses, String status) {
		if (!responses.containsKey(status)) {
			responses.addApiResponse(status,
					new ApiResponse().$ref("#/components/responses/" + PROBLEMS.get(status)[0]));
		}
	}

	private static boolean has(HandlerMethod handler, Class<? extends java.lang.annotation.Annotation> annotation) {
		for (MethodParameter parameter : handler.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(annotation)) {
				return true;
			}
		}
		return false;
	}

	/** The {@code @PreAuthorize} expression of the method, else of its controller. */
	private static String rule(HandlerMethod handler) {
		Method method = handler.getMethod();
		PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
		if (rule == null) {
			rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
		}
		return rule == null ? Security.Rules.SIGNED_IN : rule.value();
	}

	private static ApiResponse problemResponse(String description, String status) {
		var content = problemContent();
		content.get(PROBLEM_JSON).example(example(status));
		return new ApiResponse().description(description).content(content);
	}

	private static Content problemContent() {
		return new Content().addMediaType(PROBLEM_JSON,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
	}

	/**
	 * Examples as the API writes them for an English caller ({@code Accept-Language: en}; titles and messages from
	 * the platform bundle, which a zh-CN caller gets in Chinese): status → title, detail, instance and, for 400 and
	 * 422, the field and message of one error.
	 */
	private static final Map<String, List<String>> EXAMPLES = Map.of(
			"400", List.of("Bad request", "The submitted data is not valid.", "/api/v1/projects", "type",
					"Type: invalid value, expected one of: NEW, EXPANSION, RETURN, FOREIGN"),
			"401", List.of("Not signed in", "Please sign in: the request has no valid access token "
					+ "(Authorization: Bearer), or it has expired.", "/api/v1/projects"),
			"403", List.of("Forbidden", "You are not allowed to do this.", "/api/v1/projects/1"),
			"404", List.of("Not found", "The page or record does not exist, or you may not see it.",
					"/api/v1/projects/999999"),
			"409", List.of("Conflict", "Someone else changed this record meanwhile. Nothing was saved, so their "
					+ "change is not overwritten: reload and edit again.", "/api/v1/projects/1"),
			"413", List.of("File too large", "The upload is too large: a file may have at most 20 MB. Compress or "
					+ "split it and upload again.", "/api/v1/attachments"),
			"422", List.of("Unprocessable", "The submitted data is not valid.", "/api/v1/projects", "name",
					"Name: must not be blank"),
			"429", List.of("Too many requests", "Too many submissions from your network address. Please try again "
					+ "in an hour.", "/api/v1/public/appeals"));

	private static Map<String, Object> example(String status) {
		List<String> values = EXAMPLES.get(status);
		var e = new LinkedHashMap<String, Object>();
		e.put("type", "about:blank");
		e.put("title", values.get(0));
		e.put("status", Integer.parseInt(status));
		e.put("detail", values.get(1));
		e.put("instance", values.get(2));
		if (values.size() > 3) {
			e.put("errors", List.of(Map.of("field", values.get(3), "message", values.get(4))));
		}
		return e;
	}

	private static Schema<?> problemSchema() {
		return type("object").description("""
				An RFC 9457 problem document. `title` and `detail` are in the caller's language. `errors` comes \
				with 400 and 422; a refused duplicate (409 on POST /api/v1/merchants) carries `candidates`.""")
			.addProperty("type", type("string").format("uri").description("Always `about:blank`."))
			.addProperty("title", type("string").description("The status in words."))
			.addProperty("status", type("integer").format("int32").description("The HTTP status."))
			.addProperty("detail", type("string").description("What went wrong, for a person."))
			.addProperty("instance", type("string").format("uri-reference").description("The path called."))
			.addProperty("errors",
					type("array").items(new Schema<>().$ref("#/components/schemas/FieldError"))
						.description("Each invalid field (or workbook cell) with its reason."))
			.addProperty("candidates", type("array").items(type("object"))
				.description("The records a new merchant may duplicate: {id, name, uscc, reason, href}."));
	}

	private static Schema<?> fieldErrorSchema() {
		return type("object").description("One invalid field of a request, or one cell of an imported workbook.")
			.addProperty("field", type("string").description("The field's name in the request (`name`, `contacts[0].phone`)."))
			.addProperty("row", type("integer").format("int32").description("Workbook imports: the row number."))
			.addProperty("column", type("string").description("Workbook imports: the column's header."))
			.addProperty("message", type("string").description("The field's label and the rule it breaks."))
			.required(List.of("message"));
	}

	/** A schema of one JSON type, written both ways (OpenAPI 3.0 {@code type}, 3.1 {@code types}). */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema<Object> type(String type) {
		Schema s = new Schema<>();
		s.setType(type);
		s.setTypes(Set.of(type));
		return s;
	}
}
