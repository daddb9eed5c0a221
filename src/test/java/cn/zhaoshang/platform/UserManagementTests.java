package cn.zhaoshang.platform;

import static cn.zhaoshang.support.Pages.all;
import static cn.zhaoshang.support.Pages.idOf;
import static cn.zhaoshang.support.Pages.table;
import static cn.zhaoshang.support.Pages.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Administrators manage accounts: creation under the password policy, safe edits, deactivation, unlocking, search;
 * every write lands in the audit trail without the password hash.
 */
@SpringBootTest
@AutoConfigureMockMvc
class UserManagementTests {

	static final String PASSWORD = "Good@2026x";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	AccountUserDetailsService accounts;

	RequestPostProcessor as(String username) {
		return Pages.as(accounts, username);
	}

	long unitId(String code) {
		return jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", code).query(Long.class).single();
	}

	Map<String, Object> userRow(long id) {
		return jdbc.sql("""
				SELECT username, password_hash, display_name, role, unit_id, email, enabled, locked_until,
				       failed_attempts, version
				FROM app_user WHERE id = :id""").param("id", id).query().singleRow();
	}

	long usersNamed(String username) {
		return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :u").param("u", username).query(Long.class)
			.single();
	}

	List<Map<String, Object>> audit(long userId) {
		return jdbc.sql("""
				SELECT actor, action, before_json, after_json FROM audit_entry
				WHERE record_type = 'user' AND record_id = :id ORDER BY id""")
			.param("id", String.valueOf(userId))
			.query()
			.listOfRows();
	}

	static MockHttpServletRequestBuilder userForm(String url, String username, String role, Object unitId,
			String password) {
		return post(url).param("username", username)
			.param("displayName", "测试用户")
			.param("role", role)
			.param("unitId", unitId == null ? "" : unitId.toString())
			.param("email", "")
			.param("phone", "")
			.param("locale", "zh-CN")
			.param("password", password)
			.with(csrf());
	}

	long create(String username, String role, String unitCode) throws Exception {
		var result = mvc
			.perform(userForm("/admin/users/new", username, role, unitCode == null ? null : unitId(unitCode), PASSWORD)
				.with(as("admin")))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		return idOf(result.getResponse().getRedirectedUrl());
	}

