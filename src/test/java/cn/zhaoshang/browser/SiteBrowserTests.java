package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The land journey of issue 14 in a real browser: the city bureau registers a 120-mu parcel and a factory in the
 * Industrial Park, finds them matched on the page of a signed project needing 100 mu, reserves the parcel and sees
 * the park's available stock fall; the pages fit 1280 and 390 px in Chinese. Screenshots
 * {@code target/screenshots/sites-*}, copied to {@code docs/screenshots/}.
 */
class SiteBrowserTests extends BrowserJourney {

	BigDecimal parkStock(long park) {
		return jdbc.sql("SELECT COALESCE(SUM(area_mu), 0) FROM land_parcel WHERE unit_id = :u AND status = 'AVAILABLE'")
			.param("u", park)
			.query(BigDecimal.class)
			.single();
	}

	@Test
	void a_parcel_and_a_factory_are_registered_matched_to_a_signed_project_and_the_parcel_reserved()
			throws IOException {
		long park = jdbc.sql("SELECT id FROM unit WHERE code = 'park'").query(Long.class).single();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment, land_need_mu, factory_need_m2, signed_date)
				VALUES ('PY-2026-S0001', '新材料产业园项目', (SELECT MIN(id) FROM merchant), '濮阳新材料科技有限公司', ?,
				    (SELECT id FROM industry_chain WHERE code = 'new-materials'), 'NEW', 'SIGNED', 'ACTIVE', 80000, 100,
				    5000, ?)""")
			.params(park, LocalDate.now().minusDays(45))
			.update(keys, "id");
		long project = keys.getKey().longValue();
		List<String> problems = new ArrayList<>();

		browser.signIn("city", PASSWORD);
		browser.open("/sites/land/new");
		browser.type("#name", "工业园区北区3号地块");
		browser.selectValue("#unitId", String.valueOf(park));
		browser.type("#park", "濮阳工业园区北区");
		browser.type("#location", "纬三路以北、经五路以东");
		browser.type("#areaMu", "120");
		browser.type("#price", "18");
		browser.js("document.querySelector('input[name=chainIds][value=\"' + arguments[0] + '\"]').checked = true;"
				+ "['waterReady','powerReady','roadReady'].forEach(id => document.getElementById(id).checked = true);",
				String.valueOf(jdbc.sql("SELECT id FROM industry_chain WHERE code = 'new-materials'")
					.query(Long.class).single()));
		BigDecimal before = parkStock(park);
		browser.clickAndWait("#parcel-submit");
		assertThat(browser.text("#parcel-area")).isEqualTo("120.00");
		assertThat(parkStock(park)).isEqualByComparingTo(before.add(new BigDecimal("120")));

		browser.open("/sites/factories/new");
		browser.type("#name", "标准化厂房5号楼");
		browser.selectValue("#unitId", String.valueOf(park));
		browser.type("#park", "濮阳工业园区北区");
		browser.type("#building", "5号楼");
		browser.type("#floorAreaM2", "6000");
		browser.js("document.getElementById('crane').checked = true;");
		browser.clickAndWait("#factory-submit");
		assertThat(browser.bodyText()).contains("标准化厂房5号楼");

		// the project page ranks them with reasons; reserving the parcel takes it out of the stock
		browser.open("/projects/" + project);
		assertThat(browser.text("#site-matches")).contains("工业园区北区3号地块", "标准化厂房5号楼",
				"面积120亩，满足需求100亩", "适配本项目产业链");
		long parcel = jdbc.sql("SELECT id FROM land_parcel WHERE name = '工业园区北区3号地块'").query(Long.class).single();
		browser.clickInView("#site-matches tr[data-kind=LAND][data-id='" + parcel + "'] .reserve-site");
		browser.waitForPage();
		assertThat(browser.text("#sites-reserved")).contains("工业园区北区3号地块", "已预留");
		assertThat(parkStock(park)).isEqualByComparingTo(before);

		browser.open("/sites/stock");
		assertThat(browser.text("#stock-table tr[data-unit='" + park + "'] .stock-mu"))
			.isEqualTo(String.format(java.util.Locale.ROOT, "%,.2f", before));

		browser.consoleErrors();
		for (Browser.Screen screen : List.of(Browser.DESKTOP, Browser.PHONE)) {
			browser.use(screen);
			browser.checkPage(problems, "sites-land-zh", "/sites/land", "#land-table");
			browser.checkPage(problems, "sites-project-zh", "/projects/" + project + "#project-sites", "#project-sites");
			browser.checkPage(problems, "sites-stock-zh", "/sites/stock", "#stock-table");
			browser.checkPage(problems, "sites-finance-zh", "/finance", "#finance-totals");
		}
		assertThat(problems).isEmpty();

		Path docs = Path.of("docs", "screenshots");
		Files.createDirectories(docs);
		for (String name : List.of("sites-land-zh-desktop", "sites-land-zh-phone", "sites-project-zh-desktop",
				"sites-project-zh-phone", "sites-stock-zh-desktop", "sites-stock-zh-phone")) {
			Files.copy(Path.of("target", "screenshots", name + ".png"), docs.resolve(name + ".png"),
					StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
