package cn.zhaoshang.clue.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.chain.Positionings;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.ApiTestSupport;
import cn.zhaoshang.support.OutsidePositioning;
import cn.zhaoshang.support.Pages;
import cn.zhaoshang.support.Sheets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The clue list's filter 定位外线索 (issue 12: "a clue or project whose chain is not among its unit's leading chains is
 * marked outside positioning"): {@code outsidePositioning=true} keeps exactly the clues whose chain is not among
 * their owner unit's leading chains — the rule of the allocation candidates' badge for a clue — in the API, the list
 * page, the Kanban and the export; a clue of the city pool (no owner), a clue without a chain and a clue of a unit
 * without a declared positioning are never outside, and the filter follows the positioning as it changes.
 */
@SpringBootTest
class ClueOutsidePositioningTests extends ApiTestSupport {

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	Positionings positionings;

	String tag;

	/** 清丰县, one of its leading chains and a chain outside its positioning, as the positioning stands now. */
	OutsidePositioning at;

	@BeforeEach
	void setUp() {
		tag = "定位外线索" + UUID.randomUUID().toString().substring(0, 8);
		at = OutsidePositioning.ofQingfeng(jdbc, positionings);
	}

	@Test
	void only_clues_whose_chain_is_outside_their_owner_unit_s_positioning_are_listed_and_exported() throws Exception {
		clue(tag + "定位外", at.unit(), at.outsideChain());
		clue(tag + "定位内", at.unit(), at.leadingChain());
		clue(tag + "无产业链", at.unit(), null);
		clue(tag + "城市线索池", null, at.outsideChain());
		long undeclared = jdbc.sql("SELECT MIN(id) FROM unit WHERE code = 'city'").query(Long.class).single();
		assertThat(positionings.find(new UnitId(undeclared))).as("the city bureau declares no positioning").isEmpty();
		clue(tag + "未定位单位", undeclared, at.outsideChain());

		assertThat(titles("city", "q=" + tag)).hasSize(5);
		assertThat(titles("city", "q=" + tag + "&outsidePositioning=true")).containsExactly(tag + "定位外");
		assertThat(titles("city", "q=" + tag + "&outsidePositioning=false")).hasSize(5);
		// it combines with the other filters
		assertThat(titles("city", "q=" + tag + "&outsidePositioning=true&unit=" + undeclared)).isEmpty();
		assertThat(titles("city", "q=" + tag + "&outsidePositioning=true&unit=pool")).isEmpty();
		assertThat(titles("city", "q=" + tag + "&outsidePositioning=true&unit=" + at.unit()))
			.containsExactly(tag + "定位外");

		assertThat(exported("q=" + tag + "&outsidePositioning=true")).containsExactly(tag + "定位外");
		assertThat(exported("q=" + tag)).hasSize(5);

		String page = page("/clues?q=" + tag + "&outsidePositioning=true");
		assertThat(page).contains(tag + "定位外").doesNotContain(tag + "定位内").doesNotContain(tag + "城市线索池")
			.doesNotContain(tag + "未定位单位").doesNotContain(tag + "无产业链");
		assertThat(page).containsPattern("id=\"f-outside-positioning\"[^>]*checked")
			.as("the export and the Kanban keep the filter")
			.contains("outsidePositioning=true");
		assertThat(page("/clues/board?q=" + tag + "&outsidePositioning=true")).contains(tag + "定位外")
			.doesNotContain(tag + "定位内");
	}

	@Test
	void the_filter_follows_the_positioning_and_reads_alike_for_the_unit() throws Exception {
		clue(tag + "定位外", at.unit(), at.outsideChain());
		assertThat(titles("city", "q=" + tag + "&outsidePositioning=true")).containsExactly(tag + "定位外");
		assertThat(titles("qingfeng", "q=" + tag + "&outsidePositioning=true")).containsExactly(tag + "定位外");

		at.whileOutsideChainIsSecondary(jdbc,
				() -> assertThat(titles("city", "q=" + tag + "&outsidePositioning=true")).isEmpty());
		assertThat(titles("city", "q=" + tag + "&outsidePositioning=true")).containsExactly(tag + "定位外");
	}

	// ---- helpers ----

	private void clue(String title, Long owner, Long chain) {
		jdbc.sql("""
				INSERT INTO clue (title, enterprise_name, chain_id, source, owner_unit_id, status, last_follow_up_at)
				VALUES (?, '定位测试投资有限公司', ?, 'OTHER', ?, 'FOLLOWING', CURRENT_DATE)""")
			.params(title, chain, owner)
			.update();
	}

	private List<String> titles(String user, String query) throws Exception {
		return JsonPath.read(body(as(user, get("/api/v1/clues?" + query)).andExpect(status().isOk()).andReturn()),
				"$.items[*].title");
	}

	private String page(String path) throws Exception {
		return body(mvc.perform(get(path).with(Pages.as(accounts, "city"))).andExpect(status().isOk()).andReturn());
	}

	/** The titles of the export's rows (its first column), below the header. */
	private List<String> exported(String query) throws Exception {
		return Sheets.firstColumn(mvc.perform(get("/clues/export.xlsx?" + query).with(Pages.as(accounts, "city")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
	}
}
