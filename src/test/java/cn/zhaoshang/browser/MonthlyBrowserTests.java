package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The monthly notification (月通报) as the city bureau starts a past month's draft, edits the document number, saves,
 * publishes (answering the question) and finds the downloads and the empty corrections list; a county reads the
 * page without the form. At desktop and phone width, nothing sticking out sideways; screenshots also land in
 * docs/screenshots/monthly-*.png.
 */
class MonthlyBrowserTests extends BrowserJourney {

	@Test
	void the_city_bureau_publishes_a_monthly_notification_and_a_county_reads_it() throws Exception {
		List<String> problems = new ArrayList<>();
		browser.signIn("city", PASSWORD);
		browser.open("/supervision/monthly?year=2012");
		shoot(problems, "monthly-list-zh");
		browser.open("/supervision/monthly/2012-06");
		browser.clickAndWait("#monthly-start");
		assertThat(browser.find("#docTitle").getDomProperty("value")).isEqualTo("关于2012年6月份全市招商引资工作情况的通报");
		browser.type("#docNumber", "濮商务〔2012〕6号");
		browser.clickAndWait("#monthly-save");
		assertThat(browser.text("#flash")).contains("已保存");
		shoot(problems, "monthly-draft-zh");

		assertThat(browser.find("#monthly-publish-form").getDomAttribute("data-confirm")).contains("发布后文件冻结");
		browser.js("window.confirm = function () { return true; };");
		browser.clickAndWait("#monthly-publish");
		assertThat(browser.text("#monthly-status")).isEqualTo("已发布");
		assertThat(browser.text("#corrections")).contains("更正记录");
		assertThat(browser.all("#monthly-docx")).hasSize(1);
		shoot(problems, "monthly-published-zh");

		browser.reset();
		browser.signIn("hualong", PASSWORD);
		browser.open("/supervision/monthly/2012-06");
		assertThat(browser.all("#monthly-form")).isEmpty();
		assertThat(browser.all("#monthly-publish")).isEmpty();
		assertThat(problems).isEmpty();
	}

}
