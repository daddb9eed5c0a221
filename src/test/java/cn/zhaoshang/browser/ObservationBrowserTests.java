package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The half-year observation and the year-end summary in the browser (issue 11): the city bureau creates an event
 * from the form (two projects, an account judge and a named one), opens scoring and fills in the named judge's
 * grid; the leader fills in theirs; the bureau closes it and reads the results; the year-end page with a
 * commendation and a fault-tolerance exemption. Every page at desktop and phone width in Chinese, then again in
 * English, with nothing sticking out sideways; the screenshots also land in docs/screenshots/observation-*.png and
 * year-end-*.png. Events dated 2026 (the demo's current year).
 */
class ObservationBrowserTests extends BrowserJourney {

	@Test
	void an_observation_is_scored_closed_and_shown_on_the_year_end_page_in_both_languages() throws Exception {
		List<String> problems = new ArrayList<>();
		String codeA = code("hualong");
		String codeB = code("puyang");

		browser.signIn("city", PASSWORD);
		browser.open("/supervision/observations?year=2026");
		browser.type("#title", "2026年上半年项目观摩");
		browser.js("document.getElementById('date').value = '2026-07-01'");
		browser.type("#route", "华龙区\n濮阳县");
		browser.type("#criteria", "项目规模 40\n建设进度 30\n带动效应 30");
		browser.type("#projects", codeA + "\n" + codeB);
		browser.type("#judges", "@leader\n王评委");
		shoot(problems, "observation-new-zh");
		browser.clickInView("#observation-create");
		String event = browser.path();
		assertThat(browser.all("#open-scoring")).isNotEmpty();
		browser.clickInView("#open-scoring");
		shoot(problems, "observation-scoring-zh");

		// the named judge's sheet, filled in by the bureau
		browser.clickAndWait(browser.all("#my-sheets a").get(browser.all("#my-sheets a").size() - 1));
		String namedSheet = browser.path();
		fill(new int[] { 36, 25, 27, 30, 28, 24 });
		shoot(problems, "observation-sheet-zh");
		browser.clickInView("#sheet-save");

		browser.reset();
		browser.signIn("leader", PASSWORD);
		browser.open(event);
		browser.clickAndWait(browser.all("#my-sheets a").get(0));
		String leaderSheet = browser.path();
		fill(new int[] { 34, 26, 25, 32, 27, 26 });
		browser.clickInView("#sheet-save");

		browser.reset();
		browser.signIn("city", PASSWORD);
		browser.open(event);
		browser.clickInView("#close-scoring");
		assertThat(browser.all("#project-results")).isNotEmpty();
		assertThat(browser.all("#results-docx")).isNotEmpty();
		shoot(problems, "observation-results-zh");
		browser.open("/supervision/observations?year=2026");
		assertThat(browser.text("#observations-table")).contains("2026年上半年项目观摩");
		shoot(problems, "observation-list-zh");

		browser.open("/supervision/year-end?year=2026");
		browser.selectValue("#kind", "UNIT");
		browser.type("#subject", "华龙区");
		browser.type("#reason", "全年签约项目完成率第一");
		browser.clickInView("#commendation-add");
		browser.type("#person", "张某");
		browser.type("#matter", "先行试点招商政策");
		browser.type("#decision", "予以免责");
		browser.js("document.getElementById('decidedOn').value = '2026-11-20'");
		browser.clickInView("#exemption-add");
		assertThat(browser.text("#commendations")).contains("华龙区");
		assertThat(browser.text("#exemptions")).contains("张某");
		assertThat(browser.bodyText()).contains("2026年上半年项目观摩");
		shoot(problems, "year-end-zh");

		browser.clickAndWait("#lang-en");
		browser.open("/supervision/observations?year=2026");
		shoot(problems, "observation-list-en");
		browser.open(event);
		shoot(problems, "observation-results-en");
		browser.open(namedSheet);
		shoot(problems, "observation-sheet-en");
		browser.open("/supervision/year-end?year=2026");
		shoot(problems, "year-end-en");

		browser.reset();
		browser.signIn("leader", PASSWORD);
		browser.clickAndWait("#lang-en");
		browser.open(leaderSheet);
		assertThat(browser.all("#sheet-table")).isNotEmpty();

		assertThat(problems).isEmpty();
	}

	/** Types the scores into the sheet's inputs in page order. */
	private void fill(int[] scores) {
		var inputs = browser.all("#sheet-table input.form-control");
		assertThat(inputs).hasSize(scores.length);
		for (int i = 0; i < scores.length; i++) {
			inputs.get(i).clear();
			inputs.get(i).sendKeys(String.valueOf(scores[i]));
		}
	}

	private String code(String unit) {
		return jdbc.sql("""
				SELECT p.code FROM project p JOIN unit u ON u.id = p.unit_id
				WHERE u.code = :u AND p.status = 'ACTIVE' ORDER BY p.id LIMIT 1""")
			.param("u", unit)
			.query(String.class)
			.single();
	}
}
