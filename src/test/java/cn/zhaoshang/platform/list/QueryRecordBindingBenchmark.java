package cn.zhaoshang.platform.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletModelAttributeMethodProcessor;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;

/**
 * CPU per binding of the ledger list's filter (issue 15): {@code ProjectFilter} bound from a typical list query, as
 * {@code GET /api/v1/projects} binds it ({@code @Valid @ModelAttribute}, validation included), by Spring's own
 * processor and by the quick one of {@link QueryRecordBinding}; thread CPU time over many bindings, so that the
 * machine's load matters little. Not part of the suite (tag "benchmark"); the report goes to
 * target/benchmarks/query-binding.txt. Run:
 * {@code mvn -B test -Dtest=QueryRecordBindingBenchmark -Dtest.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
@SpringBootTest
class QueryRecordBindingBenchmark {

	static final int WARMUP = 1_000;
	static final int RUNS = 3_000;

	@Autowired
	RequestMappingHandlerAdapter adapter;

	@Test
	void binds_the_ledger_filter() throws Exception {
		Method list = null;
		for (Method m : Class.forName("cn.zhaoshang.project.web.ProjectApiController").getDeclaredMethods()) {
			if (m.getName().equals("list")) {
				list = m;
			}
		}
		assertThat(list).isNotNull();
		var parameter = new MethodParameter(list, 1);
		var factory = new ServletRequestDataBinderFactory(List.of(), adapter.getWebBindingInitializer());
		List<String> report = new ArrayList<>();
		report.add("load average at start: " + Files.readString(Path.of("/proc/loadavg")).trim());
		for (String query : List.of("unit=7", "unit=7&stage=SIGNED&sort=updated&dir=desc",
				"dateOf=signed&from=2025-01-01&to=2025-12-31&amountOf=planned&min=10000&type=NEW,EXPANSION")) {
			Object spring = null;
			Object quick = null;
			for (var processor : List.<HandlerMethodArgumentResolver>of(new ServletModelAttributeMethodProcessor(false),
					new QueryRecordBinding.Processor(false))) {
				var request = new ServletWebRequest(request(query));
				Object bound = null;
				for (int i = 0; i < WARMUP; i++) {
					bound = processor.resolveArgument(parameter, new ModelAndViewContainer(), request, factory);
				}
				var threads = ManagementFactory.getThreadMXBean();
				long cpu = threads.getCurrentThreadCpuTime();
				long wall = System.nanoTime();
				for (int i = 0; i < RUNS; i++) {
					bound = processor.resolveArgument(parameter, new ModelAndViewContainer(), request, factory);
				}
				double cpuUs = (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / RUNS;
				double wallUs = (System.nanoTime() - wall) / 1000.0 / RUNS;
				String name = processor instanceof QueryRecordBinding.Processor ? "quick " : "spring";
				report.add(String.format(Locale.ROOT, "%s %-95s CPU %7.2f us/binding, wall %7.2f us", name, query,
						cpuUs, wallUs));
				if (processor instanceof QueryRecordBinding.Processor) {
					quick = bound;
				}
				else {
					spring = bound;
				}
			}
			assertThat(quick).isEqualTo(spring);
		}
		report.add("load average at the end: " + Files.readString(Path.of("/proc/loadavg")).trim());
		report.forEach(System.out::println);
		Files.createDirectories(Path.of("target/benchmarks"));
		Files.write(Path.of("target/benchmarks/query-binding.txt"), report);
	}

	private static MockHttpServletRequest request(String query) {
		var r = new MockHttpServletRequest("GET", "/api/v1/projects");
		r.setQueryString(query);
		for (String pair : query.split("&")) {
			String[] kv = pair.split("=", 2);
			r.addParameter(kv[0], kv[1]);
		}
		r.addHeader("Authorization", "Bearer x");
		r.addHeader("Accept", "application/json");
		r.addHeader("User-Agent", "bench");
		return r;
	}
}
