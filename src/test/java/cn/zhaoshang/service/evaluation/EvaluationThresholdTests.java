package cn.zhaoshang.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.ApiTestSupport;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Thresholds per park (issue 14, clause XVI): the city bureau sets 濮阳工业园区's own tax-per-亩 threshold on the
 * page; a park project below it fails with a reason naming the park's threshold and its version, while the indicators
 * the park left blank use the city default and say so; the page lists every unit with its own or the default values;
 * wrong numbers name the field and rule, a stale version is a conflict, a unit manager may not change thresholds,
 * and every change is audited and shown in the history.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EvaluationThresholdTests extends ApiTestSupport {

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	Evaluations evaluations;

	MockHttpServletResponse page(String user, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(Pages.as(accounts, user)).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE))
			.andReturn()
			.getResponse();
	}

	String html(MockHttpServletResponse response) throws Exception {
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	long project(long unit, int landMu, int investment, int tax) {
		String code = Pages.unique("EVT");
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment, land_need_mu, annual_tax, annual_output, jobs)
				VALUES (?, ?, (SELECT MIN(id) FROM merchant), '门槛测试投资有限公司', ?, ?, 'NEW', 'NEGOTIATING',
				    'ACTIVE', ?, ?, ?, 30000, 200)""")
			.params(code, code, unit, Demo.chain(jdbc, "chemical"), investment, landMu, tax)
			.update();
		return jdbc.sql("SELECT id FROM project WHERE code = ?").params(code).query(Long.class).single();
	}

	@Test
	void a_parks_own_tax_threshold_fails_its_project_and_the_reason_names_the_parks_threshold() throws Exception {
		long park = Demo.unit(jdbc, "park");
		var before = evaluations.threshold(park);
		var form = post("/evaluation-thresholds/edit").param("unit", String.valueOf(park))
			.param("minTaxPerMu", "20")
			.param("conditionalCategories", "REPORT_BOOK");
		before.ifPresent(r -> form.param("version", String.valueOf(r.version())));
		var saved = page("city", form);
		assertThat(saved.getStatus()).isEqualTo(302);
		assertThat(saved.getRedirectedUrl()).isEqualTo("/evaluation-thresholds");
		int version = evaluations.threshold(park).orElseThrow().version() + 1;

		// 100 亩, 30,000 万元 (300/亩, above the city default 200), 1,000 万元 tax (10/亩, below the park's 20)
		long id = project(park, 100, 30000, 1000);
		as("city", get("/api/v1/projects/" + id + "/evaluation").locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("FAIL"))
			.andExpect(jsonPath("$.checks[1].indicator").value("TAX_PER_MU"))
			.andExpect(jsonPath("$.checks[1].threshold").value(20.0))
			.andExpect(jsonPath("$.checks[1].unitThreshold").value(true))
			.andExpect(jsonPath("$.checks[0].unitThreshold").value(false))
			.andExpect(jsonPath("$.thresholdBasis.unitVersion").value(version - 1))
			.andExpect(jsonPath("$.reasons[0]").value(
					"亩均税收（万元/亩） 为 10.00，低于濮阳工业园区门槛（第 " + version + " 版） 20.00"))
			.andExpect(jsonPath("$.checks[0].text").value(org.hamcrest.Matchers.containsString("达到全市默认门槛")))
			.andExpect(jsonPath("$.basis").value(org.hamcrest.Matchers.containsString("濮阳工业园区自定门槛（第 "
					+ version + " 版）")));
		String panel = html(page("city", get("/projects/" + id + "/service")));
		assertThat(Pages.from(panel, "evaluation")).contains("评价未通过", "低于濮阳工业园区门槛",
				"适用门槛：濮阳工业园区自定门槛");

		// the page: the park with its own tax threshold, its investment threshold from the city default (starred)
		String list = html(page("viewer", get("/evaluation-thresholds")));
		assertThat(list).contains("href=\"/evaluation-thresholds\"");
		String row = Pages.from(list, "unit-thresholds");
		assertThat(row).contains("濮阳工业园区", "自定门槛 第 " + version + " 版", "按全市默认");
		assertThat(list).doesNotContain("/evaluation-thresholds/edit");

		// wrong numbers name the field and the rule; a stale version is a conflict; units may not set thresholds
		var wrong = page("city", post("/evaluation-thresholds/edit").param("unit", String.valueOf(park))
			.param("minTaxPerMu", "abc")
			.param("maxEnergyPerOutput", "0.12345")
			.param("minJobs", "-3")
			.param("version", String.valueOf(version - 1)));
		assertThat(wrong.getStatus()).isEqualTo(400);
		assertThat(html(wrong)).contains("亩均税收门槛（万元/亩）：须为数字", "万元产值能耗上限：不能为负数，最多 4 位小数",
				"就业人数门槛：须为不小于 0 的整数");
		var stale = page("city", post("/evaluation-thresholds/edit").param("unit", String.valueOf(park))
			.param("minTaxPerMu", "25")
			.param("version", String.valueOf(version + 5)));
		assertThat(stale.getStatus()).isEqualTo(409);
		assertThat(page("hualong", post("/evaluation-thresholds/edit").param("unit", String.valueOf(park))
			.param("minTaxPerMu", "1")
			.param("version", String.valueOf(version - 1))).getStatus()).isEqualTo(403);
		assertThat(evaluations.threshold(park).orElseThrow().thresholds().minTaxPerMu()).isEqualByComparingTo("20");

		// audited, shown in the edit page's history with readable labels
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'evaluationThreshold'"
				+ " AND record_id = :id").param("id", String.valueOf(park)).query(Long.class).single())
			.isGreaterThanOrEqualTo(1);
		String edit = html(page("city", get("/evaluation-thresholds/edit?unit=" + park)));
		assertThat(Pages.from(edit, "history")).contains("亩均税收门槛（万元/亩）", "20");
		assertThat(edit).contains("留空则按全市默认：200");

		// a blank threshold of the park uses the city default again
		page("city", post("/evaluation-thresholds/edit").param("unit", String.valueOf(park))
			.param("version", String.valueOf(version - 1)));
		as("city", get("/api/v1/projects/" + id + "/evaluation").locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(jsonPath("$.checks[1].result").value("PASS"))
			.andExpect(jsonPath("$.checks[1].unitThreshold").value(false))
			.andExpect(jsonPath("$.checks[1].threshold").value(10.0));
	}
}
