package cn.zhaoshang.supervision.ranking;

import static cn.zhaoshang.support.Pages.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.Demo;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The ranking pages through MockMvc as the demo accounts: the city bureau computes a draft of 2004-Q1 (a quarter no
 * other test writes), a unit cannot see it, the bureau opens a unit's explanation, publishes with the version it
 * read, and then the unit reads it; the Excel export reads back with every unit and part; the drill-down page; the
 * formula editor refuses a weight that is not a number, naming the criterion's row, and is read-only for units.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class RankingPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	Rankings rankings;

	@Autowired
	Formulas formulas;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private String html(String url, String user) throws Exception {
		return mvc.perform(get(url).with(as(accounts, user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void the_bureau_computes_explains_and_publishes_and_units_then_read_it() throws Exception {
		assertThat(html("/supervision/rankings", "city")).contains("id=\"ranking-compute\"", "季度排名");
		assertThat(html("/supervision/rankings", "hualong")).doesNotContain("id=\"ranking-compute\"");

		String location = mvc.perform(post("/supervision/rankings").param("quarter", "2004-Q1")
			.with(as(accounts, "city")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		mvc.perform(get(location).with(as(accounts, "hualong"))).andExpect(status().isNotFound());

		long hualong = Demo.unit(jdbc, "hualong");
		String explained = html(location + "?unit=" + hualong, "city");
		assertThat(explained).contains("id=\"explain-table\"", "id=\"ranking-publish\"", "data-confirm=",
				"/drill-down?unit=" + hualong, "草稿");
		var draft = rankings.find(id);
		var row = draft.row(hualong).orElseThrow();
		assertThat(explained).contains("id=\"explain-total\">" + row.score().toPlainString() + "<");

		mvc.perform(post(location + "/publish").param("version", String.valueOf(draft.summary().version() + 1))
			.with(as(accounts, "city")).with(csrf())).andExpect(status().isConflict());
		mvc.perform(post(location + "/publish").param("version", String.valueOf(draft.summary().version()))
			.with(as(accounts, "city")).with(csrf())).andExpect(status().is3xxRedirection());
		String published = html(location + "?unit=" + hualong, "hualong");
		assertThat(published).contains("已发布", "id=\"explain-table\"").doesNotContain("id=\"ranking-publish\"");

		byte[] xlsx = mvc.perform(get(location + "/export.xlsx").with(as(accounts, "hualong")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var places = wb.getSheetAt(0);
			assertThat(places.getLastRowNum()).isEqualTo(draft.rows().size());
			assertThat(places.getRow(1).getCell(1).getStringCellValue()).isEqualTo(draft.rows().get(0).unitName());
			assertThat(places.getRow(1).getCell(2).getNumericCellValue())
				.isEqualTo(draft.rows().get(0).score().doubleValue());
			int lines = draft.rows().stream().mapToInt(r -> r.parts().size()).sum();
			assertThat(wb.getSheetAt(1).getLastRowNum()).isEqualTo(lines);
		}

		String drill = html(location + "/drill-down?unit=" + hualong + "&criterion=FUNDS_GROWTH", "hualong");
		assertThat(drill).contains("id=\"drill-table\"", "id=\"drill-last-year\"", "上年同季度");
	}

	@Test
	void the_formula_editor_names_the_wrong_cell_and_units_only_read_it() throws Exception {
		int current = formulas.current().version();
		String refused = mvc.perform(post("/supervision/ranking-formula").param("basedOn", String.valueOf(current))
			.param("w_COMPLETION_SIGNED_COUNT", "abc")
			.param("w_FUNDS_GROWTH", "10")
			.with(as(accounts, "city")).with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("第 1 项指标的权重", "须为数字", "is-invalid");
		assertThat(formulas.current().version()).isEqualTo(current);

		assertThat(html("/supervision/ranking-formula", "city")).contains("id=\"formula-save\"", "id=\"formula-history\"");
		String reader = html("/supervision/ranking-formula?version=1", "hualong");
		assertThat(reader).contains("第 1 版", "id=\"formula-history\"").doesNotContain("id=\"formula-save\"");
	}
}
