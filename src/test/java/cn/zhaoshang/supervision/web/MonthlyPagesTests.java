package cn.zhaoshang.supervision.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import cn.zhaoshang.supervision.ReportingPeriod;
import cn.zhaoshang.supervision.internal.MonthlyNotifications;
import cn.zhaoshang.support.PageTestSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The monthly notification pages through MockMvc (2012-08; no other test uses that month): the bureau starts a draft,
 * is told which field it left empty, saves, publishes; a unit reads the page without the form and may not publish.
 */
@SpringBootTest
class MonthlyPagesTests extends PageTestSupport {

	static final ReportingPeriod AUGUST = ReportingPeriod.parse("2012-08");

	@Autowired
	MonthlyNotifications monthly;

	@Test
	void the_bureau_starts_edits_and_publishes_a_month_and_a_unit_only_reads_it() throws Exception {
		assertThat(page("/supervision/monthly?year=2012", "city")).contains("2012年8月", "未开始");
		assertThat(page("/supervision/monthly/2012-08", "city")).contains("开始编写本月通报");
		assertThat(page("/supervision/monthly/2012-08", "hualong")).contains("尚未开始编写").doesNotContain("monthly-start");

		mvc.perform(post("/supervision/monthly/2012-08/draft").with(as("city")).with(csrf()))
			.andExpect(redirectedUrl("/supervision/monthly/2012-08"));
		var draft = monthly.find(AUGUST).orElseThrow();
		assertThat(draft.title()).isEqualTo("关于2012年8月份全市招商引资工作情况的通报");
		assertThat(draft.opening()).startsWith("2012年1—8月，全市新签约项目");

		String refused = mvc.perform(post("/supervision/monthly/2012-08").param("docTitle", " ")
			.param("docDate", "2012-09-03").param("version", String.valueOf(draft.version()))
			.with(as("city")).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("通报标题：必须填写");

		mvc.perform(post("/supervision/monthly/2012-08").param("docTitle", draft.title())
			.param("docNumber", "濮商务〔2012〕8号").param("docDate", "2012-09-03").param("opening", "八月份。")
			.param("closing", "").param("version", String.valueOf(draft.version()))
			.with(as("city")).with(csrf()))
			.andExpect(redirectedUrl("/supervision/monthly/2012-08"));
		var saved = monthly.find(AUGUST).orElseThrow();
		assertThat(saved.number()).isEqualTo("濮商务〔2012〕8号");
		assertThat(saved.version()).isEqualTo(draft.version() + 1);

		mvc.perform(post("/supervision/monthly/2012-08/publish").param("version", String.valueOf(saved.version()))
			.with(as("hualong")).with(csrf()))
			.andExpect(status().isForbidden());
		// the version read before the save is stale
		mvc.perform(post("/supervision/monthly/2012-08/publish").param("version", String.valueOf(draft.version()))
			.with(as("city")).with(csrf()))
			.andExpect(status().isConflict());
		mvc.perform(post("/supervision/monthly/2012-08/publish").param("version", String.valueOf(saved.version()))
			.with(as("city")).with(csrf()))
			.andExpect(redirectedUrl("/supervision/monthly/2012-08"));
		assertThat(monthly.find(AUGUST).orElseThrow().published()).isTrue();

		assertThat(page("/supervision/monthly/2012-08", "hualong")).contains("已发布", "更正记录", "monthly-docx")
			.doesNotContain("monthly-form");
		assertThat(page("/supervision/monthly?year=2012", "city")).contains("已发布");
		byte[] docx = mvc.perform(get("/supervision/monthly/2012-08.docx").with(as("hualong")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(docx).isNotEmpty();
	}

	@Test
	void every_status_and_scope_the_pages_show_has_a_message_in_both_languages() {
		for (var locale : java.util.List.of(java.util.Locale.SIMPLIFIED_CHINESE, java.util.Locale.ENGLISH)) {
			for (String status : java.util.List.of("NONE", "DRAFT", "PUBLISHED")) {
				assertThat(messages.getMessage(MonthlyPage.statusKey(status), null, null, locale)).isNotBlank();
			}
			for (var scope : cn.zhaoshang.supervision.Publications.Scope.values()) {
				assertThat(messages.getMessage(MonthlyPage.scopeKey(scope), null, null, locale)).isNotBlank();
			}
			for (String stage : java.util.List.of("NEGOTIATING", "SIGNED", "COMMENCED", "IN_PRODUCTION")) {
				assertThat(messages.getMessage("stage." + stage, null, null, locale)).isNotBlank();
			}
		}
	}

	@Autowired
	org.springframework.context.MessageSource messages;

	private String page(String url, String user) throws Exception {
		return html(user, url);
	}
}
