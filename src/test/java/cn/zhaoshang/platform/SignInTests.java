package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class SignInTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	cn.zhaoshang.platform.user.AccountUserDetailsService accounts;

	@Test
	void sign_in_page_is_chinese_by_default() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("濮阳市招商引资项目信息管理平台")));
	}

	@Test
	void demo_account_signs_in_and_is_audited() throws Exception {
		mvc.perform(post("/login").param("username", "hualong").param("password", "Demo@2026").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/"));
		long logins = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE actor = 'hualong' AND action = 'LOGIN'")
			.query(Long.class)
			.single();
		assertThat(logins).isGreaterThanOrEqualTo(1);
	}

	@Test
	void a_name_with_a_nul_or_a_lone_surrogate_is_an_ordinary_failed_sign_in_and_is_audited_readably() throws Exception {
		for (String name : new String[] { "hua\u0000long", "hua\ud800long", "\u0007" }) {
			mvc.perform(post("/login").param("username", name).param("password", "Demo@2026").with(csrf()))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/login?error=bad"));
		}
		long failures = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE actor = 'hua\uFFFDlong' AND action = 'LOGIN_FAILED'")
			.query(Long.class)
			.single();
		assertThat(failures).isEqualTo(2);
		mvc.perform(post("/api/v1/auth/token").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("{\"username\":\"a\\u0000b\",\"password\":\"x\"}"))
			.andExpect(status().is4xxClientError());
	}

	@Test
	void the_error_address_asked_for_directly_is_a_404_page_not_a_500() throws Exception {
		mvc.perform(get("/error").accept(org.springframework.http.MediaType.TEXT_HTML))
			.andExpect(status().isNotFound())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"error-status\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("您要找的页面或记录不存在")));
		mvc.perform(get("/error").with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.user(accounts.loadUserByUsername("viewer")))
			.accept(org.springframework.http.MediaType.TEXT_HTML)).andExpect(status().isNotFound());
		mvc.perform(get("/error").accept(org.springframework.http.MediaType.APPLICATION_JSON))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
	}

	@Test
	void api_without_token_gets_problem_401() throws Exception {
		mvc.perform(get("/api/v1/units"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")));
	}
}
