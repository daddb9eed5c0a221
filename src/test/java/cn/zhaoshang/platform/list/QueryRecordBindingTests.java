package cn.zhaoshang.platform.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.zhaoshang.support.ApiTestSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * The quick binding of list filters (QueryRecordBinding) gives what Spring's own constructor binding gives: every
 * query below is sent twice, once as it is (the quick path) and once with a field marker {@code _x} that Spring
 * ignores but that makes the quick path step aside (Spring binds as before); status and body must be the same,
 * for good filters, refused words (validation), values that do not convert (type mismatch) and the date window.
 */
@SpringBootTest
class QueryRecordBindingTests extends ApiTestSupport {

	@Autowired
	RequestMappingHandlerAdapter adapter;

	String token;

	@BeforeEach
	void setUp() throws Exception {
		token = token("city");
	}

	@Test
	void spring_s_model_attribute_processors_are_replaced_by_the_quick_ones() {
		long quick = adapter.getArgumentResolvers().stream()
			.filter(r -> r instanceof QueryRecordBinding.Processor)
			.count();
		assertThat(quick).isEqualTo(2);
	}

	@Test
	void the_quick_path_answers_exactly_as_spring_s_binding() throws Exception {
		List<String> queries = List.of("", "unit=1", "unit=1&stage=SIGNED", "q=%E5%8D%8E%E9%BE%99&size=5",
				"stage=SIGNED&status=ACTIVE&key=true&sort=planned&dir=desc", "type=NEW,EXPANSION", "type=NEW&type=EXPANSION",
				"dateOf=signed&from=2025-01-01&to=2026-12-31&amountOf=planned&min=1&max=900000",
				"includeDropped=false", "stalled=true", "pending=review", "unit=&stage=&q=", "unit=1&unit=2",
				// refused by validation (the quick path binds, Spring validates)
				"sort=secret", "dir=up", "from=2026-01-01", "dateOf=built&from=2026-01-01", "pending=x",
				// do not convert (Spring binds and reports)
				"unit=abc", "stage=FINISHED", "key=maybe", "min=lots", "dateOf=signed&from=2026-02-30",
				"dateOf=signed&from=1800-01-01", "type=NEW,NOPE", "page=x");
		for (String q : queries) {
			same("/api/v1/projects?" + q);
		}
		for (String q : List.of("groupBy=unit&from=2026-01&to=2026-12", "groupBy=chain&unit=1",
				"groupBy=month&type=NEW", "groupBy=nope", "from=2026-13", "unit=abc", "type=NOPE")) {
			same("/api/v1/funds?" + q);
		}
		for (String q : List.of("", "q=a", "page=2&size=5")) {
			same("/api/v1/merchants?" + q);
			same("/api/v1/dispatch-rounds?" + q);
		}
	}

	private void same(String uri) throws Exception {
		String marked = uri + (uri.endsWith("?") ? "" : "&") + "_x=1";
		MockHttpServletResponse quick = send(uri);
		MockHttpServletResponse spring = send(marked);
		assertThat(quick.getStatus()).as(uri).isEqualTo(spring.getStatus());
		assertThat(quick.getContentAsString(StandardCharsets.UTF_8)).as(uri)
			.isEqualTo(spring.getContentAsString(StandardCharsets.UTF_8).replace(marked, uri));
	}

	private MockHttpServletResponse send(String uri) throws Exception {
		return mvc.perform(get(uri).header("Authorization", "Bearer " + token)).andReturn().getResponse();
	}
}
