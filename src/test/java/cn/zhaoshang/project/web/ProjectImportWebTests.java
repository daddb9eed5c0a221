package cn.zhaoshang.project.web;

import static cn.zhaoshang.project.LedgerSheets.project;
import static cn.zhaoshang.project.LedgerSheets.unique;
import static cn.zhaoshang.project.LedgerSheets.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;

import jakarta.servlet.http.Cookie;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.LedgerSheets;
import cn.zhaoshang.project.internal.ProjectImport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The Excel endpoints of the API (bearer token) and of the pages (session), with their rules of access. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ProjectImportWebTests {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountUserDetailsService accounts;

	@LocalServerPort
	int port;

	String token(String username) throws Exception {
		String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"password\":\"Demo@2026\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.token");
	}

	RequestPostProcessor bearer(String username) throws Exception {
		String token = token(username);
		return request -> {
			request.addHeader("Authorization", "Bearer " + token);
			return request;
		};
	}

	RequestPostProcessor signedIn(String username) {
		return user(accounts.loadUserByUsername(username));
	}

	static MockMultipartFile file(byte[] content) {
		return new MockMultipartFile("file", "台账.xlsx", XLSX, content);
	}

	long projectCount() {
		return jdbc.sql("SELECT COUNT(*) FROM project").query(Long.class).single();
	}

	@Test
	void the_api_imports_a_workbook_and_answers_with_the_counts() throws Exception {
		var auth = bearer("hualong");
		byte[] workbook = xlsx(List.of(project(unique("接口导入甲")), project(unique("接口导入乙"))));

		mvc.perform(multipart("/api/v1/projects/import").file(file(workbook)).with(auth))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(2))
			.andExpect(jsonPath("$.imported").value(2)) // the old name, kept as an alias for one release
			.andExpect(jsonPath("$.updated").value(0));
		mvc.perform(multipart("/api/v1/projects/import").file(file(workbook)).with(auth))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(2));
	}

	@Test
	void the_api_answers_a_bad_workbook_with_422_and_every_error_as_row_column_message() throws Exception {
		var bad = project(unique("接口坏行"));
		bad.put("落地单位", "不存在区");
		bad.put("项目阶段", "签约");
		long before = projectCount();

		mvc.perform(multipart("/api/v1/projects/import").file(file(xlsx(List.of(project(unique("接口好行")), bad))))
			.with(bearer("hualong")))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(header().string("Content-Type", startsWith("application/problem+json")))
			.andExpect(jsonPath("$.status").value(422))
			.andExpect(jsonPath("$.detail").value("工作簿中有 2 处错误，未导入任何数据。请逐条修改后重新上传。"))
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errorCount").value(2))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].column").value("落地单位"))
			.andExpect(jsonPath("$.errors[0].message").value("系统中没有名为“不存在区”的单位（请填写单位全称）"))
			.andExpect(jsonPath("$.errors[1].row").value(3))
			.andExpect(jsonPath("$.errors[1].column").value("签约日期"))
			.andExpect(jsonPath("$.errors[1].message").value("项目阶段为“签约”时必须填写"))
			.andExpect(jsonPath("$.errors[0].field").doesNotExist());
		assertThat(projectCount()).isEqualTo(before);
	}

	@Test
	void the_api_refuses_a_file_that_is_not_an_xlsx_workbook() throws Exception {
		mvc.perform(multipart("/api/v1/projects/import")
			.file(new MockMultipartFile("file", "ledger.xlsx", XLSX, "%PDF-1.7\n1 0 obj".getBytes(StandardCharsets.US_ASCII)))
			.with(bearer("hualong")))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(header().string("Content-Type", startsWith("application/problem+json")))
			.andExpect(jsonPath("$.detail").value(containsString("只能导入 Excel 工作簿（.xlsx）")));
	}

	@Test
	void the_api_exports_the_filtered_list_as_xlsx_with_a_chinese_file_name() throws Exception {
		String prefix = unique("接口导出");
		var signed = project(prefix + "签约");
		signed.put("项目阶段", "签约");
		signed.put("签约日期", LocalDate.of(2025, 4, 1));
		var auth = bearer("hualong");
		mvc.perform(multipart("/api/v1/projects/import").file(file(xlsx(List.of(project(prefix + "在谈"), signed))))
			.with(auth)).andExpect(status().isOk());

		byte[] all = mvc.perform(get("/api/v1/projects/export.xlsx").param("q", prefix).with(auth))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", XLSX))
			.andExpect(header().string("Content-Disposition", containsString(
					"filename*=UTF-8''%E9%A1%B9%E7%9B%AE%E5%8F%B0%E8%B4%A6-" + LocalDate.now() + ".xlsx")))
			.andExpect(header().string("Content-Disposition", startsWith("attachment; filename=\"project-ledger-")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(LedgerSheets.read(all, 0)).hasSize(3);

		byte[] onlySigned = mvc.perform(get("/api/v1/projects/export.xlsx").param("q", prefix)
			.param("stage", "SIGNED").with(auth)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsByteArray();
		var rows = LedgerSheets.read(onlySigned, 0);
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1).get(0)).isEqualTo(prefix + "签约");
		assertThat(rows.get(1).get(9)).isEqualTo(LocalDate.of(2025, 4, 1));
	}

	@Test
	void the_api_offers_the_template() throws Exception {
		byte[] template = mvc.perform(get("/api/v1/projects/import-template.xlsx").with(bearer("qingfeng")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", XLSX))
			.andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(LedgerSheets.read(template, 0).get(0)).isEqualTo(List.copyOf(LedgerSheets.TEMPLATE_HEADERS));
		// the URL every import's template has; the old one above stays for one release
		mvc.perform(get("/api/v1/projects/import/template.xlsx").with(bearer("qingfeng")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", XLSX));
	}

	@Test
	void an_intermediary_may_use_none_of_the_excel_endpoints() throws Exception {
		var auth = bearer("agent");
		mvc.perform(get("/api/v1/projects/export.xlsx").with(auth)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/projects/import-template.xlsx").with(auth)).andExpect(status().isForbidden());
		mvc.perform(multipart("/api/v1/projects/import").file(file(xlsx(List.of(project(unique("中介")))))).with(auth))
			.andExpect(status().isForbidden())
			.andExpect(header().string("Content-Type", startsWith("application/problem+json")));
		mvc.perform(get("/projects/import").with(signedIn("agent"))).andExpect(status().isForbidden());
		mvc.perform(get("/projects/export.xlsx").with(signedIn("agent"))).andExpect(status().isForbidden());
	}

	@Test
	void a_viewer_may_export_but_not_import() throws Exception {
		var auth = bearer("viewer");
		mvc.perform(get("/api/v1/projects/export.xlsx").with(auth)).andExpect(status().isOk());
		mvc.perform(multipart("/api/v1/projects/import").file(file(xlsx(List.of(project(unique("观察员")))))).with(auth))
			.andExpect(status().isForbidden());
		mvc.perform(get("/projects/import").with(signedIn("leader"))).andExpect(status().isForbidden());
	}

	@Test
	void the_import_page_offers_the_template_the_rules_and_an_upload_form() throws Exception {
		mvc.perform(get("/projects/import").with(signedIn("hualong.staff")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("导入项目台账")))
			.andExpect(content().string(containsString("href=\"/projects/import/template.xlsx\"")))
			.andExpect(content().string(containsString("必填列：项目名称、投资方、落地单位")))
			.andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
			.andExpect(content().string(containsString("action=\"/projects/import\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void the_import_page_imports_then_shows_the_counts_and_a_link_to_the_ledger() throws Exception {
		// the session lives in the database (Spring Session), so the redirect's flash travels with its cookie
		var posted = mvc.perform(multipart("/projects/import").file(file(xlsx(List.of(project(unique("页面导入"))))))
			.with(signedIn("hualong")).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/projects/import"))
			.andExpect(flash().attribute("importResult", cn.zhaoshang.platform.ImportResult.of(1, 0, 0)))
			.andReturn();
		Cookie session = posted.getResponse().getCookie("SESSION");

		mvc.perform(get("/projects/import").cookie(session).with(signedIn("hualong")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("导入完成：新增 1 个项目，更新 0 个项目，0 行与台账一致、未作改动。")))
			.andExpect(content().string(containsString("href=\"/projects\"")));
		mvc.perform(get("/projects/import").cookie(session).with(signedIn("hualong")))
			.andExpect(content().string(not(containsString("导入完成"))));
	}

	@Test
	void the_import_page_lists_every_error_as_row_column_reason_and_saves_nothing() throws Exception {
		var bad = project(unique("页面坏行"));
		bad.put("计划总投资（万元）", 1.234);
		bad.put("所属产业链", "造船");
		long before = projectCount();

		mvc.perform(multipart("/projects/import").file(file(xlsx(List.of(project(unique("页面好行")), bad))))
			.with(signedIn("hualong")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("工作簿中有 2 处错误，未导入任何数据。")))
			.andExpect(content().string(containsString("id=\"import-errors\"")))
			.andExpect(content().string(containsString("<td>3</td><td>所属产业链</td><td class=\"cell-wrap\">没有名为“造船”的产业链</td>")))
			.andExpect(content().string(containsString("<td>3</td><td>计划总投资（万元）</td><td class=\"cell-wrap\">最多 2 位小数</td>")));
		assertThat(projectCount()).isEqualTo(before);

		mvc.perform(multipart("/projects/import")
			.file(new MockMultipartFile("file", "x.xlsx", XLSX, "not a workbook".getBytes(StandardCharsets.US_ASCII)))
			.with(signedIn("hualong")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("只能导入 Excel 工作簿（.xlsx）")));
	}

	@Test
	void the_page_export_downloads_the_list_with_its_filters() throws Exception {
		String prefix = unique("页面导出");
		mvc.perform(multipart("/projects/import").file(file(xlsx(List.of(project(prefix + "甲"), project(prefix + "乙")))))
			.with(signedIn("hualong")).with(csrf())).andExpect(status().isFound());

		byte[] body = mvc.perform(get("/projects/export.xlsx").param("q", prefix).param("sort", "name")
			.param("dir", "desc").with(signedIn("viewer")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		var rows = LedgerSheets.read(body, 0);
		assertThat(rows).hasSize(3);
		assertThat(rows.get(1).get(0)).isEqualTo(prefix + "甲");
		mvc.perform(get("/projects/import-template.xlsx").with(signedIn("hualong"))).andExpect(status().isOk());
		mvc.perform(get("/projects/import/template.xlsx").with(signedIn("hualong"))).andExpect(status().isOk());
	}

	/** A real server, since only it enforces the multipart limit (MockMvc skips multipart parsing). */
	@Test
	void an_upload_over_20_mb_gets_a_clear_413_refusal_from_the_api_and_the_page() throws Exception {
		byte[] big = new byte[21 * 1024 * 1024];
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String base = "http://localhost:" + port;
		String boundary = "----zs" + System.nanoTime();

		var api = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/projects/import"))
			.header("Authorization", "Bearer " + token("hualong"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody(boundary, null, big)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(413);
		assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
			.startsWith("application/problem+json"));
		assertThat(api.body()).contains("文件超过 20 MB 的上限");

		String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		var signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=hualong&password=Demo%402026&_csrf="
					+ URLEncoder.encode(csrfToken(login), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(signIn.statusCode()).isEqualTo(302);
		String page = http.send(HttpRequest.newBuilder(URI.create(base + "/projects/import")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		// as a browser posts the import form: the CSRF field, then the file
		var upload = http.send(HttpRequest.newBuilder(URI.create(base + "/projects/import"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody(boundary, csrfToken(page), big)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(upload.statusCode()).isEqualTo(413);
		assertThat(upload.body()).contains("上传的文件太大：单个文件不能超过 20 MB。");
	}

	static String csrfToken(String html) {
		var m = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("page has a CSRF token").isTrue();
		return m.group(1);
	}

	static byte[] multipartBody(String boundary, String csrf, byte[] content) throws Exception {
		var out = new ByteArrayOutputStream();
		if (csrf != null) {
			out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n"
				+ "Content-Type: " + XLSX + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		out.write(content);
		out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}
}
