package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.partner.PartnerFixtures;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13's partner journey at 1280 and 390 px in Chinese: the city bureau sets up an agreement with 濮阳市浙江商会
 * with a rule, approves the commenced stage move of a project the chamber introduced, sees the reward computed with
 * its rule, approves and pays it; the chamber's account sees it on its own page. Screenshots {@code partner-*}.
 */
class PartnerBrowserTests extends BrowserJourney {

	@Autowired
	WebApplicationContext context;

	@Autowired
	JsonMapper json;

	@Test
	void an_agreement_with_the_zhejiang_chamber_gives_a_reward_that_is_approved_paid_and_seen_by_the_chamber()
			throws Exception {
		var mvc = MockMvcBuilders.webAppContextSetup(context)
			.apply(SecurityMockMvcConfigurers.springSecurity())
			.defaultResponseCharacterEncoding(StandardCharsets.UTF_8)
			.build();
		var f = new PartnerFixtures(mvc, json, jdbc);
		LocalDate today = LocalDate.now();
		String name = Pages.unique("浙商引荐化工项目");
		// a chemical project: inside the scope of the agreement set up below, outside the demo agreement's
		long project = f.project(name, "agent-zj", "chemical", null);
		f.reviewRequired("hualong", true);
		try {
			f.approve(project, f.submitSigned(project, today.minusDays(5)));
			f.submitCommenced(project, today.minusDays(1), 3000);
		}
		finally {
			f.reviewRequired("hualong", false);
		}
		List<String> problems = new ArrayList<>();
		browser.signIn("city", PASSWORD);

		// the agreement with 濮阳市浙江商会 and its rule
		browser.open("/partner/agreements/new");
		String title = Pages.unique("浙江商会委托招商补充协议");
		browser.selectText("#intermediaryUnitId", "濮阳市浙江商会");
		browser.type("#agreementTitle", title);
		// the demo agreement with the chamber covers 新材料 and 智能家居 this year: another scope does not overlap it
		browser.type("#scopeChains", "化工、现代物流");
		browser.js("document.querySelector('#validFrom').value = arguments[0];"
				+ "document.querySelector('#validTo').value = arguments[1];", today.withDayOfYear(1).toString(),
				today.withDayOfYear(1).plusYears(1).minusDays(1).toString());
		browser.selectValue("#rules0stage", "COMMENCED");
		browser.type("#rules0pct", "0.5");
		browser.type("#rules0cap", "200000");
		shoot(problems, "partner-agreement-form");
		browser.use(Browser.DESKTOP);
		browser.clickInView("#agreement-submit");
		assertThat(browser.path()).startsWith("/partner/agreements/");
		String agreementPath = browser.path();
		assertThat(browser.text("#agreement-rules")).contains("0.5%").contains("200,000.00");
		assertThat(browser.text("#agreement-scope")).contains("化工、现代物流").contains("不限（全部区域）");

		// the agreement's edit form, filled in, with the intermediary fixed
		browser.clickInView("#agreement-edit");
		assertThat(browser.path()).endsWith("/edit");
		assertThat(browser.find("#agreementTitle").getDomProperty("value")).isEqualTo(title);
		shoot(problems, "partner-agreement-edit");
		browser.use(Browser.DESKTOP);
		browser.type("#financialSupport", "每年工作经费 2 万元");
		browser.clickInView("#agreement-submit");
		assertThat(browser.path()).isEqualTo(agreementPath);
		assertThat(browser.text("#agreement-facts")).contains("每年工作经费 2 万元");
		// its history reads the rules as the page shows them
		browser.js("document.querySelector('#history').open = true;");
		assertThat(browser.text("#history")).contains("开工 · 到位资金的 0.5% · 封顶 200,000.00 元")
			.doesNotContain("COMMENCED");
		shoot(problems, "partner-agreement-history");
		browser.use(Browser.DESKTOP);

		// the city bureau approves the commenced move on the project's page
		browser.open("/projects/" + project);
		browser.clickInView("#approve");
		assertThat(browser.bodyText()).contains(name);

		// the reward computed with the rule: 0.5 % of 3,000 万元 = 150,000.00 yuan
		browser.open(agreementPath);
		assertThat(browser.text("#rewards-table")).contains(name).contains("150,000.00").contains("0.5%");
		shoot(problems, "partner-agreement");
		browser.use(Browser.DESKTOP);
		browser.js("window.confirm = function () { return true; };");
		browser.clickInView("#rewards-table .approve-reward");
		assertThat(browser.path()).startsWith("/partner/rewards");
		browser.open(agreementPath);
		browser.js("window.confirm = function () { return true; };");
		browser.type("#rewards-table .payment-reference", "国库支付 2026-118");
		browser.clickInView("#rewards-table .pay-reward");
		browser.open(agreementPath);
		assertThat(browser.text("#rewards-table")).contains("已支付").contains("国库支付 2026-118");
		browser.open("/partner/rewards?status=PAID");
		shoot(problems, "partner-rewards");
		browser.open("/partner/credits/" + project);
		assertThat(browser.text("#credit-shares")).contains("濮阳市浙江商会").contains("100.00%");
		shoot(problems, "partner-credit");
		browser.use(Browser.DESKTOP);
		browser.open("/partner/consultants");
		shoot(problems, "partner-consultants");

		// the chamber sees it on its own page, and nothing of other intermediaries
		browser.signOut();
		browser.signIn("agent", PASSWORD);
		browser.open("/partner/mine");
		assertThat(browser.text("#mine-rewards")).contains(name).contains("150,000.00").contains("已支付");
		assertThat(browser.text("#mine-projects")).contains(name);
		assertThat(browser.bodyText()).doesNotContain("河南中原招商咨询有限公司");
		shoot(problems, "partner-mine");
		assertThat(problems).isEmpty();
	}

}
