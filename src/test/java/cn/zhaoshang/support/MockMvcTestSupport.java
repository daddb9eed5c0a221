package cn.zhaoshang.support;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * What the API and the page test classes share ({@link ApiTestSupport}, {@link PageTestSupport}): MockMvc over the
 * whole application with Spring Security and UTF-8 responses, built afresh for each test, and the database.
 */
public abstract class MockMvcTestSupport {

	@Autowired
	protected WebApplicationContext context;

	/** Public: a test class may lend it to another's fixtures. */
	@Autowired
	public JdbcClient jdbc;

	protected MockMvc mvc;

	/**
	 * Builds {@link #mvc} (before each test; a {@code @BeforeAll} method of a {@code PER_CLASS} test that requests
	 * pages calls it first).
	 */
	@BeforeEach
	protected final void buildMockMvc() {
		mvc = MockMvcBuilders.webAppContextSetup(context)
			.apply(SecurityMockMvcConfigurers.springSecurity())
			.defaultResponseCharacterEncoding(StandardCharsets.UTF_8)
			.build();
	}
}
