package cn.zhaoshang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A new user of the city bureau opens the 化工 chain map from the navigation, sees each link's gap rating (colour and
 * label) and counts in the chart and the cards, opens the 精细化工 link, finds an enterprise in the merchant database
 * and adds it as a target enterprise; then the director board. At desktop and phone width, nothing sticking out
 * sideways; the screenshots also land in docs/screenshots/chain-*.png.
 */
class ChainMapBrowserTests extends BrowserJourney {

	@Test
	void the_city_bureau_opens_the_chemical_map_sees_the_gaps_and_adds_a_target_enterprise() throws Exception {
		List<String> problems = new ArrayList<>();
		long chemical = jdbc.sql("SELECT id FROM industry_chain WHERE code = 'chemical'").query(Long.class).single();
		long fine = jdbc.sql("SELECT l.id FROM chain_link l WHERE l.chain_id = ? AND l.name = '精细化工'")
			.param(chemical).query(Long.class).single();
		String enterprise = "新加坡博远化学（濮阳）有限公司";
		jdbc.sql("DELETE FROM chain_target WHERE link_id = ? AND merchant_id = (SELECT MIN(id) FROM merchant WHERE name = ?)")
			.params(fine, enterprise).update();

		browser.signIn("city", PASSWORD);
		browser.navigate("产业链", "产业链图谱");
		assertThat(browser.text("#chain-chemical")).contains("化工").contains("李明");
		browser.clickAndWait("#chain-chemical a[href='/chains/" + chemical + "']");

		assertThat(browser.text("#chain-director")).isEqualTo("李明");
		assertThat(browser.text("#link-" + fine)).contains("精细化工").contains("补链");
		assertThat(browser.find("#link-" + fine).getDomAttribute("data-gap")).isEqualTo("FILL");
		assertThat(browser.all("#chain-links [data-gap='STRENGTHEN']")).isNotEmpty();
		assertThat(browser.all("#chain-links [data-gap='EXTEND']")).isNotEmpty();
		browser.await().until(d -> browser.js("return window.zsChainMap && window.zsChainMap.chart.getOption()"
				+ " && window.zsChainMap.chart.getOption().series[0].data.length") instanceof Number n && n.intValue() >= 5);
		Object colour = browser.js("var id = arguments[0]; var d = window.zsChainMap.chart.getOption().series[0].data;"
				+ " return d.filter(function (x) { return x.id === id; })[0].itemStyle.color;", String.valueOf(fine));
		assertThat(colour).isEqualTo("#d63939");
		shoot(problems, "chain-map-zh");

		browser.clickAndWait("#link-" + fine);
		assertThat(browser.text("#link-gap")).isEqualTo("补链");
		assertThat(browser.text("#targets-table")).contains("海森化学集团");
		browser.type("#enterprise-q", "博远");
		browser.clickAndWait("#enterprise-search");
		assertThat(browser.text("#enterprise-results")).contains(enterprise);
		shoot(problems, "chain-link-zh");
		browser.clickAndWait("#enterprise-results a.btn-primary");
		assertThat(browser.text("#target-enterprise")).isEqualTo(enterprise);
		browser.selectValue("#priority", "HIGH");
		browser.type("#reason", "电子特气和精细化学品配套，补齐精细化工环节");
		shoot(problems, "chain-target-form-zh");
		browser.clickAndWait("#target-submit");

		assertThat(browser.text("#flash")).contains("目标企业已添加");
		assertThat(browser.text("#targets-table")).contains(enterprise).contains("已锁定").contains("高");
		long added = jdbc.sql("SELECT COUNT(*) FROM chain_target WHERE link_id = ? AND status = 'IDENTIFIED'"
				+ " AND merchant_id = (SELECT MIN(id) FROM merchant WHERE name = ?)").params(fine, enterprise)
			.query(Long.class).single();
		assertThat(added).isOne();

		browser.open("/chains/" + chemical + "/board");
		assertThat(browser.text("#board-gaps")).contains("精细化工");
		assertThat(browser.text("#board-targets")).contains(enterprise);
		assertThat(browser.text("#roadmap")).contains("2027");
		shoot(problems, "chain-board-zh");

		assertThat(problems).isEmpty();
	}

