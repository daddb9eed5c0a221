package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * First start on an empty database without demo data and without {@code ZS_ADMIN_PASSWORD} (set empty here, so
 * that an environment variable of the machine cannot interfere): a random password is generated and logged once.
 */
@SpringBootTest(properties = { "zhaoshang.demo-data=false", "ZS_ADMIN_PASSWORD=" })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class InitialAdminGeneratedPasswordTests {

	static final Pattern LOGGED = Pattern.compile("Created the first administrator\\..*Password: (\\S+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void the_generated_password_is_logged_once_and_signs_the_administrator_in(CapturedOutput output)
			throws Exception {
		assertThat(jdbc.sql("SELECT username FROM app_user").query(String.class).list()).containsExactly("admin");
		Matcher m = LOGGED.matcher(output.getAll());
		assertThat(m.find()).as("a log line with the generated password").isTrue();
		String password = m.group(1);
		assertThat(m.find()).as("logged only once").isFalse();
		assertThat(password).hasSizeGreaterThanOrEqualTo(12);

		mvc.perform(post("/login").param("username", "admin").param("password", password).with(csrf()))
			.andExpect(redirectedUrl("/"));
		mvc.perform(post("/login").param("username", "admin").param("password", password + "x").with(csrf()))
			.andExpect(redirectedUrl("/login?error=bad"));
	}
}
