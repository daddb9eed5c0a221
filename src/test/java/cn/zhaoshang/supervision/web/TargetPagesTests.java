package cn.zhaoshang.supervision.web;

import static cn.zhaoshang.support.Pages.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.supervision.TargetIndicator;
import cn.zhaoshang.supervision.internal.SetTargets;
import cn.zhaoshang.supervision.internal.TargetValues;
import cn.zhaoshang.support.Demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The targets page through MockMvc, signed in as the demo accounts: a form for the city bureau and a read-only grid
 * with the city total for a unit; a save with one wrong cell saves nothing and marks the cell; a good save stores
 * every unit's row; copy from last year fills only the units without a target; the import page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class TargetPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	SetTargets targets;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	String page(String user, int year) throws Exception {
		return mvc.perform(get("/supervision/targets").param("year", String.valueOf(year)).with(as(accounts, user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	long rows(int year) {
		return jdbc.sql("SELECT COUNT(*) FROM unit_target WHERE target_year = ?").param(year).query(Long.class)
			.single();
	}

	@Test
	void the_city_bureau_gets_a_form_and_a_unit_a_read_only_grid_with_the_city_total() throws Exception {
		long hualong = Demo.unit(jdbc, "hualong");
		targets.set(2010, hualong, new TargetValues(Map.of(TargetIndicator.SIGNED_COUNT, BigDecimal.valueOf(1234))),
				null, Demo.signIn(accounts, "city"));

		String editor = page("city", 2010);
		assertThat(editor).contains("id=\"targets-form\"", "name=\"t_" + hualong + "_signedCount\"",
				"value=\"1234\"", "id=\"targets-save\"", "id=\"targets-copy\"", "id=\"targets-import\"",
				"2010年度目标", "全市合计");

		String reader = page("hualong", 2010);
		assertThat(reader).contains("id=\"targets-table\"", "1,234", "全市合计", "id=\"targets-export\"")
			.doesNotContain("name=\"t_", "id=\"targets-save\"", "id=\"targets-import\"");
		assertThat(page("viewer", 2010)).contains("华龙区", "清丰县", "濮阳经济技术开发区").doesNotContain("濮阳市商务局</th>");

		mvc.perform(post("/supervision/targets").param("year", "2010")
			.param("t_" + hualong + "_signedCount", "1")
			.with(as(accounts, "hualong"))
			.with(csrf())).andExpect(status().isForbidden());
		assertThat(rows(2010)).isEqualTo(1);
	}

	@Test
	void a_save_with_one_wrong_cell_saves_nothing_and_marks_the_cell_a_good_save_stores_every_row() throws Exception {
		long hualong = Demo.unit(jdbc, "hualong");
		long qingfeng = Demo.unit(jdbc, "qingfeng");
		String html = mvc.perform(post("/supervision/targets").param("year", "2011")
			.param("t_" + hualong + "_signedCount", "20")
			.param("t_" + hualong + "_fundsInPlace", "50000")
			.param("t_" + qingfeng + "_signedCount", "12")
			.param("t_" + qingfeng + "_fundsInPlace", "100")
			.param("t_" + qingfeng + "_outOfProvince", "200")
			.param("t_" + qingfeng + "_keyProjects", "x")
			.with(as(accounts, "city"))
			.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("有 2 处填写有误", "清丰县 · 其中省外资金（万元）：不能大于实际到位资金（万元）", "清丰县 · 重点项目（个）：须为数字",
				"value=\"50000\"", "value=\"x\"", "is-invalid");
		assertThat(rows(2011)).as("all or nothing").isZero();

		mvc.perform(post("/supervision/targets").param("year", "2011")
			.param("t_" + hualong + "_signedCount", "20")
			.param("t_" + hualong + "_fundsInPlace", "5,0000")
			.param("t_" + qingfeng + "_signedCount", "１２")
			.with(as(accounts, "city"))
			.with(csrf())).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/supervision/targets?year=2011"));
		assertThat(rows(2011)).isEqualTo(2);
		assertThat(jdbc.sql("SELECT funds_in_place FROM unit_target WHERE target_year = 2011 AND unit_id = ?")
			.param(hualong)
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("50000");
	}

	@Test
	void copy_from_last_year_fills_only_the_units_without_a_target() throws Exception {
		var city = Demo.signIn(accounts, "city");
		long hualong = Demo.unit(jdbc, "hualong");
		long nanle = Demo.unit(jdbc, "nanle");
		targets.set(2012, hualong, new TargetValues(Map.of(TargetIndicator.SIGNED_COUNT, BigDecimal.valueOf(7))), null,
				city);
		targets.set(2012, nanle, new TargetValues(Map.of(TargetIndicator.SIGNED_COUNT, BigDecimal.valueOf(8))), null,
				city);
		targets.set(2013, nanle, new TargetValues(Map.of(TargetIndicator.SIGNED_COUNT, BigDecimal.valueOf(9))), null,
				city);

		mvc.perform(post("/supervision/targets/copy").param("year", "2013").with(as(accounts, "city")).with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(jdbc.sql("SELECT unit_id, signed_count FROM unit_target WHERE target_year = 2013")
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2)))
			.list()).containsExactlyInAnyOrder(Map.entry(hualong, 7), Map.entry(nanle, 9));
	}

	@Test
	void the_import_page_is_the_platform_page_for_the_year() throws Exception {
		String html = mvc.perform(get("/supervision/targets/import").param("year", "2014").with(as(accounts, "city")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("导入年度目标", "action=\"/supervision/targets/import?year=2014\"",
				"/supervision/targets/import/template.xlsx");
		mvc.perform(get("/supervision/targets/import/template.xlsx").with(as(accounts, "city")))
			.andExpect(status().isOk());
		mvc.perform(get("/supervision/targets/import").param("year", "2014").with(as(accounts, "hualong")))
			.andExpect(status().isForbidden());
	}
}
