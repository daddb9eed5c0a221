package cn.zhaoshang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.jayway.jsonpath.JsonPath;
import com.rasklaad.blns.NaughtyStrings;

import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * The bad-input suite (issue 7), on H2 and PostgreSQL alike: the Big List of Naughty Strings (from Maven Central,
 * {@code com.rasklaad:blns-java}) plus control characters, invalid Unicode and huge values into every string field
 * of the four create and update APIs and the four create forms; extreme dates and numbers, enum numbers and type
 * mismatches. It passes when nothing answers 5xx, refusals name the field, and every accepted value reads back
 * exactly as sent (after the documented trimming of surrounding white space).
 *
 * <p>One Spring context (with a real server, for the multipart file name that only Tomcat's parser sees) per
 * database; one request per naughty string per endpoint with all its string fields set to it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class BadInputTests {

	static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountUserDetailsService accounts;

	@LocalServerPort
	int port;

	long unit;
	long chain;

	@BeforeEach
	void ids() {
		unit = Demo.unit(jdbc, "hualong");
		chain = Demo.chain(jdbc, "chemical");
	}

	// ------------------------------------------------------------------------------------------- the strings

	/** The Big List of Naughty Strings as packaged (blns.txt: one per line, '#' comments), read as UTF-8. */
	static List<String> naughtyStrings() throws Exception {
		try (var in = NaughtyStrings.class.getResourceAsStream("blns.txt");
				var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			List<String> strings = new ArrayList<>(reader.lines().filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
			assertThat(strings).hasSizeGreaterThan(400);
			return strings;
		}
	}

	/** What the list lacks: every refused control character, line breaks and tabs (allowed), invalid Unicode. */
	static List<String> extraStrings() {
		List<String> extra = new ArrayList<>();
		for (char c = 0; c < 0x20; c++) {
			extra.add("a" + c + "b");
		}
		extra.add("a\u007fb");
		extra.add("a\ud800b");
		extra.add("a\udc00b");
		extra.add("\ud83d");
		extra.add("第一行\r\n第二行\n\t缩进");
		extra.add("\u3000全角空格\u3000");
		extra.add("濮阳市华龙区化工有限公司😀𠀀");
		extra.add("X_x0041_Y _x000D_");
		extra.add("=cmd|' /C calc'!A0");
		extra.add("'; DROP TABLE merchant; --");
		return extra;
	}

	/** The value a text field is read back as: the documented trimming of surrounding white space, blank = none. */
	static boolean readsBackAs(String sent, Object read) {
		if (read == null || "".equals(read)) {
			return sent.isBlank() || sent.strip().isEmpty();
		}
		return read.equals(sent.strip()) || read.equals(sent.trim());
	}

	// ------------------------------------------------------------------------------------------- the API

	MockHttpServletResponse api(String user, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + token(user)).characterEncoding("UTF-8"))
			.andReturn()
			.getResponse();
	}

	String token(String user) throws Exception {
		String cached = TOKENS.get(user);
		if (cached != null) {
			return cached;
		}
		var result = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("username", user, "password", "Demo@2026")))).andReturn();
		String token = JsonPath.read(result.getResponse().getContentAsString(), "$.token");
		TOKENS.put(user, token);
		return token;
	}

	MockHttpServletResponse send(String method, String path, String body) throws Exception {
		var request = "POST".equals(method) ? post(path) : put(path);
		return api("city", request.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	MockHttpServletResponse send(String method, String path, Map<String, Object> body) throws Exception {
		return send(method, path, json.writeValueAsString(body));
	}

	/** One of the four APIs: its path, a body with every string field set to a text, and where each is read back. */
	record Api(String path, Function<String, Map<String, Object>> body, Map<String, String> readBack) {
	}

	List<Api> apis() {
		String m = Pages.unique("bi");
		return List.of(new Api("/api/v1/merchants", s -> {
			var b = new LinkedHashMap<String, Object>();
			b.put("name", m + "企业" + s);
			b.put("enterpriseType", "PRIVATE");
			b.put("headquarters", s);
			b.put("chainLinks", s);
			b.put("remarks", s);
			b.put("aliases", List.of(m + "别名" + s));
			var contact = new LinkedHashMap<String, Object>();
			contact.put("name", s);
			contact.put("title", s);
			contact.put("wechat", s);
			b.put("contacts", List.of(contact));
			return b;
		}, Map.of("headquarters", "$.headquarters", "chainLinks", "$.chainLinks", "remarks", "$.remarks",
				"contacts.name", "$.contacts[0].name", "contacts.title", "$.contacts[0].title", "contacts.wechat",
				"$.contacts[0].wechat")),
				new Api("/api/v1/projects", s -> {
					var b = new LinkedHashMap<String, Object>();
					b.put("name", m + "项目" + s);
					b.put("investorName", m + "投资方" + s);
					b.put("unitId", unit);
					b.put("chainId", chain);
					b.put("type", "NEW");
					b.put("plannedInvestment", 1000);
					b.put("introducers", s);
					b.put("chainLink", s);
					b.put("problems", s);
					b.put("description", s);
					return b;
				}, Map.of("introducers", "$.introducers", "chainLink", "$.chainLink", "problems", "$.problems",
						"description", "$.description")),
				new Api("/api/v1/clues", s -> {
					var b = new LinkedHashMap<String, Object>();
					b.put("clueTitle", m + "线索" + s);
					b.put("enterpriseName", m + "企业" + s);
					b.put("chainId", chain);
					b.put("source", "OTHER");
					b.put("ownerUnitId", unit);
					b.put("chainLink", s);
					b.put("sourceCredit", s);
					b.put("notes", s);
					return b;
				}, Map.of("chainLink", "$.chainLink", "sourceCredit", "$.sourceCredit", "notes", "$.notes")),
				new Api("/api/v1/talents", s -> {
					var b = new LinkedHashMap<String, Object>();
					b.put("name", m + s);
					b.put("expertise", s);
					b.put("title", s);
					b.put("institution", s);
					b.put("workCity", s);
					b.put("relation", "NATIVE");
					b.put("relationNote", s);
					b.put("level", s);
					b.put("wechatId", s);
					b.put("remarks", s);
					return b;
				}, Map.of("title", "$.title", "institution", "$.institution", "workCity", "$.workCity",
						"relationNote", "$.relationNote", "level", "$.level", "wechatId", "$.wechatId", "remarks",
						"$.remarks")));
	}

	@Test
	void naughty_strings_in_every_string_field_of_the_four_apis_never_answer_5xx_and_read_back_exactly()
			throws Exception {
		List<String> strings = new ArrayList<>(naughtyStrings());
		strings.addAll(extraStrings());
		strings.add("长".repeat(5_000));
		List<String> failures = new ArrayList<>();
		int accepted = 0;
		for (Api api : apis()) {
			for (String s : strings) {
				var created = send("POST", api.path(), api.body().apply(s));
				accepted += check(api, s, created, 201, failures);
				if (created.getStatus() != 201) {
					continue;
				}
				String body = created.getContentAsString(StandardCharsets.UTF_8);
				long id = ((Number) JsonPath.read(body, "$.id")).longValue();
				var update = api.body().apply(s);
				update.put("version", JsonPath.read(body, "$.version"));
				check(api, s, send("PUT", api.path() + "/" + id, update), 200, failures);
			}
		}
		assertThat(failures).isEmpty();
		// Most strings are fine texts and must be accepted, not refused wholesale.
		assertThat(accepted).isGreaterThan(strings.size() * 4 / 2);
	}

	private int check(Api api, String s, MockHttpServletResponse response, int okStatus, List<String> failures)
			throws Exception {
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		String label = api.path() + " " + response.getStatus() + " for " + escape(s);
		if (response.getStatus() >= 500) {
			failures.add(label + ": " + body);
			return 0;
		}
		boolean refusedRule = InputTextRule.breaks(s) && !s.isBlank();
		if (response.getStatus() != okStatus) {
			if (!String.valueOf(response.getContentType()).startsWith("application/problem+json")) {
				failures.add(label + ": not a problem document");
			}
			return 0;
		}
		if (refusedRule) {
			failures.add(label + ": accepted a text the input rules refuse");
		}
		for (var field : api.readBack().entrySet()) {
			Object read = JsonPath.read(body, field.getValue());
			if (!readsBackAs(s, read)) {
				failures.add(label + ": " + field.getKey() + " read back as " + escape(String.valueOf(read)));
			}
		}
		return 1;
	}

	/** The rule under test, restated independently of platform.InputText. */
	static final class InputTextRule {

		static boolean breaks(String s) {
			for (int i = 0; i < s.length(); i++) {
				char c = s.charAt(i);
				if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
					return true;
				}
				if (Character.isHighSurrogate(c)) {
					if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
						return true;
					}
					i++;
				}
				else if (Character.isLowSurrogate(c)) {
					return true;
				}
			}
			return false;
		}
	}

	static String escape(String s) {
		var sb = new StringBuilder();
		String cut = s.length() > 80 ? s.substring(0, 80) + "…(" + s.length() + ")" : s;
		cut.chars().forEach(c -> sb.append(c < 0x20 || c == 0x7f || Character.isSurrogate((char) c)
				? String.format("\\u%04x", c) : String.valueOf((char) c)));
		return sb.toString();
	}

	// ------------------------------------------------------------------------------------------- page forms

	/** The four create forms, each with every text field set to the string. */
	record Form(String path, Function<String, Map<String, String>> fields, String api,
			Map<String, String> readBack) {
	}

	List<Form> forms() {
		String m = Pages.unique("bf");
		return List.of(new Form("/merchants/new", s -> Map.of("name", m + "企业" + s, "enterpriseType", "PRIVATE",
				"headquarters", s, "chainLinks", s, "remarks", s, "contacts[0].name", s, "contacts[0].title", s,
				"contacts[0].wechat", s), "/api/v1/merchants/",
				Map.of("headquarters", "$.headquarters", "remarks", "$.remarks", "contacts.title",
						"$.contacts[0].title")),
				new Form("/projects/new", s -> Map.of("name", m + "项目" + s, "investorName", m + "投资方" + s, "unitId",
						String.valueOf(unit), "chainId", String.valueOf(chain), "type", "NEW", "plannedInvestment",
						"1000", "introducers", s, "chainLink", s, "problems", s, "description", s),
						"/api/v1/projects/", Map.of("introducers", "$.introducers", "problems", "$.problems",
								"description", "$.description")),
				new Form("/clues/new", s -> Map.of("clueTitle", m + "线索" + s, "enterpriseName", m + "企业" + s,
						"chainId", String.valueOf(chain), "source", "OTHER", "ownerUnitId", String.valueOf(unit),
						"chainLink", s, "sourceCredit", s, "notes", s), "/api/v1/clues/",
						Map.of("chainLink", "$.chainLink", "sourceCredit", "$.sourceCredit", "notes", "$.notes")),
				new Form("/talents/new", s -> Map.of("name", m + s, "expertise", s, "title", s, "institution", s,
						"workCity", s, "relation", "NATIVE", "relationNote", s, "level", s, "wechatId", s, "remarks",
						s), "/api/v1/talents/", Map.of("title", "$.title", "institution", "$.institution",
								"remarks", "$.remarks")));
	}

	MockHttpServletResponse form(String path, Map<String, String> fields) throws Exception {
		var request = post(path).with(Pages.as(accounts, "city")).with(csrf()).characterEncoding("UTF-8");
		fields.forEach(request::param);
		return mvc.perform(request).andReturn().getResponse();
	}

	@Test
	void naughty_strings_in_the_create_forms_never_answer_5xx_nor_json_and_read_back_exactly() throws Exception {
		List<String> strings = new ArrayList<>(naughtyStrings());
		strings.addAll(extraStrings());
		List<String> failures = new ArrayList<>();
		int saved = 0;
		for (Form f : forms()) {
			for (String s : strings) {
				var response = form(f.path(), f.fields().apply(s));
				String label = f.path() + " " + response.getStatus() + " for " + escape(s);
				if (response.getStatus() >= 500) {
					failures.add(label);
					continue;
				}
				if (String.valueOf(response.getContentType()).contains("json")) {
					failures.add(label + ": a JSON body on a page");
				}
				if (response.getStatus() == 302 && response.getRedirectedUrl() != null
						&& response.getRedirectedUrl().matches(".*/\\d+$")) {
					saved++;
					if (InputTextRule.breaks(s)) {
						failures.add(label + ": accepted a text the input rules refuse");
					}
					String body = api("city", get(f.api() + Pages.idOf(response.getRedirectedUrl())))
						.getContentAsString(StandardCharsets.UTF_8);
					for (var field : f.readBack().entrySet()) {
						Object read = JsonPath.read(body, field.getValue());
						if (!readsBackAs(s, read)) {
							failures.add(label + ": " + field.getKey() + " read back as " + escape(String.valueOf(read)));
						}
					}
				}
				else if (InputTextRule.breaks(s) && response.getStatus() != 422) {
					failures.add(label + ": a refused text must answer 422 naming the field");
				}
			}
		}
		assertThat(failures).isEmpty();
		assertThat(saved).isGreaterThan(strings.size() * 4 / 2);
	}

	// ------------------------------------------------------------------------------------------- defects 1 and 7

	@Test
	void a_nul_or_control_character_or_lone_surrogate_in_any_json_text_is_422_naming_the_field() throws Exception {
		for (Api api : apis()) {
			for (String bad : List.of("a\u0000b", "a\u001bb", "a\u007fb", "a\ud800b")) {
				Map<String, Object> body = api.body().apply("正常");
				String field = api.readBack().keySet().stream().filter(k -> !k.contains(".")).findFirst().orElseThrow();
				body.put(field, bad);
				var response = send("POST", api.path(), body);
				assertThat(response.getStatus()).as(api.path() + " " + escape(bad)).isEqualTo(422);
				assertThat(response.getContentType()).startsWith("application/problem+json");
				assertThat((List<String>) JsonPath.read(response.getContentAsString(StandardCharsets.UTF_8),
						"$.errors[*].field")).containsExactly(field);
			}
		}
		// Written as JSON escapes, as a client would send them.
		var raw = send("POST", "/api/v1/merchants", "{\"name\":\"x\\ud800\",\"enterpriseType\":\"PRIVATE\"}");
		assertThat(raw.getStatus()).isEqualTo(422);
		assertThat(raw.getContentAsString(StandardCharsets.UTF_8)).contains("\"field\":\"name\"").contains("Unicode");
		raw = send("POST", "/api/v1/merchants", "{\"name\":\"x\\u0000\",\"enterpriseType\":\"PRIVATE\"}");
		assertThat(raw.getStatus()).isEqualTo(422);
		assertThat(raw.getContentAsString(StandardCharsets.UTF_8)).contains("\"field\":\"name\"").contains("控制字符");
		// In a list and a nested object: the path names the element.
		var nested = apis().get(0).body().apply("正常");
		nested.put("aliases", List.of("好", "坏\u0000"));
		assertThat(JsonPath.<List<String>>read(send("POST", "/api/v1/merchants", nested)
			.getContentAsString(StandardCharsets.UTF_8), "$.errors[*].field")).containsExactly("aliases[1]");
	}

	@Test
	void a_control_character_in_a_query_parameter_is_400_naming_it_on_the_api_and_the_pages() throws Exception {
		for (String path : List.of("/api/v1/merchants", "/api/v1/merchants/export.xlsx", "/api/v1/projects",
				"/api/v1/clues", "/api/v1/talents")) {
			var response = api("city", get(path).param("q", "a\u0000b"));
			assertThat(response.getStatus()).as(path).isEqualTo(400);
			assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("\"field\":\"q\"");
		}
		for (String path : List.of("/merchants", "/merchants/export.xlsx", "/projects", "/clues", "/talents")) {
			var response = mvc.perform(get(path).param("q", "a\u0000b").with(Pages.as(accounts, "city")))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(400);
			assertThat(response.getContentType()).as(path).startsWith("text/html");
			assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("控制字符");
		}
	}

	@Test
	void a_control_character_in_a_page_form_is_422_on_an_html_page_naming_the_field() throws Exception {
		var response = form("/merchants/new", Map.of("name", "a\u0000b", "enterpriseType", "PRIVATE"));
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentType()).startsWith("text/html");
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("名称").contains("控制字符");
	}

	// ------------------------------------------------------------------------------------------- defect 2

	@Test
	void a_control_character_in_an_upload_file_name_is_refused_on_every_upload_endpoint() throws Exception {
		byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		String evil = "evil.pdf\u0000.html";
		for (String path : List.of("/api/v1/attachments", "/api/v1/projects/import", "/api/v1/merchants/import",
				"/api/v1/clues/import")) {
			var response = api("city", multipart(path).file(new MockMultipartFile("file", evil, "application/pdf", pdf)));
			assertThat(response.getStatus()).as(path).isEqualTo(400);
			assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(path).contains("\"field\":\"file\"");
		}
		long project = ((Number) JsonPath.read(send("POST", "/api/v1/projects", apis().get(1).body().apply("附件"))
			.getContentAsString(StandardCharsets.UTF_8), "$.id")).longValue();
		for (String[] page : List.of(new String[] { "/projects/import", "file" },
				new String[] { "/merchants/import", "file" }, new String[] { "/clues/import", "file" },
				new String[] { "/talents/import", "file" },
				new String[] { "/projects/" + project + "/attachments", "file" },
				new String[] { "/projects/" + project + "/progress", "photos" },
				new String[] { "/projects/" + project + "/move", "files" })) {
			var response = mvc.perform(multipart(page[0]).file(new MockMultipartFile(page[1], evil, "application/pdf", pdf))
				.param("kind", "OTHER")
				.with(Pages.as(accounts, "city"))
				.with(csrf())).andReturn().getResponse();
			assertThat(response.getStatus()).as(page[0]).isEqualTo(400);
			assertThat(response.getContentType()).as(page[0]).startsWith("text/html");
		}
		// Through the real server: Tomcat's own multipart parser refuses the name before Spring sees it.
		for (String path : List.of("/api/v1/attachments", "/api/v1/merchants/import")) {
			String boundary = "----zs" + System.nanoTime();
			var body = new ByteArrayOutputStream();
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"evil.pdf")
				.getBytes(StandardCharsets.UTF_8));
			body.write(0);
			body.writeBytes((".html\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(pdf);
			body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			var response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
					.header("Authorization", "Bearer " + token("city"))
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
					.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(400);
			assertThat(response.body()).contains("\"field\":\"file\"");
		}
	}

	// ------------------------------------------------------------------------------------------- defects 4 and 6

	@Test
	void enum_numbers_and_type_mismatches_are_400_naming_the_field() throws Exception {
		Map<String, Object[]> cases = new LinkedHashMap<>();
		cases.put("type", new Object[] { 1, "0", "1", 1.0 });
		cases.put("jobs", new Object[] { 1.5, "5", true, "" });
		cases.put("chainId", new Object[] { 1.5, "x", List.of(1) });
		cases.put("plannedInvestment", new Object[] { "1000", true });
		cases.put("keyProject", new Object[] { 1, "true" });
		cases.put("name", new Object[] { 123, 1.5, true, List.of("a"), Map.of("a", "b") });
		for (var c : cases.entrySet()) {
			for (Object value : c.getValue()) {
				var body = apis().get(1).body().apply("类型");
				body.put(c.getKey(), value);
				var response = send("POST", "/api/v1/projects", body);
				assertThat(response.getStatus()).as(c.getKey() + "=" + value).isEqualTo(400);
				assertThat((List<String>) JsonPath.read(response.getContentAsString(StandardCharsets.UTF_8),
						"$.errors[*].field")).as(c.getKey() + "=" + value).containsExactly(c.getKey());
			}
		}
		for (var entry : Map.of("/api/v1/merchants", "enterpriseType", "/api/v1/clues", "source",
				"/api/v1/talents", "relation").entrySet()) {
			Api api = apis().stream().filter(a -> a.path().equals(entry.getKey())).findFirst().orElseThrow();
			for (Object value : new Object[] { 0, 1, "0", "2" }) {
				var body = api.body().apply("枚举");
				body.put(entry.getValue(), value);
				var response = send("POST", api.path(), body);
				assertThat(response.getStatus()).as(api.path() + " " + value).isEqualTo(400);
				assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains(
						"\"field\":\"" + entry.getValue() + "\"");
			}
		}
		// Numbers at the edges: refused with 4xx, never stored wrong, never 5xx.
		for (Object value : new Object[] { 1e300, -1, 99999999999999.99, 1.001, "NaN", Long.MAX_VALUE }) {
			var body = apis().get(1).body().apply("数额");
			body.put("plannedInvestment", value);
			assertThat(send("POST", "/api/v1/projects", body).getStatus()).as("plannedInvestment " + value)
				.isBetween(400, 499);
		}
		for (Object value : new Object[] { Long.MAX_VALUE, -1, 3_000_000_000L }) {
			var body = apis().get(1).body().apply("就业");
			body.put("jobs", value);
			assertThat(send("POST", "/api/v1/projects", body).getStatus()).as("jobs " + value).isBetween(400, 499);
		}
	}

	// ------------------------------------------------------------------------------------------- defect 5

	@Test
	void dates_are_yyyy_mm_dd_strings_within_the_window_else_422_naming_the_field() throws Exception {
		long clue = ((Number) JsonPath.read(send("POST", "/api/v1/clues", apis().get(2).body().apply("日期"))
			.getContentAsString(StandardCharsets.UTF_8), "$.id")).longValue();
		LocalDate today = LocalDate.now();
		for (Object bad : new Object[] { 20260101, "+99999-01-01", "0000-01-01", "-0001-01-01", "1989-12-31",
				today.plusYears(10).plusDays(2).toString(), "2026-02-30", "2026-1-5", "20260101", "2026/01/05", "",
				List.of(2026, 1, 1), true }) {
			var body = new LinkedHashMap<String, Object>();
			body.put("followUpDate", today.toString());
			body.put("followUpKind", "CALL");
			body.put("content", "回访");
			body.put("nextDate", bad);
			var response = send("POST", "/api/v1/clues/" + clue + "/follow-ups", body);
			assertThat(response.getStatus()).as("nextDate " + bad).isEqualTo(422);
			assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as("nextDate " + bad)
				.contains("\"field\":\"nextDate\"")
				.contains("yyyy-MM-dd");
		}
		for (String good : List.of("1990-01-01", today.toString(), today.plusYears(10).minusDays(1).toString())) {
			var body = new LinkedHashMap<String, Object>();
			body.put("followUpDate", today.toString());
			body.put("followUpKind", "CALL");
			body.put("content", "回访");
			body.put("nextDate", good);
			assertThat(send("POST", "/api/v1/clues/" + clue + "/follow-ups", body).getStatus()).as(good)
				.isBetween(200, 201);
		}
		// The page form: the follow-up form shows the rule next to the date, nothing is stored.
		var page = form("/clues/" + clue + "/follow-ups", Map.of("followUpDate", today.toString(), "followUpKind",
				"CALL", "content", "回访", "nextDate", "0000-01-01"));
		assertThat(page.getStatus()).isLessThan(500);
		assertThat(page.getContentType()).startsWith("text/html");
		assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("yyyy-MM-dd");
		// A date filter on a list page: 400 naming the parameter, no 500.
		assertThat(api("city", get("/api/v1/projects").param("from", "+99999-01-01")).getStatus()).isEqualTo(400);
	}
}
