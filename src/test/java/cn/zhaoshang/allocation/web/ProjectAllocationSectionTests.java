package cn.zhaoshang.allocation.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.PageTestSupport;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The project page's placement section, contributed by allocation through {@code project.ProjectPageSection}: a
 * 清丰县 project in 化工 shows the "outside positioning" badge and the link to its recommended receiving units; a
 * chemical project of the development zone (positioned on 化工) shows no section until it has a transfer, which the
 * section then lists with its status.
 */
@SpringBootTest
class ProjectAllocationSectionTests extends PageTestSupport {

	long project(String unit) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment)
				VALUES (?, ?, (SELECT MIN(id) FROM merchant), '定位测试投资有限公司', ?, ?, 'NEW', 'NEGOTIATING', 'ACTIVE',
				    8000)""")
			.params(Pages.unique("PS"), Pages.unique("定位测试项目"), Demo.unit(jdbc, unit), Demo.chain(jdbc, "chemical"))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		jdbc.sql("INSERT INTO project_credit_share (project_id, unit_id, share_bp, default_share) VALUES (?, ?, 10000, TRUE)")
			.params(id, Demo.unit(jdbc, unit))
			.update();
		return id;
	}

	String page(String user, long project) throws Exception {
		return html(user, "/projects/" + project);
	}

	@Test
	void an_outside_project_shows_the_badge_and_the_link_to_its_candidates() throws Exception {
		long project = project("qingfeng");
		String html = page("city", project);
		assertThat(html).contains("id=\"project-allocation\"")
			.contains("id=\"outside-positioning\"")
			.contains("定位外项目")
			.contains("href=\"/allocation/projects/" + project + "\"")
			.as("the badge opens the ledger filtered to the unit's projects outside positioning")
			.contains("href=\"/projects?outsidePositioning=true&unit=" + Demo.unit(jdbc, "qingfeng") + "\"");
		assertThat(page("qingfeng", project)).contains("id=\"outside-positioning\"");
	}

	@Test
	void the_section_sits_after_the_stage_progress_and_funds_blocks_and_before_the_files() throws Exception {
		String html = page("city", project("qingfeng"));
		int section = html.indexOf("id=\"project-allocation\"");
		assertThat(section).isPositive();
		assertThat(html.indexOf("id=\"timeline\"")).isPositive().isLessThan(section);
		assertThat(html.indexOf("id=\"progress\"")).isPositive().isLessThan(section);
		assertThat(html.indexOf("id=\"funds\"")).isPositive().isLessThan(section);
		assertThat(html.indexOf("id=\"files\"")).isGreaterThan(section);
		assertThat(html.indexOf("id=\"project-allocation\"", section + 1)).as("shown once").isNegative();
	}

	@Test
	void a_project_inside_its_positioning_shows_the_section_only_with_a_transfer() throws Exception {
		long project = project("etdz");
		assertThat(page("city", project)).doesNotContain("id=\"project-allocation\"");
		jdbc.sql("""
				INSERT INTO allocation_transfer (project_id, subject_code, subject_name, chain_id, from_unit_id,
				    to_unit_id, reason, introducer_share_bp, years, status, proposed_by, proposed_at)
				VALUES (?, 'X', '定位测试项目', ?, ?, ?, '测试', 2500, 2, 'PROPOSED', 'city', CURRENT_TIMESTAMP)""")
			.params(project, Demo.chain(jdbc, "chemical"), Demo.unit(jdbc, "etdz"), Demo.unit(jdbc, "puyang"))
			.update();
		String html = page("city", project);
		assertThat(html).contains("id=\"project-allocation\"")
			.doesNotContain("id=\"outside-positioning\"")
			.contains("id=\"project-transfers\"")
			.contains("待接收")
			.contains("引进单位分成 25.00%，2 年");
	}
}
