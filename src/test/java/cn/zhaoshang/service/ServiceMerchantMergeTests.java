package cn.zhaoshang.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import cn.zhaoshang.merchant.internal.MerchantMerges;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * An enterprise merge moves the enterprise-service records that point at the merged-away record to the one that
 * stays, on H2 and PostgreSQL (issue 13): service days' enterprises (a day that had both keeps one link), the
 * problems collected on them (each on its own, the day versioned and audited) and appeals; the enterprise's page
 * lists its service days; undoing the merge puts back exactly what was there.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ServiceMerchantMergeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MerchantMerges merges;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	long merchant(String name) {
		return cn.zhaoshang.support.MergeRows.merchant(jdbc, name);
	}

	long day(String title, long... merchants) {
		jdbc.sql("INSERT INTO service_day (unit_id, day_date, title, created_by) VALUES (:u, :d, :t, 'test')")
			.param("u", Demo.unit(jdbc, "hualong"))
			.param("d", LocalDate.of(2026, 10, 15))
			.param("t", title)
			.update();
		long id = jdbc.sql("SELECT id FROM service_day WHERE title = :t").param("t", title).query(Long.class).single();
		for (long m : merchants) {
			jdbc.sql("INSERT INTO service_day_enterprise (day_id, merchant_id) VALUES (:d, :m)")
				.param("d", id)
				.param("m", m)
				.update();
		}
		return id;
	}

	long problem(long day, long merchant, String content) {
		jdbc.sql("INSERT INTO service_day_problem (day_id, merchant_id, content, owner) VALUES (:d, :m, :c, '县发改委')")
			.param("d", day)
			.param("m", merchant)
			.param("c", content)
			.update();
		return jdbc.sql("SELECT id FROM service_day_problem WHERE content = :c").param("c", content)
			.query(Long.class)
			.single();
	}

	long appeal(String tracking, long merchant) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO appeal (tracking_no, channel, category, merchant_id, enterprise_name, content, status,
				    ack_due_at, due_at)
				VALUES (:t, 'MAYOR_HOTLINE', 'LAND', :m, '合并测试企业', '用地指标', 'RECEIVED', :now, :now)""")
			.param("t", tracking)
			.param("m", merchant)
			.param("now", now)
			.update();
		return jdbc.sql("SELECT id FROM appeal WHERE tracking_no = :t").param("t", tracking).query(Long.class)
			.single();
	}

	List<Long> dayMerchants(long day) {
		return jdbc.sql("SELECT merchant_id FROM service_day_enterprise WHERE day_id = :d ORDER BY merchant_id")
			.param("d", day)
			.query(Long.class)
			.list();
	}

	long one(String sql, long id) {
		return cn.zhaoshang.support.MergeRows.one(jdbc, sql, id);
	}

	long audits(String type, long id, String action) {
		return cn.zhaoshang.support.MergeRows.audits(jdbc, type, id, action);
	}

	@Test
	void a_merge_moves_service_days_problems_and_appeals_without_duplicates_and_undo_restores_them() throws Exception {
		String m = Pages.unique("合并服务");
		long survivor = merchant(m + "装备（濮阳）有限公司");
		long absorbed = merchant("濮阳市" + m + "装备有限公司");
		long onlyAbsorbed = day(m + "装备制造企业服务日", absorbed);
		long both = day(m + "化工企业服务日", absorbed, survivor);
		long p1 = problem(onlyAbsorbed, absorbed, m + "用电增容");
		long p2 = problem(both, absorbed, m + "道路配套");
		long p3 = problem(both, survivor, m + "用工招聘");
		long appeal = appeal(m.substring(Math.max(0, m.length() - 12)), absorbed);
		long dayVersion = one("SELECT version FROM service_day WHERE id = :id", onlyAbsorbed);
		long appealVersion = one("SELECT version FROM appeal WHERE id = :id", appeal);

		long merge = merges.merge(survivor, absorbed, Demo.signIn(accounts, "admin"));

		assertThat(dayMerchants(onlyAbsorbed)).containsExactly(survivor);
		assertThat(dayMerchants(both)).as("had both: one link").containsExactly(survivor);
		for (long p : List.of(p1, p2, p3)) {
			assertThat(one("SELECT merchant_id FROM service_day_problem WHERE id = :id", p)).isEqualTo(survivor);
		}
		assertThat(one("SELECT merchant_id FROM appeal WHERE id = :id", appeal)).isEqualTo(survivor);
		assertThat(one("SELECT version FROM service_day WHERE id = :id", onlyAbsorbed))
			.as("the enterprise link and the problem each move the day's version on").isEqualTo(dayVersion + 2);
		assertThat(one("SELECT version FROM appeal WHERE id = :id", appeal)).isEqualTo(appealVersion + 1);
		assertThat(audits("serviceDay", onlyAbsorbed, "MERGE")).isEqualTo(2);
		assertThat(audits("serviceDay", both, "MERGE")).isEqualTo(2);
		assertThat(audits("appeal", appeal, "MERGE")).isEqualTo(1);
		assertThat(merges.find(merge).moved()).containsEntry("serviceDay", 2).containsEntry("serviceProblem", 2)
			.containsEntry("appeal", 1);
		String page = mvc.perform(MockMvcRequestBuilders.get("/merchants/" + survivor).with(Pages.as(accounts, "city")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(Pages.from(page, "links-serviceDay")).contains("企业服务日").contains(m + "装备制造企业服务日")
			.contains(m + "化工企业服务日").contains("反映问题").contains("/service-days/" + both);

		merges.undo(merge, Demo.signIn(accounts, "admin"));

		assertThat(dayMerchants(onlyAbsorbed)).containsExactly(absorbed);
		assertThat(dayMerchants(both)).containsExactlyInAnyOrder(absorbed, survivor);
		assertThat(one("SELECT merchant_id FROM service_day_problem WHERE id = :id", p1)).isEqualTo(absorbed);
		assertThat(one("SELECT merchant_id FROM service_day_problem WHERE id = :id", p2)).isEqualTo(absorbed);
		assertThat(one("SELECT merchant_id FROM service_day_problem WHERE id = :id", p3))
			.as("the survivor's own problem stays").isEqualTo(survivor);
		assertThat(one("SELECT merchant_id FROM appeal WHERE id = :id", appeal)).isEqualTo(absorbed);
		assertThat(audits("serviceDay", both, "UNMERGE")).isEqualTo(2);
		assertThat(audits("appeal", appeal, "UNMERGE")).isEqualTo(1);
	}

	@Test
	void unit_users_see_the_service_days_on_the_enterprise_page_as_on_the_days_list() throws Exception {
		// every internal role reads every unit's service days (DataScopes: readAll), so the card shows them all
		String m = Pages.unique("范围服务");
		long merchant = merchant(m + "有限公司");
		day(m + "华龙区企业服务日", merchant);
		assertThat(Pages.from(page("hualong", merchant), "links-serviceDay")).contains(m + "华龙区企业服务日");
		assertThat(Pages.from(page("qingfeng", merchant), "links-serviceDay")).contains(m + "华龙区企业服务日");
	}

	String page(String user, long merchant) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.get("/merchants/" + merchant).with(Pages.as(accounts, user)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}
}
