package cn.zhaoshang.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the API test classes share: MockMvc over the whole application with Spring Security, UTF-8 responses, the
 * database ({@link MockMvcTestSupport}), the JSON mapper, and bearer tokens of the demo accounts
 * ({@code POST /api/v1/auth/token}), fetched once per user and test instance.
 */
public abstract class ApiTestSupport extends MockMvcTestSupport {

	/** The demo accounts' password. */
	public static final String DEMO_PASSWORD = "Demo@2026";

	private final Map<String, String> tokens = new HashMap<>();

	@Autowired
	protected JsonMapper json;

	/** Signs the demo account in again on its next request (after its language changed, say). */
	protected void forgetToken(String user) {
		tokens.remove(user);
	}

	/** Performs the request signed in as the demo account (its bearer token). */
	protected ResultActions as(String user, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + token(user)));
	}

	/** A response's body as text. */
	protected static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** A bearer token of the demo account (signed in once per test instance). */
	protected String token(String user) throws Exception {
		if (!tokens.containsKey(user)) {
			var result = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(Map.of("username", user, "password", DEMO_PASSWORD))))
				.andExpect(status().isOk())
				.andReturn();
			tokens.put(user, JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.token"));
		}
		return tokens.get(user);
	}
}
