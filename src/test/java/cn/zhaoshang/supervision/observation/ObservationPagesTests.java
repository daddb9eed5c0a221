package cn.zhaoshang.supervision.observation;

import static cn.zhaoshang.support.Pages.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.Demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The observation and year-end pages signed in as the demo accounts: the bureau creates an event from the form
 * (project codes, an account judge and a named one), opens scoring; the leader fills in their grid, the bureau the
 * named judge's; a refused cell is named; a unit sees the results only once closed; the year-end page of a year
 * without rankings says so and the bureau adds a commendation there. Events dated 2034.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ObservationPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	String html(String user, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as(accounts, user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	String redirect(String user, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as(accounts, user)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	@Test
	void an_observation_runs_through_the_pages_and_the_year_end_page_shows_it() throws Exception {
		var api = new ObservationApiTests();
		api.jdbc = jdbc;
		long a = api.project("hualong");
		long b = api.project("puyang");
		String codeA = code(a);
		String codeB = code(b);

		assertThat(html("hualong", get("/supervision/observations").param("year", "2034")))
			.doesNotContain("id=\"observation-form\"");
		String bad = html("city", post("/supervision/observations").with(csrf())
			.param("title", "")
			.param("date", "2034-07-01")
			.param("criteria", "规模 20\n进度 abc")
			.param("projects", codeA + "\nNO-SUCH-CODE")
			.param("judges", "@nobody-here"));
		assertThat(bad).contains("id=\"form-errors\"", "活动名称：不能为空", "台账中没有编号为 NO-SUCH-CODE 的项目",
				"没有用户名为 nobody-here 的账号", "第 2 项评分标准的满分");

		String location = redirect("city", post("/supervision/observations").param("title", "2034年观摩（页面）")
			.param("date", "2034-07-01")
			.param("route", "华龙区\n濮阳县")
			.param("criteria", "规模 20\n进度 30")
			.param("projects", codeA + "\n" + codeB)
			.param("judges", "@leader\n王评委"));
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		String draft = html("city", get(location));
		assertThat(draft).contains("id=\"open-scoring\"", "华龙区→濮阳县", "李明、王评委");
		redirect("city", post(location + "/scoring").param("version", "0"));

		List<Long> judges = jdbc.sql("SELECT id FROM observation_judge WHERE event_id = :e ORDER BY position")
			.param("e", id)
			.query(Long.class)
			.list();
		List<Long> observed = jdbc.sql("SELECT id FROM observation_project WHERE event_id = :e ORDER BY position")
			.param("e", id)
			.query(Long.class)
			.list();
		List<Long> criteria = jdbc.sql("SELECT id FROM observation_criterion WHERE event_id = :e ORDER BY position")
			.param("e", id)
			.query(Long.class)
			.list();
		String leaderPage = html("leader", get(location));
		assertThat(leaderPage).contains("/sheets/" + judges.get(0)).doesNotContain("/sheets/" + judges.get(1));
		String grid = html("leader", get(location + "/sheets/" + judges.get(0)));
		assertThat(grid).contains("name=\"" + ObservationPages.SheetPage.name(observed.get(0), criteria.get(0)) + "\"");
		mvc.perform(get(location + "/sheets/" + judges.get(0)).with(as(accounts, "city")))
			.andExpect(status().isForbidden());

		String refused = html("leader", post(location + "/sheets/" + judges.get(0)).with(csrf())
			.param("version", "0")
			.param(ObservationPages.SheetPage.name(observed.get(0), criteria.get(0)), "25"));
		assertThat(refused).contains("id=\"form-errors\"", "得分须在 0 到 20 之间");
		// leader: A 18+25=43, B 10+20=30; 王: A 12+25=37, B 20+30=50 -> A 40.00, B 40.00 (shared first place)
		redirect("leader", post(location + "/sheets/" + judges.get(0)).param("version", "0")
			.param(ObservationPages.SheetPage.name(observed.get(0), criteria.get(0)), "18")
			.param(ObservationPages.SheetPage.name(observed.get(0), criteria.get(1)), "25")
			.param(ObservationPages.SheetPage.name(observed.get(1), criteria.get(0)), "10")
			.param(ObservationPages.SheetPage.name(observed.get(1), criteria.get(1)), "20"));
		redirect("city", post(location + "/sheets/" + judges.get(1)).param("version", "0")
			.param(ObservationPages.SheetPage.name(observed.get(0), criteria.get(0)), "12")
			.param(ObservationPages.SheetPage.name(observed.get(0), criteria.get(1)), "25")
			.param(ObservationPages.SheetPage.name(observed.get(1), criteria.get(0)), "20")
			.param(ObservationPages.SheetPage.name(observed.get(1), criteria.get(1)), "30"));
		assertThat(html("hualong", get(location))).doesNotContain("id=\"unit-results\"");
		redirect("city", post(location + "/close").param("version", "1"));

		String closed = html("hualong", get(location));
		assertThat(closed).contains("id=\"unit-results\"", "40.00", "id=\"results-docx\"");
		String yearEnd = html("viewer", get("/supervision/year-end").param("year", "2034"));
		assertThat(yearEnd).contains("本年度尚未发布季度排名。", "2034年观摩（页面）", "id=\"year-end-docx\"")
			.doesNotContain("id=\"commendation-form\"");
		redirect("city", post("/supervision/year-end/commendations").param("year", "2034")
			.param("kind", "PROJECT")
			.param("subject", "页面优秀项目")
			.param("reason", "观摩得分第一"));
		assertThat(html("city", get("/supervision/year-end").param("year", "2034"))).contains("页面优秀项目",
				"优秀项目", "id=\"commendation-form\"");
	}

	private String code(long project) {
		return jdbc.sql("SELECT code FROM project WHERE id = :id").param("id", project).query(String.class).single();
	}
}
