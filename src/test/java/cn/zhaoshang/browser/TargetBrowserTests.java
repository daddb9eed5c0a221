package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The targets page (督查 - 年度目标) as the city bureau sets a year's targets in the grid, saves, is refused for a
 * wrong cell with the cell marked, and as a county reads them; at desktop and phone width in both languages, with
 * nothing sticking out sideways. The screenshots also land in docs/screenshots/targets-*.png.
 */
class TargetBrowserTests extends BrowserJourney {

	static final int YEAR = 2026;

	@Test
	void the_city_bureau_sets_the_targets_in_the_grid_and_a_county_reads_them() throws Exception {
		List<String> problems = new ArrayList<>();
		Map<String, String[]> figures = Map.of("hualong", new String[] { "45", "12", "2", "1800000", "30", "18",
				"950000", "520000", "3200", "8" }, "puyang", new String[] { "38", "10", "1", "1500000", "26", "15",
						"820000", "430000", "2100", "6" }, "etdz", new String[] { "52", "18", "4", "2600000", "40",
								"25", "1300000", "760000", "5200", "12" });
		String[] fields = { "signedCount", "signedCount100m", "signedCount1b", "contractedInvestment",
				"commencedCount", "productionCount", "fundsInPlace", "outOfProvince", "foreignUsed", "keyProjects" };

		browser.signIn("city", PASSWORD);
		browser.open("/supervision/targets?year=" + YEAR);
		for (var unit : figures.entrySet()) {
			long id = jdbc.sql("SELECT id FROM unit WHERE code = ?").param(unit.getKey()).query(Long.class).single();
			for (int i = 0; i < fields.length; i++) {
				browser.type("#t_" + id + "_" + fields[i], unit.getValue()[i]);
			}
		}
		browser.clickAndWait("#targets-save");
		assertThat(browser.text("#flash")).contains("已保存");
		assertThat(browser.text("#targets-total")).contains("135");
		shoot(problems, "targets-city-zh");

		long qingfeng = jdbc.sql("SELECT id FROM unit WHERE code = 'qingfeng'").query(Long.class).single();
		browser.type("#t_" + qingfeng + "_fundsInPlace", "100");
		browser.type("#t_" + qingfeng + "_outOfProvince", "300");
		browser.clickAndWait("#targets-save");
		assertThat(browser.text("#form-errors")).contains("清丰县");
		shoot(problems, "targets-refused-zh");

		browser.clickAndWait("#lang-en");
		browser.open("/supervision/targets?year=" + YEAR);
		shoot(problems, "targets-city-en");

		browser.reset();
		browser.signIn("hualong", PASSWORD);
		browser.open("/supervision/targets?year=" + YEAR);
		assertThat(browser.all("#targets-save")).isEmpty();
		shoot(problems, "targets-county-zh");

		assertThat(problems).isEmpty();
	}

}
