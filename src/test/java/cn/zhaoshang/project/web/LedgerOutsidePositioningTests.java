package cn.zhaoshang.project.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.chain.ChainId;
import cn.zhaoshang.chain.Positionings;
import cn.zhaoshang.chain.UnitPositioning;
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
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The ledger's filter 定位外项目 (issue 12): {@code outsidePositioning=true} keeps exactly the projects whose chain is
 * not among their landing unit's leading chains — the rule of the project page's badge — in the API, the list page
 * and both exports, the Kanban and the grouped view; a project of a unit without a declared positioning is never
 * outside, and the filter follows the positioning as it changes.
 */
@SpringBootTest
class LedgerOutsidePositioningTests extends ApiTestSupport {

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	Positionings positionings;

	String tag;

	/** 清丰县, one of its leading chains and a chain outside its positioning, as the positioning stands now. */
	OutsidePositioning at;

	@BeforeEach
	void setUp() {
		tag = "定位外" + UUID.randomUUID().toString().substring(0, 8);
		at = OutsidePositioning.ofQingfeng(jdbc, positionings);
	}

	@Test
	void only_projects_whose_chain_is_outside_their_unit_s_positioning_are_listed_summed_and_exported()
			throws Exception {
		String outside = project(tag + "定位外", at.unit(), at.outsideChain());
		project(tag + "定位内", at.unit(), at.leadingChain());
		long undeclared = jdbc.sql("SELECT MIN(id) FROM unit WHERE code = 'city'").query(Long.class).single();
		assertThat(positionings.find(new UnitId(undeclared))).as("the city bureau declares no positioning").isEmpty();
		project(tag + "未定位单位", undeclared, at.outsideChain());

		String all = api("q=" + tag);
		assertThat((Integer) JsonPath.read(all, "$.total")).isEqualTo(3);
		String only = api("q=" + tag + "&outsidePositioning=true");
		assertThat((Integer) JsonPath.read(only, "$.total")).isEqualTo(1);
		assertThat((List<String>) JsonPath.read(only, "$.items[*].code")).containsExactly(outside);
		assertThat(new java.math.BigDecimal(JsonPath.read(only, "$.sums.plannedInvestment").toString()))
			.isEqualByComparingTo("100");
		assertThat((Integer) JsonPath.read(api("q=" + tag + "&outsidePositioning=false"), "$.total")).isEqualTo(3);
		// it combines with the other filters
		assertThat((Integer) JsonPath.read(api("q=" + tag + "&outsidePositioning=true&unit=" + undeclared),
				"$.total")).isZero();

		for (String path : new String[] { "/projects/export.xlsx", "/api/v1/projects/export.xlsx" }) {
			assertThat(exported(path, "q=" + tag + "&outsidePositioning=true")).as(path)
				.containsExactly(tag + "定位外");
			assertThat(exported(path, "q=" + tag)).as(path).hasSize(3);
		}

		String page = page("/projects?q=" + tag + "&outsidePositioning=true");
		assertThat(page).contains(tag + "定位外").doesNotContain(tag + "定位内")
			.doesNotContain(tag + "未定位单位");
		assertThat(page).containsPattern("id=\"f-outside-positioning\"[^>]*checked")
			.as("the export keeps the filter")
			.contains("outsidePositioning=true");
		assertThat(page("/projects/board?q=" + tag + "&outsidePositioning=true")).contains(tag + "定位外")
			.doesNotContain(tag + "定位内");
		// the grouped view counts the one project and its groups open the list with the filter kept
		assertThat(page("/projects/groups?q=" + tag + "&outsidePositioning=true&by=unit"))
			.contains("outsidePositioning=true");
	}

	@Test
	void the_filter_follows_the_positioning_and_reads_alike_for_the_unit() throws Exception {
		String outside = project(tag + "定位外", at.unit(), at.outsideChain());
		assertThat(codes("city", "q=" + tag + "&outsidePositioning=true")).containsExactly(outside);
		assertThat(codes("qingfeng", "q=" + tag + "&outsidePositioning=true")).containsExactly(outside);

		// once the chain becomes a secondary leading chain of the unit, the project is no longer outside
		UnitPositioning p = positionings.find(new UnitId(at.unit())).orElseThrow();
		at.whileOutsideChainIsSecondary(jdbc,
				() -> assertThat(codes("city", "q=" + tag + "&outsidePositioning=true")).isEmpty());
		assertThat(positionings.find(new UnitId(at.unit())).orElseThrow().leads(new ChainId(at.outsideChain())))
			.isEqualTo(p.leads(new ChainId(at.outsideChain())));
	}

	// ---- helpers ----

	private String project(String name, long unit, long chain) {
		var keys = new GeneratedKeyHolder();
		String code = "OP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment)
				VALUES (?, ?, (SELECT MIN(id) FROM merchant), '定位测试投资有限公司', ?, ?, 'NEW', 'NEGOTIATING', 'ACTIVE', 100)""")
			.params(code, name, unit, chain)
			.update(keys, "id");
		return code;
	}

	private String api(String query) throws Exception {
		return body(as("city", get("/api/v1/projects?" + query)).andExpect(status().isOk()).andReturn());
	}

	private List<String> codes(String user, String query) throws Exception {
		return JsonPath.read(body(as(user, get("/api/v1/projects?" + query)).andExpect(status().isOk()).andReturn()),
				"$.items[*].code");
	}

	/** A page (or the page's export) as the city bureau's signed-in user. */
	private String page(String path) throws Exception {
		return body(mvc.perform(get(path).with(Pages.as(accounts, "city"))).andExpect(status().isOk()).andReturn());
	}

	/** The names of the ledger sheet's rows (its first column), below the header. */
	private List<String> exported(String path, String query) throws Exception {
		return Sheets.firstColumn(mvc.perform(get(path + "?" + query).with(Pages.as(accounts, "city")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
	}
}
