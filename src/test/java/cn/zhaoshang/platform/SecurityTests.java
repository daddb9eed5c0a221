package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import cn.zhaoshang.platform.user.AccountUserDetailsService;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Sign-in, lockout, sessions, CSRF, security headers and the own password, end to end through the real filter
 * chain, the JDBC-stored session and the database. Every test that changes an account works on an account of its
 * own, so the tests do not depend on each other or on their order.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityTests {

	private static final String PASSWORD = "Demo@2026";
	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">");
	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountUserDetailsService accounts;

	// --- form sign-in -------------------------------------------------------------------------------------------

	@Test
	void signing_in_with_the_right_password_redirects_to_the_home_page() throws Exception {
		String username = newUser("UNIT_STAFF", "hualong", true);

		var result = mvc.perform(post("/login").param("username", username).param("password", PASSWORD).with(csrf()))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(lastLoginAt(username)).isNotNull();
	}

	@Test
	void a_wrong_password_returns_to_the_sign_in_page_with_the_reason_in_chinese() throws Exception {
		String username = newUser("UNIT_STAFF", "hualong", true);

		var result = signInAttempt(username, "Wrong@2026");

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error=bad");
		assertThat(page("/login?error=bad")).contains("id=\"login-error\"").contains("用户名或密码错误。");
	}

	@Test
	void an_unknown_user_gets_the_same_answer_as_a_wrong_password() throws Exception {
		var result = signInAttempt("nobody-" + SEQUENCE.incrementAndGet(), PASSWORD);

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error=bad");
	}

	@Test
	void five_failed_sign_ins_lock_the_account_for_15_minutes() throws Exception {
		String username = newUser("UNIT_STAFF", "hualong", true);

		for (int i = 1; i <= 5; i++) {
			assertThat(signInAttempt(username, "Wrong@2026").getResponse().getRedirectedUrl())
				.as("failed attempt %d", i)
				.isEqualTo("/login?error=bad");
		}
		Instant lockedUntil = lockedUntil(username);
		var sixth = signInAttempt(username, PASSWORD);

		assertThat(lockedUntil).isCloseTo(Instant.now().plus(15, ChronoUnit.MINUTES), within(1, ChronoUnit.MINUTES));
		assertThat(sixth.getResponse().getRedirectedUrl()).as("the right password is refused while locked")
			.isEqualTo("/login?error=locked");
		assertThat(page("/login?error=locked")).contains("账号已锁定 15 分钟");
		assertThat(lastLoginAt(username)).isNull();
	}

	@Test
	void four_failed_sign_ins_do_not_lock_and_a_success_resets_the_count() throws Exception {
		String username = newUser("UNIT_STAFF", "hualong", true);

		for (int i = 1; i <= 4; i++) {
			signInAttempt(username, "Wrong@2026");
		}
		var fifth = signInAttempt(username, PASSWORD);

		assertThat(fifth.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(lockedUntil(username)).isNull();
		assertThat(failedAttempts(username)).isZero();
	}

	@Test
	void the_lock_expires_and_then_the_right_password_signs_in() throws Exception {
		String username = newUser("UNIT_STAFF", "hualong", true);
		for (int i = 1; i <= 5; i++) {
			signInAttempt(username, "Wrong@2026");
		}
		assertThat(signInAttempt(username, PASSWORD).getResponse().getRedirectedUrl())
			.isEqualTo("/login?error=locked");

		jdbc.sql("UPDATE app_user SET locked_until = :past WHERE username = :u")
			.param("past", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
			.param("u", username)
			.update();
		var afterExpiry = signInAttempt(username, PASSWORD);

		assertThat(afterExpiry.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(lockedUntil(username)).isNull();
		assertThat(failedAttempts(username)).isZero();
	}

	@Test
	void failed_sign_ins_and_the_lock_are_audited() throws Exception {
		String username = newUser("UNIT_STAFF", "hualong", true);
		long id = userId(username);

		for (int i = 1; i <= 5; i++) {
			signInAttempt(username, "Wrong@2026");
		}
		signInAttempt(username, PASSWORD);

		assertThat(auditCount("user", String.valueOf(id), "LOGIN_FAILED")).isEqualTo(5);
		assertThat(auditCount("user", String.valueOf(id), "LOCKED")).isEqualTo(1);
		assertThat(auditCount("login", username, "LOGIN_REFUSED_LOCKED")).isEqualTo(1);
		assertThat(auditCount("user", String.valueOf(id), "LOGIN")).isZero();
	}

	@Test
	void an_unknown_name_is_locked_after_five_failures_exactly_like_a_real_account() throws Exception {
		String unknown = "nobody-" + SEQUENCE.incrementAndGet();
		String real = newUser("UNIT_STAFF", "hualong", true);

		for (String name : new String[] { unknown, real }) {
			for (int i = 1; i <= 5; i++) {
				assertThat(signInAttempt(name, "Wrong@2026").getResponse().getRedirectedUrl())
					.as("%s, failed attempt %d", name, i)
					.isEqualTo("/login?error=bad");
			}
			assertThat(signInAttempt(name, PASSWORD).getResponse().getRedirectedUrl()).as(name)
				.isEqualTo("/login?error=locked");
		}
		String unknownAnswer = tokenRefusal(unknown);
		assertThat(unknownAnswer).contains("15 分钟").isEqualTo(tokenRefusal(real));
		assertThat(count("SELECT COUNT(*) FROM sign_in_failure WHERE name_hash = '" + unknown + "'"))
			.as("names are kept only as hashes")
			.isZero();
	}

	@Test
	void a_deactivated_account_with_a_wrong_password_gets_the_wrong_password_answer() throws Exception {
		String username = newUser("UNIT_STAFF", "hualong", false);

		var result = signInAttempt(username, "Wrong@2026");

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error=bad");
	}

	@Test
	void a_deactivated_account_is_refused_even_with_the_right_password() throws Exception {
		String username = newUser("UNIT_STAFF", "hualong", false);

		var result = signInAttempt(username, PASSWORD);

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error=disabled");
		assertThat(page("/login?error=disabled")).contains("该账号已停用");
		assertThat(lastLoginAt(username)).isNull();
	}

	// --- CSRF, sessions, headers --------------------------------------------------------------------------------

	@Test
	void a_form_post_without_csrf_token_is_forbidden() throws Exception {
		String username = "csrf-" + SEQUENCE.incrementAndGet();

		var response = mvc.perform(post("/admin/users/new").with(user(accounts.loadUserByUsername("admin")))
			.param("username", username)
			.param("displayName", "CSRF")
			.param("role", "VIEWER")
			.param("unitId", String.valueOf(unitId("city")))
			.param("locale", "zh-CN")
			.param("password", "Strong@2026")).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(count("SELECT COUNT(*) FROM app_user WHERE username = '" + username + "'")).isZero();
	}

	@Test
	void a_form_post_with_a_forged_csrf_token_is_forbidden() throws Exception {
		var response = mvc.perform(post("/admin/users/new").with(user(accounts.loadUserByUsername("admin")))
			.with(csrf().useInvalidToken())
			.param("username", "forged")).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(403);
	}

	@Test
	void signing_in_gives_the_browser_a_new_session_id_and_the_old_one_stays_anonymous() throws Exception {
		String username = newUser("UNIT_STAFF", "hualong", true);
		MvcResult loginPage = mvc.perform(get("/login")).andReturn();
		String before = sessionCookie(loginPage.getResponse());
		assertThat(before).as("the sign-in page starts a session for its CSRF token").isNotNull();

		var signIn = mvc.perform(post("/login").cookie(new Cookie("SESSION", before))
			.param("username", username)
			.param("password", PASSWORD)
			.param("_csrf", csrfToken(loginPage))).andReturn();
		String after = sessionCookie(signIn.getResponse());

		assertThat(signIn.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(after).isNotNull().isNotEqualTo(before);
		assertThat(mvc.perform(get("/").cookie(new Cookie("SESSION", after))).andReturn().getResponse().getStatus())
			.as("the new session is signed in")
			.isEqualTo(200);
		assertThat(mvc.perform(get("/").cookie(new Cookie("SESSION", before))).andReturn().getResponse()
			.getRedirectedUrl()).as("the pre-sign-in session id grants nothing")
			.endsWith("/login");
	}

	@Test
	void sessions_are_stored_in_the_database_for_every_node() throws Exception {
		String username = newUser("UNIT_STAFF", "hualong", true);

		signInWithSession(username);

		assertThat(count("SELECT COUNT(*) FROM spring_session WHERE principal_name = '" + username + "'"))
			.isEqualTo(1);
	}

	@Test
	void signing_out_invalidates_the_session() throws Exception {
		String username = newUser("UNIT_STAFF", "hualong", true);
		String session = signInWithSession(username);
		MvcResult home = mvc.perform(get("/").cookie(new Cookie("SESSION", session))).andReturn();
		assertThat(home.getResponse().getStatus()).isEqualTo(200);

		var logout = mvc.perform(post("/logout").cookie(new Cookie("SESSION", session))
			.param("_csrf", csrfToken(home))).andReturn();

		assertThat(logout.getResponse().getRedirectedUrl()).isEqualTo("/login?logout");
		assertThat(mvc.perform(get("/").cookie(new Cookie("SESSION", session))).andReturn().getResponse()
			.getRedirectedUrl()).endsWith("/login");
		assertThat(count("SELECT COUNT(*) FROM spring_session WHERE principal_name = '" + username + "'")).isZero();
		// a browser sends "?logout" as an empty parameter; MockMvc needs the "=" to do the same
		assertThat(page("/login?logout=")).contains("您已安全退出。");
	}

	@Test
	void pages_send_a_strict_content_security_policy_and_anti_framing_headers() throws Exception {
		for (var response : new MockHttpServletResponse[] { mvc.perform(get("/login")).andReturn().getResponse(),
				mvc.perform(get("/").with(user(accounts.loadUserByUsername("city")))).andReturn().getResponse() }) {
			String csp = response.getHeader("Content-Security-Policy");
			assertThat(csp).isNotNull();
			String scriptSrc = Arrays.stream(csp.split(";"))
				.map(String::trim)
				.filter(d -> d.startsWith("script-src"))
				.findFirst()
				.orElseGet(() -> Arrays.stream(csp.split(";"))
					.map(String::trim)
					.filter(d -> d.startsWith("default-src"))
					.findFirst()
					.orElseThrow());
			assertThat(scriptSrc).contains("'self'").doesNotContain("'unsafe-inline'").doesNotContain("'unsafe-eval'");
			assertThat(csp).contains("frame-ancestors 'none'").contains("object-src 'none'");
			assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
			assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		}
	}

	@Test
	void pages_contain_no_inline_scripts_the_policy_would_block() throws Exception {
		String html = mvc.perform(get("/").with(user(accounts.loadUserByUsername("admin")))).andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("<script src=");
		assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>").matcher(html).find()).as("inline <script>")
			.isFalse();
		assertThat(Pattern.compile("\\son[a-z]+=\"").matcher(html).find()).as("inline event handler").isFalse();
	}

	@Test
	void an_anonymous_page_request_redirects_to_the_sign_in_page() throws Exception {
		for (String path : new String[] { "/", "/org/units", "/admin/users", "/account/password" }) {
			var response = mvc.perform(get(path)).andReturn().getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(302);
			assertThat(response.getRedirectedUrl()).as(path).endsWith("/login");
		}
	}

	@Test
	void passwords_are_stored_only_as_bcrypt_hashes() throws Exception {
		String username = "hashed-" + SEQUENCE.incrementAndGet();
		mvc.perform(post("/admin/users/new").with(user(accounts.loadUserByUsername("admin")))
			.with(csrf())
			.param("username", username)
			.param("displayName", "哈希")
			.param("role", "VIEWER")
			.param("unitId", String.valueOf(unitId("city")))
			.param("locale", "zh-CN")
			.param("password", "Hashed@2026")).andReturn();

		assertThat(jdbc.sql("SELECT password_hash FROM app_user WHERE username = :u")
			.param("u", username)
			.query(String.class)
			.single()).startsWith("{bcrypt}$2").doesNotContain("Hashed@2026");
		assertThat(jdbc.sql("SELECT password_hash FROM app_user").query(String.class).list()).isNotEmpty()
			.allSatisfy(hash -> assertThat(hash).startsWith("{bcrypt}$2"));
	}

	@Test
	void the_language_switch_redirects_only_back_into_the_application() throws Exception {
		assertThat(languageRedirect("http://localhost/org/units?page=2")).isEqualTo("/org/units?page=2");
		assertThat(languageRedirect("https://evil.example/phish")).isEqualTo("/");
		assertThat(languageRedirect("http://localhost//evil.example/phish")).as("protocol-relative path")
			.doesNotStartWith("//")
			.doesNotContain("evil.example");
		assertThat(languageRedirect(null)).isEqualTo("/");
	}

	@Test
	void text_entered_by_users_is_escaped_on_pages() throws Exception {
		String name = "<script>alert(" + SEQUENCE.incrementAndGet() + ")</script>";
		var created = mvc.perform(post("/org/people/new").with(user(accounts.loadUserByUsername("admin")))
			.with(csrf())
			.param("unitId", String.valueOf(unitId("hualong")))
			.param("name", name)
			.param("kind", "STAFF")
			.param("title", "\"><img src=x onerror=alert(1)>")).andReturn().getResponse();
		assertThat(created.getStatus()).isEqualTo(302);

		String html = mvc.perform(get(created.getRedirectedUrl()).with(user(accounts.loadUserByUsername("viewer"))))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("&lt;script&gt;alert(").doesNotContain(name).doesNotContain("<img src=x");
	}

	// --- own password -------------------------------------------------------------------------------------------

	@Test
	void a_new_password_that_is_too_short_is_refused() throws Exception {
		assertPasswordChangeRefused(PASSWORD, "Ab1@", "Ab1@", "新密码：至少需要 8 个字符");
	}

	@Test
	void a_new_password_without_a_digit_or_symbol_is_refused() throws Exception {
		assertPasswordChangeRefused(PASSWORD, "OnlyLetters", "OnlyLetters", "新密码：必须同时包含字母和数字或符号");
	}

	@Test
	void a_new_password_without_a_letter_is_refused() throws Exception {
		assertPasswordChangeRefused(PASSWORD, "1234567890", "1234567890", "新密码：必须同时包含字母和数字或符号");
	}

	@Test
	void a_mistyped_repeat_of_the_new_password_is_refused() throws Exception {
		assertPasswordChangeRefused(PASSWORD, "Changed@2026", "Changed@2027", "再次输入新密码：两次输入的新密码不一致");
	}

	@Test
	void a_wrong_current_password_is_refused() throws Exception {
		assertPasswordChangeRefused("Wrong@2026", "Changed@2026", "Changed@2026", "当前密码：当前密码不正确");
	}

	@Test
	void a_changed_password_signs_in_and_the_old_one_no_longer_does() throws Exception {
		String username = newUser("UNIT_STAFF", "hualong", true);

		var result = mvc.perform(post("/account/password").with(user(accounts.loadUserByUsername(username)))
			.with(csrf())
			.param("currentPassword", PASSWORD)
			.param("newPassword", "Changed@2026")
			.param("repeatPassword", "Changed@2026")).andReturn();

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(result.getFlashMap().get("flash")).isEqualTo("flash.passwordChanged");
		assertThat(signInAttempt(username, PASSWORD).getResponse().getRedirectedUrl())
			.isEqualTo("/login?error=bad");
		assertThat(signInAttempt(username, "Changed@2026").getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(auditCount("user", String.valueOf(userId(username)), "PASSWORD_CHANGE")).isEqualTo(1);
	}

	@Test
	void a_password_change_ends_the_users_other_sessions_and_tokens_but_keeps_the_current_session() throws Exception {
		String username = newUser("UNIT_STAFF", "hualong", true);
		String tokenA = apiToken(username, PASSWORD);
		String sessionB = signInWithSession(username);
		String sessionC = signInWithSession(username);
		assertThat(apiStatus(tokenA)).isEqualTo(200);
		assertThat(homeStatus(sessionB)).isEqualTo(200);

		MvcResult form = mvc.perform(get("/account/password").cookie(new Cookie("SESSION", sessionC))).andReturn();
		var change = mvc.perform(post("/account/password").cookie(new Cookie("SESSION", sessionC))
			.param("_csrf", csrfToken(form))
			.param("currentPassword", PASSWORD)
			.param("newPassword", "Changed@2026")
			.param("repeatPassword", "Changed@2026")).andReturn();
		assertThat(change.getResponse().getRedirectedUrl()).isEqualTo("/");

		assertThat(apiStatus(tokenA)).as("the token taken before the change").isEqualTo(401);
		assertThat(mvc.perform(get("/").cookie(new Cookie("SESSION", sessionB))).andReturn().getResponse()
			.getRedirectedUrl()).as("the other browser session").endsWith("/login");
		assertThat(homeStatus(sessionC)).as("the session the password was changed in").isEqualTo(200);
		assertThat(count("SELECT COUNT(*) FROM spring_session WHERE principal_name = '" + username + "'"))
			.isEqualTo(1);
		assertThat(apiStatus(apiToken(username, "Changed@2026"))).as("a token taken with the new password")
			.isEqualTo(200);
	}

	@Test
	void a_token_taken_before_a_deactivation_stays_void_after_the_reactivation() throws Exception {
		String username = newUser("UNIT_STAFF", "hualong", true);
		long id = userId(username);
		String token = apiToken(username, PASSWORD);
		assertThat(apiStatus(token)).isEqualTo(200);
		var admin = user(accounts.loadUserByUsername("admin"));

		mvc.perform(post("/admin/users/" + id + "/deactivate").param("version", "0").with(csrf()).with(admin))
			.andReturn();
		assertThat(apiStatus(token)).isEqualTo(401);
		mvc.perform(post("/admin/users/" + id + "/activate").param("version", "1").with(csrf()).with(admin))
			.andReturn();

		assertThat(jdbc.sql("SELECT enabled FROM app_user WHERE id = :id").param("id", id).query(Boolean.class)
			.single()).isTrue();
		assertThat(apiStatus(token)).as("the old token after the reactivation").isEqualTo(401);
		assertThat(apiStatus(apiToken(username, PASSWORD))).as("a new token").isEqualTo(200);
	}

	@Test
	void a_password_reset_by_an_administrator_ends_every_session_and_token_of_the_user() throws Exception {
		String username = newUser("UNIT_STAFF", "hualong", true);
		long id = userId(username);
		String token = apiToken(username, PASSWORD);
		String session = signInWithSession(username);

		var reset = mvc.perform(post("/admin/users/" + id + "/edit").with(user(accounts.loadUserByUsername("admin")))
			.with(csrf())
			.param("version", "0")
			.param("username", username)
			.param("displayName", username)
			.param("role", "UNIT_STAFF")
			.param("unitId", String.valueOf(unitId("hualong")))
			.param("locale", "zh-CN")
			.param("password", "Reset@2026x")).andReturn();
		assertThat(reset.getResponse().getStatus()).isEqualTo(302);

		assertThat(apiStatus(token)).isEqualTo(401);
		assertThat(mvc.perform(get("/").cookie(new Cookie("SESSION", session))).andReturn().getResponse()
			.getRedirectedUrl()).endsWith("/login");
	}

	private void assertPasswordChangeRefused(String current, String next, String repeat, String message)
			throws Exception {
		String username = newUser("UNIT_STAFF", "hualong", true);
		String hashBefore = passwordHash(username);

		var response = mvc.perform(post("/account/password").with(user(accounts.loadUserByUsername(username)))
			.with(csrf())
			.param("currentPassword", current)
			.param("newPassword", next)
			.param("repeatPassword", repeat)).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("id=\"form-errors\"").contains(message);
		assertThat(passwordHash(username)).as("password unchanged").isEqualTo(hashBefore);
	}

	// --- helpers ------------------------------------------------------------------------------------------------

	/** A fresh account with the demo password (its bcrypt hash copied from a demo account). */
	private String newUser(String role, String unitCode, boolean enabled) {
		String username = "sec-" + role.toLowerCase() + "-" + SEQUENCE.incrementAndGet();
		jdbc.sql("""
				INSERT INTO app_user (username, password_hash, display_name, role, unit_id, locale, enabled)
				SELECT :u, password_hash, :u, :role, (SELECT id FROM unit WHERE code = :unit), 'zh-CN', :enabled
				FROM app_user WHERE username = 'admin'""")
			.param("u", username)
			.param("role", role)
			.param("unit", unitCode)
			.param("enabled", enabled)
			.update();
		return username;
	}

	/** A bearer token from {@code POST /api/v1/auth/token}. */
	private String apiToken(String username, String password) throws Exception {
		var response = mvc.perform(post("/api/v1/auth/token").contentType("application/json")
			.content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as("token issued").isEqualTo(200);
		var matcher = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(response.getContentAsString());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	/** The 401 problem's detail when asking for a token under this name with the demo password. */
	private String tokenRefusal(String username) throws Exception {
		var response = mvc.perform(post("/api/v1/auth/token").contentType("application/json")
			.content("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(401);
		var matcher = Pattern.compile("\"detail\":\"([^\"]+)\"").matcher(response.getContentAsString(
				java.nio.charset.StandardCharsets.UTF_8));
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private int apiStatus(String token) throws Exception {
		return mvc.perform(get("/api/v1/units").header("Authorization", "Bearer " + token)).andReturn()
			.getResponse()
			.getStatus();
	}

	private int homeStatus(String session) throws Exception {
		return mvc.perform(get("/").cookie(new Cookie("SESSION", session))).andReturn().getResponse().getStatus();
	}

	private String languageRedirect(String referer) throws Exception {
		var request = post("/language").param("lang", "zh-CN").with(csrf());
		if (referer != null) {
			request.header("Referer", referer);
		}
		return mvc.perform(request).andReturn().getResponse().getRedirectedUrl();
	}

	private MvcResult signInAttempt(String username, String password) throws Exception {
		return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
			.andReturn();
	}

	/** Signs in the way a browser does and returns the session cookie's value. */
	private String signInWithSession(String username) throws Exception {
		MvcResult loginPage = mvc.perform(get("/login")).andReturn();
		var signIn = mvc.perform(post("/login").cookie(new Cookie("SESSION", sessionCookie(loginPage.getResponse())))
			.param("username", username)
			.param("password", PASSWORD)
			.param("_csrf", csrfToken(loginPage))).andReturn();
		assertThat(signIn.getResponse().getRedirectedUrl()).isEqualTo("/");
		return sessionCookie(signIn.getResponse());
	}

	private static String sessionCookie(MockHttpServletResponse response) {
		Cookie cookie = response.getCookie("SESSION");
		return cookie == null ? null : cookie.getValue();
	}

	private static String csrfToken(MvcResult page) throws Exception {
		var matcher = CSRF_META.matcher(page.getResponse().getContentAsString());
		assertThat(matcher.find()).as("CSRF token in the page").isTrue();
		return matcher.group(1);
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
	}

	private long userId(String username) {
		return jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
	}

	private long unitId(String code) {
		return jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", code).query(Long.class).single();
	}

	private String passwordHash(String username) {
		return jdbc.sql("SELECT password_hash FROM app_user WHERE username = :u")
			.param("u", username)
			.query(String.class)
			.single();
	}

	private Instant lockedUntil(String username) {
		OffsetDateTime t = jdbc.sql("SELECT locked_until FROM app_user WHERE username = :u")
			.param("u", username)
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
			.list()
			.get(0);
		return t == null ? null : t.toInstant();
	}

	private OffsetDateTime lastLoginAt(String username) {
		return jdbc.sql("SELECT last_login_at FROM app_user WHERE username = :u")
			.param("u", username)
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
			.list()
			.get(0);
	}

	private int failedAttempts(String username) {
		return jdbc.sql("SELECT failed_attempts FROM app_user WHERE username = :u")
			.param("u", username)
			.query(Integer.class)
			.single();
	}

	private long auditCount(String recordType, String recordId, String action) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM audit_entry WHERE record_type = :t AND record_id = :id AND action = :a""")
			.param("t", recordType)
			.param("id", recordId)
			.param("a", action)
			.query(Long.class)
			.single();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
