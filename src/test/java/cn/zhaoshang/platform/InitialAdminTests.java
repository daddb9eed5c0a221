package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * First start on an empty database without demo data (a production PostgreSQL): only {@code admin} exists, with
 * the password from {@code ZS_ADMIN_PASSWORD}. See {@link InitialAdminGeneratedPasswordTests} for the case without.
 */
@SpringBootTest(properties = { "zhaoshang.demo-data=false", "ZS_ADMIN_PASSWORD=" + InitialAdminTests.PASSWORD })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class InitialAdminTests {

	static final String PASSWORD = "First#Start2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void the_database_has_exactly_one_user_the_administrator() {
		var users = jdbc.sql("SELECT username, role, unit_id, enabled FROM app_user").query().listOfRows();
		assertThat(users).hasSize(1);
		assertThat(users.get(0)).containsEntry("username", "admin")
			.containsEntry("role", "ADMIN")
			.containsEntry("unit_id", null)
			.containsEntry("enabled", true);
	}

	@Test
	void no_demo_data_is_loaded() {
		assertThat(jdbc.sql("SELECT COUNT(*) FROM unit").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM person").query(Long.class).single()).isZero();
	}

	@Test
	void the_administrator_signs_in_with_the_configured_password() throws Exception {
		mvc.perform(post("/login").param("username", "admin").param("password", PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/"));
		mvc.perform(post("/login").param("username", "admin").param("password", "Demo@2026").with(csrf()))
			.andExpect(redirectedUrl("/login?error=bad"));
	}

	@Test
	void the_configured_password_is_neither_logged_nor_audited(CapturedOutput output) {
		assertThat(output.getAll()).contains("Created the first administrator").doesNotContain(PASSWORD);
		Map<String, Object> created = jdbc
			.sql("SELECT actor, action, after_json FROM audit_entry WHERE record_type = 'user' AND action = 'CREATE'")
			.query()
			.singleRow();
		assertThat(created).containsEntry("actor", "system");
		assertThat((String) created.get("after_json")).contains("\"username\":\"admin\"")
			.doesNotContain(PASSWORD)
			.doesNotContain("bcrypt");
	}

	@Test
	void a_later_start_creates_no_second_administrator() throws Exception {
		((ApplicationRunner) context.getBean("initialAdmin")).run(new DefaultApplicationArguments());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single()).isOne();
	}
}
