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
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

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
@AutoConfigureMockMvc(print = org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint.NONE)
class BadInputTests {

	static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	/** Request bodies with every non-ASCII character escaped, so that a lone surrogate reaches the server as sent. */
	static final JsonMapper ASCII = JsonMapper.builder().enable(tools.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII)
		.build();

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

	MockHttpServletResponse api(String user, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
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
		return send(method, path, ASCII.writeValueAsString(body));
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

	/** A text field of a create endpoint: its key in the body or form, where it is read back, how it is checked. */
	record Field(String key, String path, boolean prefixed, boolean exact) {

		static Field text(String key, String path) {
			return new Field(key, path, false, true);
		}

		/** A name that must be unique: sent behind a marker of its own (duplicates are refused, rightly). */
		static Field name(String key, String path) {
			return new Field(key, path, true, true);
		}

		/** Sent, never 5xx, but not read back verbatim (e.g. expertise, split into fields). */
		static Field loose(String key) {
			return new Field(key, null, false, false);
		}
	}

	/** A create endpoint (API or page form) with its fixed fields, its text fields and where a record is read. */
	record Target(String path, boolean form, Map<String, Object> fixed, List<Field> fields, String read) {
	}

	List<Target> targets(boolean form) {
		var merchant = new ArrayList<>(List.of(Field.name("name", "$.name"), Field.text("headquarters", "$.headquarters"),
				Field.text("chainLinks", "$.chainLinks"), Field.text("remarks", "$.remarks"),
				Field.text("contacts[0].name", "$.contacts[0].name"),
				Field.text("contacts[0].title", "$.contacts[0].title"),
				Field.text("contacts[0].wechat", "$.contacts[0].wechat")));
		if (!form) {
			merchant.add(Field.name("aliases[0]", "$.aliases[0]"));
		}
		return List.of(
				new Target(form ? "/merchants/new" : "/api/v1/merchants", form, Map.of("enterpriseType", "PRIVATE"),
						merchant, "/api/v1/merchants/"),
				new Target(form ? "/projects/new" : "/api/v1/projects", form,
						Map.of("unitId", unit, "chainId", chain, "type", "NEW", "plannedInvestment", 1000),
						List.of(Field.name("name", "$.name"), Field.name("investorName", "$.investorName"),
								Field.text("introducers", "$.introducers"), Field.text("chainLink", "$.chainLink"),
								Field.text("problems", "$.problems"), Field.text("description", "$.description")),
						"/api/v1/projects/"),
				new Target(form ? "/clues/new" : "/api/v1/clues", form,
						Map.of("chainId", chain, "source", "OTHER", "ownerUnitId", unit),
						List.of(Field.name("clueTitle", "$.title"), Field.name("enterpriseName", "$.enterpriseName"),
								Field.text("chainLink", "$.chainLink"), Field.text("sourceCredit", "$.sourceCredit"),
								Field.text("notes", "$.notes")),
						"/api/v1/clues/"),
				new Target(form ? "/talents/new" : "/api/v1/talents", form, Map.of("relation", "NATIVE"),
						List.of(Field.name("name", "$.name"), Field.loose("expertise"), Field.text("title", "$.title"),
								Field.text("institution", "$.institution"), Field.text("workCity", "$.workCity"),
								Field.text("relationNote", "$.relationNote"), Field.text("level", "$.level"),
								Field.text("wechatId", "$.wechatId"), Field.text("remarks", "$.remarks")),
						"/api/v1/talents/"));
	}

	/** One submission: the text of each field (by key), with the markers of name fields already added. */
	MockHttpServletResponse submit(Target t, String method, String path, Map<String, String> texts, Object version)
			throws Exception {
		if (t.form()) {
			var request = post(path).with(Pages.as(accounts, "city")).with(csrf()).characterEncoding("UTF-8");
			t.fixed().forEach((k, v) -> request.param(k, String.valueOf(v)));
			texts.forEach(request::param);
			return mvc.perform(request).andReturn().getResponse();
		}
		var body = new LinkedHashMap<String, Object>(t.fixed());
		var contact = new LinkedHashMap<String, Object>();
		texts.forEach((k, v) -> {
			if (k.startsWith("contacts[0].")) {
				contact.put(k.substring("contacts[0].".length()), v);
			}
			else if (k.equals("aliases[0]")) {
				body.put("aliases", List.of(v));
			}
			else {
				body.put(k, v);
			}
		});
		if (!contact.isEmpty()) {
			body.put("contacts", List.of(contact));
		}
		if (version != null) {
			body.put("version", version);
		}
		return send(method, path, body);
	}

	/** The texts of one submission: field i gets strings[i] (cycling), name fields behind a fresh marker. */
	static Map<String, String> texts(Target t, List<String> strings, int shift) {
		Map<String, String> texts = new LinkedHashMap<>();
		String marker = Pages.unique("n") + "·";
		for (int i = 0; i < t.fields().size(); i++) {
			Field f = t.fields().get(i);
			String s = strings.get((i + shift) % strings.size());
			texts.put(f.key(), f.prefixed() ? marker + s : s);
		}
		return texts;
	}

	/** Runs the strings through one target; adds what is wrong to failures and answers how many were stored. */
	int exercise(Target t, List<String> strings, List<String> failures) throws Exception {
		// Strings the rules refuse go one by one (each must be refused); the others in batches of one string per
		// field, shortest first so that the few over a length limit share their batches. A refused batch is
		// retried string by string, so every string gets its own verdict.
		List<String> refused = strings.stream().filter(InputTextRule::breaks).toList();
		List<String> fine = strings.stream().filter(s -> !InputTextRule.breaks(s))
			.sorted(java.util.Comparator.comparingInt(String::length)).toList();
		int k = t.fields().size();
		int stored = 0;
		long lastId = -1;
		Object lastVersion = null;
		for (int from = 0; from < fine.size(); from += k) {
			List<String> batch = fine.subList(from, Math.min(from + k, fine.size()));
			var texts = texts(t, batch, 0);
			var response = submit(t, "POST", t.path(), texts, null);
			Long id = stored(t, texts, response, failures);
			if (id == null) {
				for (String s : batch) {
					var single = texts(t, List.of(s), 0);
					if (stored(t, single, submit(t, "POST", t.path(), single, null), failures) != null) {
						stored++;
					}
				}
				continue;
			}
			stored += batch.size();
			if (t.form()) {
				continue;
			}
			// The update: the same strings, each in another field.
			var moved = texts(t, batch, 1);
			var updated = submit(t, "PUT", t.path() + "/" + id, moved, 0);
			if (stored(t, moved, updated, failures) != null) {
				lastId = id;
				lastVersion = read(updated.getContentAsString(StandardCharsets.UTF_8), "$.version");
			}
		}
		for (String s : refused) {
			var texts = texts(t, List.of(s), 0);
			expectRefused(t, s, submit(t, "POST", t.path(), texts, null), failures);
			if (!t.form() && lastId > 0) {
				expectRefused(t, s, submit(t, "PUT", t.path() + "/" + lastId, texts, lastVersion), failures);
			}
		}
		return stored;
	}

	private void expectRefused(Target t, String s, MockHttpServletResponse response, List<String> failures)
			throws Exception {
		int expected = 422;
		if (response.getStatus() != expected) {
			failures.add(t.path() + " " + response.getStatus() + " for " + escape(s) + ": must be refused with 422");
		}
		if (t.form() == String.valueOf(response.getContentType()).contains("json")) {
			failures.add(t.path() + " answered " + response.getContentType() + " for " + escape(s));
		}
	}

	/**
	 * The id of the record this response stored, after checking that every text reads back exactly; {@code null}
	 * when it was refused (with a 4xx of the right kind) or failed.
	 */
	private Long stored(Target t, Map<String, String> texts, MockHttpServletResponse response, List<String> failures)
			throws Exception {
		String label = t.path() + " " + response.getStatus() + " for " + texts.values().stream()
			.map(BadInputTests::escape).distinct().toList();
		String type = String.valueOf(response.getContentType());
		if (response.getStatus() >= 500) {
			failures.add(label + ": " + response.getContentAsString(StandardCharsets.UTF_8));
			return null;
		}
		if (t.form() && type.contains("json")) {
			failures.add(label + ": a JSON body on a page");
		}
		String body;
		long id;
		if (t.form()) {
			String to = response.getRedirectedUrl();
			if (response.getStatus() != 302 || to == null || !to.matches(".*/\\d+$")) {
				return null;
			}
			id = Pages.idOf(to);
			body = api("city", get(t.read() + id)).getContentAsString(StandardCharsets.UTF_8);
		}
		else {
			if (response.getStatus() >= 300) {
				if (!type.startsWith("application/problem+json")) {
					failures.add(label + ": a refusal that is not a problem document");
				}
				return null;
			}
			body = response.getContentAsString(StandardCharsets.UTF_8);
			id = ((Number) read(body, "$.id")).longValue();
		}
		for (Field f : t.fields()) {
			if (f.exact() && !readsBackAs(texts.get(f.key()), read(body, f.path()))) {
				failures.add(label + ": " + f.key() + " sent as " + escape(texts.get(f.key())) + " read back as "
						+ escape(String.valueOf(read(body, f.path()))));
			}
		}
		return id;
	}

	MockHttpServletResponse form(String path, Map<String, String> fields) throws Exception {
		var request = post(path).with(Pages.as(accounts, "city")).with(csrf()).characterEncoding("UTF-8");
		fields.forEach(request::param);
		return mvc.perform(request).andReturn().getResponse();
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

	static final com.jayway.jsonpath.Configuration LENIENT = com.jayway.jsonpath.Configuration.defaultConfiguration()
		.addOptions(com.jayway.jsonpath.Option.DEFAULT_PATH_LEAF_TO_NULL, com.jayway.jsonpath.Option.SUPPRESS_EXCEPTIONS);

	static Object read(String json, String path) {
		return JsonPath.using(LENIENT).parse(json).read(path);
	}

	@Test
	void naughty_strings_in_every_string_field_of_the_four_apis_never_answer_5xx_and_read_back_exactly()
			throws Exception {
		List<String> strings = new ArrayList<>(naughtyStrings());
		strings.addAll(extraStrings());
		strings.add("长".repeat(5_000));
		strings.add("x".repeat(100_000));
		List<String> failures = new ArrayList<>();
		for (Target t : targets(false)) {
			int stored = exercise(t, strings, failures);
			// Most strings are fine texts and must be stored, not refused wholesale (the talent directory's short
			// limits, 50 characters for a name or a city, refuse more of them).
			assertThat(stored).as(t.path()).isGreaterThan(strings.size() * 2 / 5);
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void naughty_strings_in_the_create_forms_never_answer_5xx_nor_json_and_read_back_exactly() throws Exception {
		List<String> strings = new ArrayList<>(naughtyStrings());
		strings.addAll(extraStrings());
		List<String> failures = new ArrayList<>();
		for (Target t : targets(true)) {
			int stored = exercise(t, strings, failures);
			assertThat(stored).as(t.path()).isGreaterThan(strings.size() * 2 / 5);
		}
		assertThat(failures).isEmpty();
	}

	// ------------------------------------------------------------------------------------------- defects 1 and 7

	@Test
	void a_nul_or_control_character_or_lone_surrogate_in_any_json_text_is_422_naming_the_field() throws Exception {
		for (Api api : apis()) {
			for (String bad : List.of("a\u0000b", "a\u001bb", "a\u007fb", "a\ud800b")) {
				Map<String, Object> body = api.body().apply("正常");
				String field = api.readBack().keySet().stream().filter(k -> !k.contains(".")).sorted().findFirst().orElseThrow();
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
				new String[] { "/projects/" + project + "/move", "file_CONTRACT" })) {
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
		for (String good : List.of(today.toString(), today.plusYears(10).minusDays(1).toString())) {
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
