package cn.zhaoshang.audit;

import static cn.zhaoshang.support.Pages.as;
import static cn.zhaoshang.support.Pages.idOf;
import static cn.zhaoshang.support.Pages.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhaoshang.clue.ClueSource;
import cn.zhaoshang.clue.FollowUpKind;
import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.clue.internal.AssignClue;
import cn.zhaoshang.clue.internal.ClueDetails;
import cn.zhaoshang.clue.internal.ClueLookup;
import cn.zhaoshang.clue.internal.EditClue;
import cn.zhaoshang.clue.internal.FollowUpInput;
import cn.zhaoshang.clue.internal.LogClue;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.platform.i18n.UserLocaleResolver;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.internal.AttachToProject;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Histories read as people speak (issue 8): units, chains, enterprises and users by name, enum values translated in
 * the reader's language, every field labelled, the person's name beside the sign-in name, and the loopback address
 * as 127.0.0.1 — on the project page, the clue page and the administrators' audit search.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReadableHistoryTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	static final String IPV6_LOOPBACK = "0:0:0:0:0:0:0:1";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	AssignClue assignClue;

	@Autowired
	AttachToProject attachToProject;

	@Autowired
	ClueLookup clueLookup;

	@Autowired
	EditClue editClue;

	@Autowired
	LogClue logClue;

	@Autowired
	Merchants merchants;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	static RequestPostProcessor fromLoopback() {
		return request -> {
			request.setRemoteAddr(IPV6_LOOPBACK);
			return request;
		};
	}

	/** The page as the user reads it in the given language (the account's saved choice), or in Chinese. */
	String page(String url, String username, Locale locale) throws Exception {
		String tag = locale == null ? "zh-CN" : locale.toLanguageTag();
		jdbc.sql("UPDATE app_user SET locale = :l WHERE username = :u").param("l", tag).param("u", username).update();
		try {
			// the language button leaves the cookie too; the page reads the account's choice, the history (after the
			// page has opened a session) the cookie, as in a browser
			String html = mvc.perform(get(url).with(as(accounts, username))
				.cookie(new jakarta.servlet.http.Cookie(UserLocaleResolver.COOKIE, tag)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(html).contains("lang=\"" + (locale == null ? "zh-CN" : tag) + "\"");
			return html;
		}
		finally {
			jdbc.sql("UPDATE app_user SET locale = 'zh-CN' WHERE username = :u").param("u", username).update();
		}
	}

	/** "label：before → after" (or "label：after") of every change shown in the page's history section. */
	static List<String> changes(String html) {
		String history = Pages.from(html, "history");
		Matcher m = Pattern.compile("<span class=\"text-muted\">([^<]*)</span>\\s*"
				+ "(?:<span class=\"change-before\">([^<]*)</span> → )?<span class=\"change-after\">([^<]*)</span>")
			.matcher(history);
		List<String> result = new ArrayList<>();
		while (m.find()) {
			String label = m.group(1).endsWith(":") ? m.group(1) + " " : m.group(1);
			result.add(label + (m.group(2) == null ? "" : m.group(2) + " → ") + m.group(3));
		}
		return result;
	}

	// ------------------------------------------------------------------ project

	@Test
	void the_project_history_names_units_chains_people_and_files_and_translates_types_and_statuses() throws Exception {
		String name = unique("可读历史");
		long hualong = Demo.unit(jdbc, "hualong");
		long chemical = Demo.chain(jdbc, "chemical");
		var created = mvc.perform(post("/projects/new").with(as(accounts, "hualong.staff")).with(csrf())
			.with(fromLoopback())
			.param("name", name)
			.param("investorName", "濮阳可读历史新材料有限公司")
			.param("unitId", String.valueOf(hualong))
			.param("chainId", String.valueOf(Demo.chain(jdbc, "new-materials")))
			.param("type", "EXPANSION")
			.param("plannedInvestment", "1000"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		long id = idOf(created.getResponse().getRedirectedUrl());
		String base = "/projects/" + id;
		mvc.perform(post(base + "/edit").with(as(accounts, "hualong")).with(csrf())
			.param("version", "0")
			.param("name", name)
			.param("investorName", "濮阳可读历史新材料有限公司")
			.param("unitId", String.valueOf(hualong))
			.param("chainId", String.valueOf(chemical))
			.param("type", "NEW")
			.param("plannedInvestment", "1000")).andExpect(status().is3xxRedirection());
		mvc.perform(post(base + "/status").with(as(accounts, "hualong")).with(csrf())
			.param("toStatus", "ON_HOLD")
			.param("reason", "等待环评")).andExpect(status().is3xxRedirection());
		attachToProject.execute(id, "投资协议.pdf", PDF, "OTHER", null, Demo.signIn(accounts, "hualong"));
		SecurityContextHolder.clearContext();

		String html = page(base, "hualong", null);
		List<String> changes = changes(html);
		assertThat(changes).contains("落地单位：华龙区", "所属产业链：新材料 → 化工", "项目类型：增资扩产 → 新建",
				"项目状态：正常推进 → 暂缓", "文件名：投资协议.pdf", "文件大小：" + PDF.length + " B",
				"文件类型：application/pdf");
		assertThat(changes).anySatisfy(c -> assertThat(c).startsWith("所属项目：").contains(name));
		String history = Pages.from(html, "history");
		assertThat(history).contains("<span class=\"actor-name\">刘洋</span> <span class=\"actor-login text-muted small\">hualong.staff</span>")
			.contains("127.0.0.1")
			.doesNotContain(IPV6_LOOPBACK)
			.doesNotContain("EXPANSION")
			.doesNotContain("ON_HOLD")
			.doesNotContain("fileName")
			.doesNotContain("sizeBytes")
			.doesNotContain("contentType");
		assertThat(jdbc.sql("SELECT DISTINCT remote_addr FROM audit_entry WHERE record_type = 'project' AND record_id = :id")
			.param("id", String.valueOf(id))
			.query(String.class)
			.list()).as("stored as a client writes it").containsExactly("127.0.0.1");

		List<String> english = changes(page(base, "hualong", Locale.ENGLISH));
		assertThat(english).contains("Landing unit: 华龙区", "Industry chain: New materials → Chemical industry",
				"Project status: Active → On hold", "File name: 投资协议.pdf");

		String audit = page("/admin/audit?type=project&record=" + id, "admin", null);
		assertThat(audit).contains("所属产业链：").contains("新材料").contains("化工").contains(">刘洋<")
			.contains("127.0.0.1").doesNotContain(IPV6_LOOPBACK);
	}

	// ------------------------------------------------------------------ clue

	@Test
	void the_clue_history_names_the_enterprise_and_assignee_and_translates_source_and_status() throws Exception {
		var hualong = Demo.signIn(accounts, "hualong");
		var enterprise = merchants.findOrRegister(unique("濮阳可读线索") + "化工有限公司", null);
		long id = logClue.execute(new ClueDetails(unique("可读线索"), "某企业", null, Demo.chain(jdbc, "new-materials"),
				null, new BigDecimal("500"), PromotionMode.CAPITAL, ClueSource.CONSULTANT, null, "顾问",
				Demo.unit(jdbc, "hualong"), null, null, null), hualong).id().value();
		var clue = clueLookup.readable(id, hualong);
		editClue.execute(id, new ClueDetails(clue.title(), enterprise.name(), enterprise.id().value(),
				Demo.chain(jdbc, "chemical"), null, new BigDecimal("500"), PromotionMode.CAPITAL, ClueSource.EVENT,
				null, "顾问", Demo.unit(jdbc, "hualong"), null, null, clue.version()), hualong);
		assignClue.execute(id, Demo.unit(jdbc, "hualong"), Demo.user(jdbc, "hualong.staff"), null, hualong);
		SecurityContextHolder.clearContext();
		mvc.perform(post("/clues/" + id + "/follow-ups").with(as(accounts, "hualong.staff")).with(csrf())
			.with(fromLoopback())
			.param("followUpDate", LocalDate.now().toString())
			.param("followUpKind", FollowUpKind.VISIT.name())
			.param("content", "到企业走访"))
			.andExpect(status().is3xxRedirection());

		String html = page("/clues/" + id, "hualong", null);
		List<String> changes = changes(html);
		assertThat(changes).contains("线索来源：推荐顾问 → 招商活动".replace("推荐顾问", label("clueSource.CONSULTANT")),
				"所属产业链：新材料 → 化工", "关联客商：" + enterprise.name(), "承办人：刘洋", "承办单位：华龙区",
				"线索状态：新线索 → 跟进中".replace("新线索", label("clueStatus.NEW")));
		String history = Pages.from(html, "history");
		assertThat(history).doesNotContain("EVENT").doesNotContain("FOLLOWING").doesNotContain(IPV6_LOOPBACK)
			.contains("127.0.0.1")
			.contains("<span class=\"actor-name\">刘洋</span> <span class=\"actor-login text-muted small\">hualong.staff</span>");
		// the first hand-over to a person within the unit is 指派, and names no origin
		assertThat(Pages.from(html, "assignments")).contains("指派").doesNotContain("改派").doesNotContain("自 华龙区");

		List<String> english = changes(page("/clues/" + id, "hualong", Locale.ENGLISH));
		assertThat(english).contains("Source: Consultant → Event", "Clue status: New → Following up");
	}

	@Test
	void an_address_stored_before_as_the_ipv6_loopback_reads_as_127_0_0_1() throws Exception {
		String record = unique("old-login-");
		jdbc.sql("""
				INSERT INTO audit_entry (occurred_at, actor, remote_addr, record_type, record_id, action)
				VALUES (:at, 'hualong.staff', :addr, 'login', :rid, 'LOGIN_FAILED')""")
			.param("at", OffsetDateTime.now(ZoneOffset.UTC))
			.param("addr", IPV6_LOOPBACK)
			.param("rid", record)
			.update();
		String html = page("/admin/audit?type=login&record=" + record, "admin", null);
		assertThat(Pages.table(html, "audit-table")).contains("127.0.0.1").doesNotContain(IPV6_LOOPBACK)
			.contains("<span class=\"actor-name\">刘洋</span>");
	}

	@Test
	void every_field_the_trail_has_stored_has_a_label_in_both_languages() throws Exception {
		// at least a project with a file and a clue with an assignment, besides what other tests stored
		var hualong = Demo.signIn(accounts, "hualong");
		long id = logClue.execute(new ClueDetails(unique("标签"), "某企业", null, Demo.chain(jdbc, "chemical"), null, null,
				null, ClueSource.OTHER, null, null, Demo.unit(jdbc, "hualong"), null, null, null), hualong).id().value();
		assignClue.execute(id, Demo.unit(jdbc, "hualong"), Demo.user(jdbc, "hualong.staff"), null, hualong);
		long project = jdbc.sql("SELECT MIN(id) FROM project").query(Long.class).single();
		attachToProject.execute(project, "标签.pdf", PDF, "OTHER", null, Demo.signIn(accounts, "admin"));
		SecurityContextHolder.clearContext();

		var keys = new java.util.TreeSet<String>();
		for (var row : jdbc.sql("SELECT record_type, before_json, after_json FROM audit_entry").query().listOfRows()) {
			for (String column : List.of("before_json", "after_json")) {
				Object text = row.get(column);
				if (text != null) {
					json.readValue(text.toString(), java.util.Map.class)
						.keySet()
						.forEach(k -> keys.add(row.get("record_type") + " " + k));
				}
			}
		}
		assertThat(keys).contains("attachment fileName", "attachment sizeBytes", "clue assigneeId", "clue source");
		List<String> missing = new ArrayList<>();
		for (String typeAndKey : keys) {
			String type = typeAndKey.substring(0, typeAndKey.indexOf(' '));
			String key = typeAndKey.substring(type.length() + 1);
			for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
				if (messages.getMessage("field." + type + "." + key, null, null, locale) == null
						&& messages.getMessage("field." + key, null, null, locale) == null) {
					missing.add(typeAndKey + " (" + locale + ")");
				}
			}
		}
		assertThat(missing).as("audit fields without a label").isEmpty();
	}

	@Autowired
	tools.jackson.databind.json.JsonMapper json;

	@Autowired
	org.springframework.context.MessageSource messages;

	String label(String key) {
		return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
	}
}