	@Test
	void a_chain_manager_searches_a_link_s_local_enterprises_and_edits_one_s_strength_and_marks() throws Exception {
		List<String> problems = new ArrayList<>();
		long chemical = jdbc.sql("SELECT id FROM industry_chain WHERE code = 'chemical'").query(Long.class).single();
		long link = jdbc.sql("""
				SELECT l.id FROM chain_link l WHERE l.chain_id = ?
				  AND (SELECT COUNT(*) FROM chain_local_enterprise x WHERE x.link_id = l.id) > 0
				ORDER BY l.sort_order, l.id""").param(chemical).query(Long.class).list().get(0);

		browser.signIn("city", PASSWORD);
		browser.open("/chains/links/" + link);
		browser.clickInView("#all-locals");
		assertThat(browser.path()).isEqualTo("/chains/links/" + link + "/locals");
		assertThat(browser.all("#locals-table .edit-local")).isNotEmpty();
		shoot(problems, "chain-locals-zh");
		// a click on a column header sorts the list by it, a second click the other way
		browser.clickInView("#sort-name");
		assertThat(browser.js("return location.search;").toString()).contains("sort=name").contains("dir=asc");
		browser.clickInView("#sort-name");
		assertThat(browser.js("return location.search;").toString()).contains("sort=name").contains("dir=desc");
		assertThat(browser.js("return document.getElementById('sort-name').getAttribute('aria-sort');"))
			.isEqualTo("descending");
		shoot(problems, "chain-locals-sorted-zh");
		browser.clickInView("#locals-table .edit-local");
		assertThat(browser.path()).endsWith("/edit");
		shoot(problems, "chain-local-edit-zh");
		browser.selectValue("#strength", "WEAK");
		browser.js("document.getElementById('backboneAffiliate').checked = true;");
		browser.type("#note", "产能外迁，需稳链");
		browser.clickAndWait("#local-submit");
		assertThat(browser.text("#flash")).contains("已保存");
		browser.open("/chains/links/" + link + "/locals?strength=WEAK&mark=BACKBONE_AFFILIATE");
		assertThat(browser.text("#locals-table")).contains("产能外迁，需稳链").contains("骨干子企业");
		long fine = jdbc.sql("SELECT l.id FROM chain_link l WHERE l.chain_id = ? AND l.name = '精细化工'")
			.param(chemical).query(Long.class).single();
		browser.open("/chains/links/" + fine + "/targets?q=海森");
		assertThat(browser.text("#targets-table")).contains("海森化学集团");
		shoot(problems, "chain-targets-list-zh");
		browser.open("/chains/links/" + fine + "/targets?sort=status");
		assertThat(browser.js("return document.getElementById('sort-status').getAttribute('aria-sort');"))
			.isEqualTo("ascending");
		shoot(problems, "chain-targets-sorted-zh");

		assertThat(problems).isEmpty();
	}

	/**
	 * A chain with more open targets than the board lists: the board shows the first 50 with the count and the link
	 * to all of them, which opens the chain's paged open-targets list; in Chinese and English.
	 */
	@Test
	void the_board_lists_the_first_open_targets_and_links_to_all_of_them() throws Exception {
		List<String> problems = new ArrayList<>();
		long chain = jdbc.sql("SELECT id FROM industry_chain WHERE code = 'new-materials'").query(Long.class).single();
		List<Long> merchants = jdbc.sql("SELECT id FROM merchant WHERE merged_into_id IS NULL ORDER BY id")
			.query(Long.class).list().subList(0, 24);
		java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
		for (int l = 0; l < 3; l++) {
			var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO chain_link (chain_id, name, link_position, sort_order, gap, created_at, updated_at)
					VALUES (?, ?, 'MIDSTREAM', 90, 'FILL', ?, ?)""")
				.params(chain, cn.zhaoshang.support.Pages.unique("新材料测试环节"), now, now)
				.update(keys, "id");
			for (long m : merchants) {
				jdbc.sql("""
						INSERT INTO chain_target (link_id, merchant_id, priority, reason, tracker_unit_id, status,
						    created_by, created_at, updated_at)
						VALUES (?, ?, 'MEDIUM', '看板测试', (SELECT id FROM unit WHERE code = 'etdz'), 'IDENTIFIED',
						    'city', ?, ?)""")
					.params(keys.getKey().longValue(), m, now, now)
					.update();
			}
		}
		browser.signIn("city", PASSWORD);
		for (String lang : List.of("zh", "en")) {
			if (lang.equals("en")) {
				browser.clickAndWait("#lang-en");
			}
			browser.open("/chains/" + chain + "/board");
			assertThat(browser.all("#board-open-targets .open-target")).hasSize(50);
			assertThat(browser.text("#board-targets-count")).contains(lang.equals("zh") ? "显示前 50 个" : "first 50 of");
			shoot(problems, "chain-board-targets-" + lang);
			browser.clickInView("#board-targets-all");
			assertThat(browser.path()).isEqualTo("/chains/" + chain + "/targets");
			assertThat(browser.all("#open-targets .open-target")).hasSize(20);
			shoot(problems, "chain-open-targets-" + lang);
		}
		browser.clickAndWait("#lang-zh");
		assertThat(problems).isEmpty();
	}
}