	String page(String url) throws Exception {
		return mvc.perform(get(url).with(as("admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	String refused(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as("admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** Signs in through the real form; returns where the browser is sent. */
	String signIn(String username, String password) throws Exception {
		return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	// ------------------------------------------------------------------ create

	@Test
	void admin_creates_a_user_who_can_then_sign_in() throws Exception {
		String username = unique("u.new");
		long id = create(username, "UNIT_STAFF", "hualong");
		var row = userRow(id);
		assertThat(row).containsEntry("username", username)
			.containsEntry("role", "UNIT_STAFF")
			.containsEntry("unit_id", unitId("hualong"))
			.containsEntry("enabled", true);
		assertThat((String) row.get("password_hash")).startsWith("{bcrypt}").doesNotContain(PASSWORD);
		assertThat(signIn(username, PASSWORD)).isEqualTo("/");
		assertThat(signIn(username, "Wrong@2026")).isEqualTo("/login?error=bad");
	}

	@Test
	void an_administrator_needs_no_unit() throws Exception {
		String username = unique("u.adm");
		long id = create(username, "ADMIN", null);
		assertThat(userRow(id)).containsEntry("role", "ADMIN").containsEntry("unit_id", null);
	}

	@Test
	void passwords_that_break_the_policy_are_refused() throws Exception {
		String username = unique("u.pw");
		Map<String, String> refusals = Map.of("", "密码：至少需要 8 个字符", "Ab1", "密码：至少需要 8 个字符", "abcdefgh",
				"密码：必须同时包含字母和数字或符号", "12345678", "密码：必须同时包含字母和数字或符号", "A1" + "b".repeat(71),
				"密码：不能超过 72 个字符");
		refusals.forEach((password, message) -> {
			try {
				String html = refused(userForm("/admin/users/new", username, "UNIT_STAFF", unitId("hualong"), password));
				assertThat(html).as("password '%s'", password).contains(message);
			}
			catch (Exception e) {
				throw new AssertionError(e);
			}
		});
		assertThat(usersNamed(username)).isZero();
	}

	@Test
	void an_empty_new_user_form_shows_every_problem_in_one_round() throws Exception {
		// Form annotations (name) and account rules (unit, password) are reported together, not one after the other.
		String html = refused(userForm("/admin/users/new", "", "UNIT_STAFF", "", ""));
		assertThat(html).contains("用户名：不能为空", "所属单位：除系统管理员外必须选择所属单位", "密码：至少需要 8 个字符");
	}

	@Test
	void a_taken_user_name_is_refused() throws Exception {
		String html = refused(userForm("/admin/users/new", "hualong", "UNIT_STAFF", unitId("qingfeng"), PASSWORD));
		assertThat(html).contains("用户名：该用户名已被使用");
		assertThat(usersNamed("hualong")).isOne();
		assertThat(userRow(accounts.loadUserByUsername("hualong").id().value())).containsEntry("unit_id",
				unitId("hualong"));
	}

	@Test
	void a_user_name_with_spaces_or_chinese_is_refused() throws Exception {
		assertThat(refused(userForm("/admin/users/new", "bad name", "VIEWER", unitId("city"), PASSWORD)))
			.contains("用户名：只能包含字母、数字、点、下划线和连字符");
		assertThat(refused(userForm("/admin/users/new", "张三丰", "VIEWER", unitId("city"), PASSWORD)))
			.contains("用户名：只能包含字母、数字、点、下划线和连字符");
		assertThat(usersNamed("bad name") + usersNamed("张三丰")).isZero();
	}

	@Test
	void every_role_but_administrator_needs_a_unit() throws Exception {
		String username = unique("u.nounit");
		String html = refused(userForm("/admin/users/new", username, "UNIT_MANAGER", null, PASSWORD));
		assertThat(html).contains("所属单位：除系统管理员外必须选择所属单位");
		assertThat(html).containsPattern("class=\"form-select is-invalid\" id=\"unitId\"");
		assertThat(usersNamed(username)).isZero();
	}

	@Test
	void only_administrators_manage_users() throws Exception {
		for (String user : List.of("city", "hualong", "viewer")) {
			mvc.perform(get("/admin/users").with(as(user))).andExpect(status().isForbidden());
		}
		String username = unique("u.sneak");
		mvc.perform(userForm("/admin/users/new", username, "ADMIN", null, PASSWORD).with(as("hualong")))
			.andExpect(status().isForbidden());
		assertThat(usersNamed(username)).isZero();
	}

	// ------------------------------------------------------------------ edit

	@Test
	void an_edit_with_a_stale_version_is_a_conflict_and_overwrites_nothing() throws Exception {
		String username = unique("u.edit");
		long id = create(username, "UNIT_STAFF", "hualong");
		mvc.perform(userForm("/admin/users/" + id + "/edit", username, "UNIT_MANAGER", unitId("hualong"), "")
			.param("version", "0")
			.with(as("admin"))).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/users/" + id));
		String html = mvc
			.perform(userForm("/admin/users/" + id + "/edit", username, "VIEWER", unitId("qingfeng"), "")
				.param("version", "0")
				.with(as("admin")))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("该记录已被他人修改");
		assertThat(userRow(id)).containsEntry("role", "UNIT_MANAGER")
			.containsEntry("unit_id", unitId("hualong"))
			.containsEntry("version", 1);
	}

	@Test
	void an_edit_keeps_the_password_unless_a_new_one_is_given() throws Exception {
		String username = unique("u.pwd");
		long id = create(username, "VIEWER", "city");
		String hash = (String) userRow(id).get("password_hash");
		mvc.perform(userForm("/admin/users/" + id + "/edit", username, "VIEWER", unitId("city"), "")
			.param("version", "0")
			.with(as("admin"))).andExpect(status().is3xxRedirection());
		assertThat(userRow(id)).containsEntry("password_hash", hash);

		String html = refused(
				userForm("/admin/users/" + id + "/edit", username, "VIEWER", unitId("city"), "short").param("version",
						"1"));
		assertThat(html).contains("密码：至少需要 8 个字符");
		assertThat(userRow(id)).containsEntry("password_hash", hash);

		mvc.perform(userForm("/admin/users/" + id + "/edit", username, "VIEWER", unitId("city"), "Reset#2026")
			.param("version", "1")
			.with(as("admin"))).andExpect(status().is3xxRedirection());
		assertThat(signIn(username, "Reset#2026")).isEqualTo("/");
		assertThat(signIn(username, PASSWORD)).isEqualTo("/login?error=bad");

		// the reset shows in the trail (as a date), the password itself does not
		JsonNode after = json.readTree((String) audit(id).stream()
			.filter(r -> "UPDATE".equals(r.get("action")))
			.reduce((a, b) -> b)
			.orElseThrow()
			.get("after_json"));
		assertThat(after.has("passwordChangedAt")).isTrue();
	}

	@Test
	void the_user_name_cannot_be_changed_by_an_edit() throws Exception {
		String username = unique("u.keep");
		long id = create(username, "VIEWER", "city");
		mvc.perform(userForm("/admin/users/" + id + "/edit", "renamed" + username, "VIEWER", unitId("city"), "")
			.param("version", "0")
			.with(as("admin"))).andExpect(status().is3xxRedirection());
		assertThat(userRow(id)).containsEntry("username", username);
	}

	// ------------------------------------------------------------------ deactivate, unlock

	@Test
	void a_deactivated_user_cannot_sign_in_until_activated_again() throws Exception {
		String username = unique("u.off");
		long id = create(username, "UNIT_STAFF", "qingfeng");
		mvc.perform(post("/admin/users/" + id + "/deactivate").param("version", "0").with(csrf()).with(as("admin")))
			.andExpect(redirectedUrl("/admin/users/" + id));
		assertThat(userRow(id)).containsEntry("enabled", false);
		assertThat(signIn(username, PASSWORD)).isEqualTo("/login?error=disabled");

		mvc.perform(post("/admin/users/" + id + "/activate").param("version", "1").with(csrf()).with(as("admin")))
			.andExpect(status().is3xxRedirection());
		assertThat(signIn(username, PASSWORD)).isEqualTo("/");

		var actions = audit(id).stream().map(r -> r.get("action")).toList();
		assertThat(actions).containsSubsequence("CREATE", "DEACTIVATE", "ACTIVATE", "LOGIN");
		// the refused attempt changed nothing on the account, so it is recorded as a sign-in event
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_entry
				WHERE record_type = 'login' AND record_id = :u AND action = 'LOGIN_REFUSED_DISABLED'""")
			.param("u", username)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void deactivating_a_user_ends_their_open_sessions() throws Exception {
		String username = unique("u.sess");
		long id = create(username, "UNIT_STAFF", "hualong");
		var signedIn = mvc
			.perform(post("/login").param("username", username).param("password", PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		Cookie session = signedIn.getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();
		mvc.perform(get("/").cookie(session)).andExpect(status().isOk());

		mvc.perform(post("/admin/users/" + id + "/deactivate").param("version", "0").with(csrf()).with(as("admin")))
			.andExpect(status().is3xxRedirection());

		mvc.perform(get("/").cookie(session)).andExpect(status().is3xxRedirection());
	}

	@Test
	void changing_a_users_role_ends_their_open_sessions() throws Exception {
		String username = unique("u.role");
		long id = create(username, "UNIT_MANAGER", "hualong");
		Cookie session = mvc.perform(post("/login").param("username", username).param("password", PASSWORD)
			.with(csrf())).andReturn().getResponse().getCookie("SESSION");
		mvc.perform(get("/org/people/new").cookie(session)).andExpect(status().isOk());

		mvc.perform(userForm("/admin/users/" + id + "/edit", username, "VIEWER", unitId("hualong"), "")
			.param("version", "0")
			.with(as("admin"))).andExpect(status().is3xxRedirection());

		// the old session no longer carries the manager's rights
		mvc.perform(get("/org/people/new").cookie(session)).andExpect(status().is3xxRedirection());
	}

	@Test
	void a_locked_user_is_unlocked_by_an_administrator() throws Exception {
		String username = unique("u.lock");
		long id = create(username, "UNIT_STAFF", "hualong");
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(username, "Wrong@2026")).isEqualTo("/login?error=bad");
		}
		assertThat(userRow(id).get("locked_until")).isNotNull();
		assertThat(signIn(username, PASSWORD)).isEqualTo("/login?error=locked");
		assertThat(page("/admin/users/" + id)).contains("/admin/users/" + id + "/unlock").contains("已锁定");

		mvc.perform(post("/admin/users/" + id + "/unlock").with(csrf()).with(as("admin")))
			.andExpect(redirectedUrl("/admin/users/" + id));
		assertThat(userRow(id)).containsEntry("locked_until", null).containsEntry("failed_attempts", 0);
		assertThat(signIn(username, PASSWORD)).isEqualTo("/");

		var unlock = audit(id).stream().filter(r -> "UNLOCK".equals(r.get("action"))).findFirst().orElseThrow();
		assertThat(unlock.get("actor")).isEqualTo("admin");
		JsonNode lockedBefore = json.readTree((String) unlock.get("before_json")).get("lockedUntil");
		JsonNode lockedAfter = json.readTree((String) unlock.get("after_json")).get("lockedUntil");
		assertThat(lockedBefore).isNotNull();
		assertThat(lockedBefore.isNull()).isFalse();
		assertThat(lockedAfter == null || lockedAfter.isNull()).isTrue();
	}

	// ------------------------------------------------------------------ audit of every write

	@Test
	void every_write_is_audited_by_admin_with_before_and_after_and_never_the_password_hash() throws Exception {
		String username = unique("u.audit");
		long id = create(username, "UNIT_STAFF", "hualong");
		mvc.perform(userForm("/admin/users/" + id + "/edit", username, "UNIT_MANAGER", unitId("hualong"), "New#Pass2026")
			.param("version", "0")
			.with(as("admin"))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/admin/users/" + id + "/deactivate").param("version", "1").with(csrf()).with(as("admin")))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/admin/users/" + id + "/activate").param("version", "2").with(csrf()).with(as("admin")))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/admin/users/" + id + "/unlock").with(csrf()).with(as("admin")))
			.andExpect(status().is3xxRedirection());

		var entries = audit(id);
		assertThat(entries).extracting(r -> r.get("action"))
			.containsExactly("CREATE", "UPDATE", "DEACTIVATE", "ACTIVATE", "UNLOCK");
		assertThat(entries).extracting(r -> r.get("actor")).containsOnly("admin");
		for (var entry : entries) {
			assertThat(entry.get("after_json")).as("after of %s", entry.get("action")).isNotNull();
			if (!"CREATE".equals(entry.get("action"))) {
				assertThat(entry.get("before_json")).as("before of %s", entry.get("action")).isNotNull();
			}
		}
		JsonNode before = json.readTree((String) entries.get(1).get("before_json"));
		JsonNode after = json.readTree((String) entries.get(1).get("after_json"));
		assertThat(before.get("role").asString()).isEqualTo("UNIT_STAFF");
		assertThat(after.get("role").asString()).isEqualTo("UNIT_MANAGER");
		assertThat(json.readTree((String) entries.get(2).get("after_json")).get("enabled").asBoolean()).isFalse();

		String hash = (String) userRow(id).get("password_hash");
		String everything = jdbc.sql("SELECT before_json, after_json, summary FROM audit_entry WHERE record_id = :id")
			.param("id", String.valueOf(id))
			.query()
			.listOfRows()
			.toString();
		assertThat(everything).doesNotContain(hash)
			.doesNotContain("{bcrypt}")
			.doesNotContain("$2a$")
			.doesNotContain(PASSWORD)
			.doesNotContain("New#Pass2026")
			.doesNotContainIgnoringCase("passwordHash");
	}

	@Test
	void the_user_page_shows_the_history() throws Exception {
		String username = unique("u.hist");
		long id = create(username, "UNIT_STAFF", "hualong");
		mvc.perform(post("/admin/users/" + id + "/deactivate").param("version", "0").with(csrf()).with(as("admin")))
			.andExpect(status().is3xxRedirection());
		String history = Pages.from(page("/admin/users/" + id), "history");
		assertThat(all(history, "<td>(新建|修改|停用|启用)</td>")).containsExactly("停用", "新建");
		assertThat(history).contains("admin").contains(username);
	}

	// ------------------------------------------------------------------ list

	List<String> listed(String html) {
		return all(table(html, "user-table"), "<a href=\"/admin/users/\\d+\">([^<]+)</a>");
	}

	@Test
	void the_list_filters_by_role_unit_status_and_searches() throws Exception {
		List<String> managers = listed(page("/admin/users?role=UNIT_MANAGER"));
		assertThat(managers).contains("hualong", "qingfeng").doesNotContain("admin", "hualong.staff", "viewer");
		List<String> expected = jdbc.sql("SELECT username FROM app_user WHERE role = 'UNIT_MANAGER'")
			.query(String.class)
			.list();
		assertThat(managers).containsExactlyInAnyOrderElementsOf(expected);

		List<String> ofHualong = listed(page("/admin/users?unit=" + unitId("hualong")));
		assertThat(ofHualong).contains("hualong", "hualong.staff").doesNotContain("qingfeng", "admin");

		assertThat(listed(page("/admin/users?role=UNIT_STAFF&unit=" + unitId("hualong")))).contains("hualong.staff")
			.doesNotContain("hualong");

		assertThat(listed(page("/admin/users?q=qingf"))).containsExactly("qingfeng");
		assertThat(listed(page("/admin/users?q=观察员"))).containsExactly("viewer");

		String username = unique("u.gone");
		long id = create(username, "VIEWER", "city");
		mvc.perform(post("/admin/users/" + id + "/deactivate").param("version", "0").with(csrf()).with(as("admin")))
			.andExpect(status().is3xxRedirection());
		assertThat(listed(page("/admin/users?status=inactive"))).contains(username).doesNotContain("admin");
		assertThat(listed(page("/admin/users?status=active"))).doesNotContain(username).contains("admin");
	}

	@Test
	void the_list_sorts_by_role() throws Exception {
		List<String> users = listed(page("/admin/users?sort=role"));
		assertThat(users).hasSizeGreaterThan(5).startsWith("admin");
		List<Integer> roles = users.stream()
			.map(u -> accounts.loadUserByUsername(u).role().ordinal())
			.toList();
		assertThat(roles).isSorted();
		// within a role by user name
		List<String> managers = users.stream()
			.filter(u -> accounts.loadUserByUsername(u).role() == Role.UNIT_MANAGER)
			.toList();
		assertThat(managers).isSorted();
	}
}
