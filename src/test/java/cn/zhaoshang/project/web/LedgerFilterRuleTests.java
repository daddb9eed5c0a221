package cn.zhaoshang.project.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.internal.ProjectDetails;
import cn.zhaoshang.project.internal.ProjectLedger;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * One rule for the ledger's filter, whoever asks: the list page, the two exports and the API validate it alike
 * (issue 9, list kit). A date range without {@code dateOf} is refused everywhere with the same message: by the API
 * and the exports as 400 naming {@code dateOf}, by the page as an error on its filter form, the list still shown.
 * With its date, the range narrows the exports as it narrows the list.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LedgerFilterRuleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	ProjectLedger ledger;

	@Autowired
	Chains chains;

	@Autowired
	Clock clock;

	@Test
	void an_export_with_a_date_range_has_only_the_rows_of_that_range() throws Exception {
		String tag = unique("导出区间");
		create(tag + "甲");
		create(tag + "乙");
		LedgerDates d = dates();

		for (String path : new String[] { "/projects/export.xlsx", "/api/v1/projects/export.xlsx" }) {
			assertThat(rows(path, "q=" + tag)).as(path).isEqualTo(2);
			assertThat(rows(path, "q=" + tag + "&dateOf=created&from=" + d.before() + "&to=" + d.after()))
				.as(path)
				.isEqualTo(2);
			// a range the projects are outside of: no rows (the range is not dropped on the way to the workbook)
			assertThat(rows(path, "q=" + tag + "&dateOf=created&from=" + d.later())).as(path).isZero();
			assertThat(rows(path, "q=" + tag + "&dateOf=created&to=" + d.before())).as(path).isZero();
		}
	}

	@Test
	void a_range_without_its_date_is_refused_alike_by_the_api_the_exports_and_the_page() throws Exception {
		String tag = unique("区间无日期");
		create(tag + "甲");
		String query = "q=" + tag + "&from=" + dates().later();

		String api = mvc.perform(get("/api/v1/projects?" + query).with(as("city")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("dateOf"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String message = JsonPath.read(api, "$.errors[0].message");
		assertThat(message).isNotBlank();

		// the exports no longer ignore the range: they refuse it like the API, before any file is written
		mvc.perform(get("/api/v1/projects/export.xlsx?" + query).with(as("city")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("dateOf"))
			.andExpect(jsonPath("$.errors[0].message").value(message));
		mvc.perform(get("/projects/export.xlsx?" + query).with(as("city"))).andExpect(status().isBadRequest());

		// the page shows the same message on its filter form (not an error page) and lists without the range
		String page = mvc.perform(get("/projects?" + query).with(as("city")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"filter-errors\"").contains("data-field=\"dateOf\"").contains(message);
		assertThat(page).contains(tag + "甲");
		// so do the board and the grouped view, which share the filter form
		for (String path : new String[] { "/projects/board", "/projects/groups" }) {
			assertThat(mvc.perform(get(path + "?" + query).with(as("city")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8)).as(path).contains(message);
		}
	}

	@Test
	void a_value_the_api_refuses_is_a_form_error_on_the_page_with_the_apis_message() throws Exception {
		String api = mvc.perform(get("/api/v1/projects?sort=secret").with(as("city")))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String message = JsonPath.read(api, "$.errors[0].message");
		String page = mvc.perform(get("/projects?sort=secret").with(as("city")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("data-field=\"sort\"").contains(message);
	}

	// ---- helpers ----

	private record LedgerDates(LocalDate before, LocalDate after, LocalDate later) {
	}

	/** Around the projects' creation date (a day either side, whatever the time zones) and well after it. */
	private LedgerDates dates() {
		LocalDate today = LocalDate.now(clock);
		return new LedgerDates(today.minusDays(2), today.plusDays(2), today.plusDays(5));
	}

	private int rows(String path, String query) throws Exception {
		byte[] file = mvc.perform(get(path + "?" + query).with(as("city")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			return wb.getSheetAt(0).getLastRowNum();
		}
	}

	private RequestPostProcessor as(String username) {
		return user(account(username));
	}

	private CurrentUser account(String username) {
		return accounts.loadUserByUsername(username);
	}

	private void create(String name) {
		CurrentUser user = account("hualong");
		long chain = chains.findByName("化工").orElseThrow().id().value();
		ledger.create(new ProjectDetails(name, "测试投资有限公司", null, user.unitId().value(), null, null, chain, null,
				ProjectType.NEW, null, new BigDecimal("100"), null, null, null, null, null, null, false, null, null,
				null, null, null), user);
	}

	private static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}
}
