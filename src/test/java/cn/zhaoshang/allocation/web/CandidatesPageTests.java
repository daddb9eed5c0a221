package cn.zhaoshang.allocation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.PageTestSupport;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The candidates page words each reason for its subject: a clue's page (a 清丰县 clue in 化工, which records no land or
 * factory need) speaks of the clue and never of "the project's" needs, in Chinese and in English; a project's page
 * keeps the project's wording; the API's reason codes are the same for both.
 */
@SpringBootTest
class CandidatesPageTests extends PageTestSupport {

	long clue() {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO clue (title, enterprise_name, chain_id, source, owner_unit_id, status, last_follow_up_at)
				VALUES (?, '某化工企业', ?, 'OTHER', ?, 'FOLLOWING', ?)""")
			.params(Pages.unique("化工线索"), Demo.chain(jdbc, "chemical"), Demo.unit(jdbc, "qingfeng"), LocalDate.now())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	long project() {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment, land_need_mu, factory_need_m2)
				VALUES (?, ?, (SELECT MIN(id) FROM merchant), '候选测试投资有限公司', ?, ?, 'NEW', 'NEGOTIATING', 'ACTIVE',
				    8000, 120, 6000)""")
			.params(Pages.unique("CP"), Pages.unique("候选测试项目"), Demo.unit(jdbc, "qingfeng"),
					Demo.chain(jdbc, "chemical"))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	String page(String path, Locale locale) throws Exception {
		return html("city", path, locale);
	}

	/** The reasons' list items of the ranked candidates. */
	static List<String> reasons(String html) {
		String ranked = Pages.from(html, "candidates");
		ranked = ranked.substring(0, ranked.indexOf("id=\"propose-form\"") > 0 ? ranked.indexOf("id=\"propose-form\"")
				: ranked.length());
		return Pages.all(ranked, "<li>(.*?)</li>").stream().map(r -> r.replace("&#39;", "'")).toList();
	}

	@Test
	void a_clue_s_reasons_speak_of_the_clue_in_chinese() throws Exception {
		String html = page("/allocation/clues/" + clue(), null);
		List<String> reasons = reasons(html);
		assertThat(reasons).isNotEmpty()
			.anySatisfy(r -> assertThat(r).contains("线索未登记用地需求"))
			.anySatisfy(r -> assertThat(r).contains("线索未登记厂房需求"))
			.allSatisfy(r -> assertThat(r).as("no project-only wording for a clue")
				.doesNotContain("项目无")
				.doesNotContain("项目需")
				.doesNotContain("满足项目"));
		assertThat(html).contains("返回线索").contains("定位外线索").doesNotContain("定位外项目");
		assertThat(Pages.from(html, "propose-form")).contains("线索转化成的项目");
	}

	@Test
	void a_clue_s_reasons_speak_of_the_clue_in_english() throws Exception {
		String html = page("/allocation/clues/" + clue(), Locale.ENGLISH);
		List<String> reasons = reasons(html);
		assertThat(reasons).isNotEmpty()
			.anySatisfy(r -> assertThat(r).contains("The clue records no land need"))
			.anySatisfy(r -> assertThat(r).contains("The clue records no factory floor need"))
			.anySatisfy(r -> assertThat(r).startsWith("The clue's chain is"))
			.anySatisfy(r -> assertThat(r).startsWith("The unit's projects in hand: "))
			.allSatisfy(r -> assertThat(r).as("every argument filled in (an apostrophe is doubled in the bundle)")
				.doesNotContain("{"))
			.allSatisfy(r -> assertThat(r).as("no project-only wording for a clue")
				.doesNotContainIgnoringCase("the project needs")
				.doesNotContainIgnoringCase("the project's"));
		assertThat(html).contains("Back to the clue");
		assertThat(Pages.from(html, "propose-form")).contains("the project the clue becomes")
			.doesNotContain("the project's figures");
	}

	@Test
	void a_project_s_reasons_keep_the_project_s_wording() throws Exception {
		long project = project();
		List<String> zh = reasons(page("/allocation/projects/" + project, null));
		assertThat(zh).anySatisfy(r -> assertThat(r).contains("项目需").contains("120 亩"))
			.noneSatisfy(r -> assertThat(r).contains("线索"));
		List<String> en = reasons(page("/allocation/projects/" + project, Locale.ENGLISH));
		assertThat(en).anySatisfy(r -> assertThat(r).contains("covers the project's 120 mu +20"))
			.anySatisfy(r -> assertThat(r).contains("cover the project's 6000 m2 +15"))
			.allSatisfy(r -> assertThat(r).doesNotContain("{"))
			.noneSatisfy(r -> assertThat(r).containsIgnoringCase("clue"));
	}
}
