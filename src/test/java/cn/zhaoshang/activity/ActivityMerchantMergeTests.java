package cn.zhaoshang.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import cn.zhaoshang.merchant.internal.MerchantMerges;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * An enterprise merge moves the activity records that point at the merged-away record to the one that stays, on H2
 * and PostgreSQL: events' enterprises met, trips' enterprises visited, joint teams' anchors and targets, resident
 * teams' log lines — without a second link where a record held both, each record audited — and undoing the merge
 * puts back exactly what was there, a dropped target with its direction.
 */
@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class ActivityMerchantMergeTests {

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

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

	long event(String name, long... merchants) {
		jdbc.sql("""
				INSERT INTO activity_event (kind, name, start_date, end_date, organiser_unit_id, created_by, updated_by)
				VALUES ('EXPO', :n, :d, :d, :u, 'test', 'test')""")
			.param("n", name)
			.param("d", LocalDate.of(2026, 10, 12))
			.param("u", Demo.unit(jdbc, "hualong"))
			.update();
		long id = jdbc.sql("SELECT id FROM activity_event WHERE name = :n").param("n", name).query(Long.class).single();
		for (long m : merchants) {
			jdbc.sql("INSERT INTO activity_event_merchant (event_id, merchant_id) VALUES (:e, :m)")
				.param("e", id)
				.param("m", m)
				.update();
		}
		return id;
	}

	long trip(String destination, long merchant) {
		jdbc.sql("""
				INSERT INTO trip (unit_id, date_from, date_to, destination, purpose, created_by)
				VALUES (:u, :d, :d, :dest, '合并测试', 'test')""")
			.param("u", Demo.unit(jdbc, "hualong"))
			.param("d", LocalDate.of(2026, 10, 8))
			.param("dest", destination)
			.update();
		long id = jdbc.sql("SELECT id FROM trip WHERE destination = :d").param("d", destination).query(Long.class)
			.single();
		jdbc.sql("INSERT INTO trip_merchant (trip_id, merchant_id) VALUES (:t, :m)").param("t", id).param("m", merchant)
			.update();
		return id;
	}

	long jointTeam(String name, long anchor) {
		long cadre = jdbc.sql("SELECT MIN(id) FROM person").query(Long.class).single();
		jdbc.sql("""
				INSERT INTO joint_team (name, unit_id, cadre_person_id, enterprise_head, anchor_merchant_id, created_by,
				    updated_by)
				VALUES (:n, :u, :c, '王总', :a, 'test', 'test')""")
			.param("n", name)
			.param("u", Demo.unit(jdbc, "hualong"))
			.param("c", cadre)
			.param("a", anchor)
			.update();
		return jdbc.sql("SELECT id FROM joint_team WHERE name = :n").param("n", name).query(Long.class).single();
	}

	void target(long team, long merchant, String direction) {
		jdbc.sql("INSERT INTO joint_team_target (team_id, merchant_id, direction) VALUES (:t, :m, :d)")
			.param("t", team)
			.param("m", merchant)
			.param("d", direction)
			.update();
	}

	long teamLog(String text, long merchant) {
		jdbc.sql("""
				INSERT INTO team_log (unit_id, log_date, kind, merchant_id, text, created_by, updated_by)
				VALUES (:u, :d, 'VISIT', :m, :t, 'test', 'test')""")
			.param("u", Demo.unit(jdbc, "hualong"))
			.param("d", LocalDate.of(2026, 10, 9))
			.param("m", merchant)
			.param("t", text)
			.update();
		return jdbc.sql("SELECT id FROM team_log WHERE text = :t").param("t", text).query(Long.class).single();
	}

	List<Long> eventMerchants(long event) {
		return jdbc.sql("SELECT merchant_id FROM activity_event_merchant WHERE event_id = :e ORDER BY merchant_id")
			.param("e", event)
			.query(Long.class)
			.list();
	}

	List<String> targets(long team) {
		return jdbc.sql("SELECT merchant_id, direction FROM joint_team_target WHERE team_id = :t ORDER BY merchant_id")
			.param("t", team)
			.query((rs, n) -> rs.getLong(1) + ":" + rs.getString(2))
			.list();
	}

	long one(String sql, long id) {
		return cn.zhaoshang.support.MergeRows.one(jdbc, sql, id);
	}

	long audits(String type, long id, String action) {
		return cn.zhaoshang.support.MergeRows.audits(jdbc, type, id, action);
	}

	@Test
	void a_merge_moves_events_trips_teams_and_log_lines_without_duplicates_and_undo_restores_them() throws Exception {
		String m = Pages.unique("合并活动");
		long survivor = merchant(m + "化工（濮阳）有限公司");
		long absorbed = merchant("濮阳市" + m + "化工有限公司");
		long other = merchant(m + "上游材料有限公司");
		long onlyAbsorbed = event(m + "博览会", absorbed);
		long both = event(m + "签约会", absorbed, survivor);
		long trip = trip(m + "宁波", absorbed);
		long anchored = jointTeam(m + "一队", absorbed);
		target(anchored, other, "UPSTREAM");
		long chasing = jointTeam(m + "二队", other);
		target(chasing, absorbed, "DOWNSTREAM");
		target(chasing, survivor, "UPSTREAM");
		long anchoredAtSurvivor = jointTeam(m + "三队", survivor);
		target(anchoredAtSurvivor, absorbed, "DOWNSTREAM");
		long log = teamLog(m + "走访", absorbed);
		long eventVersion = one("SELECT version FROM activity_event WHERE id = :id", onlyAbsorbed);

		long merge = merges.merge(survivor, absorbed, Demo.signIn(accounts, "admin"));

		assertThat(eventMerchants(onlyAbsorbed)).containsExactly(survivor);
		assertThat(eventMerchants(both)).as("held both: one link").containsExactly(survivor);
		assertThat(one("SELECT merchant_id FROM trip_merchant WHERE trip_id = :id", trip)).isEqualTo(survivor);
		assertThat(one("SELECT anchor_merchant_id FROM joint_team WHERE id = :id", anchored)).isEqualTo(survivor);
		assertThat(targets(anchored)).containsExactly(other + ":UPSTREAM");
		assertThat(targets(chasing)).as("chased both: one target").containsExactly(survivor + ":UPSTREAM");
		assertThat(targets(anchoredAtSurvivor)).as("the anchor is not its own target").isEmpty();
		assertThat(one("SELECT merchant_id FROM team_log WHERE id = :id", log)).isEqualTo(survivor);
		assertThat(one("SELECT version FROM activity_event WHERE id = :id", onlyAbsorbed))
			.as("an edit form opened before the merge is stale").isEqualTo(eventVersion + 1);
		assertThat(audits("activity_event", onlyAbsorbed, "MERGE")).isEqualTo(1);
		assertThat(audits("activity_event", both, "MERGE")).isEqualTo(1);
		assertThat(audits("trip", trip, "MERGE")).isEqualTo(1);
		assertThat(audits("joint_team", chasing, "MERGE")).isEqualTo(1);
		assertThat(audits("team_log", log, "MERGE")).isEqualTo(1);
		// the enterprise's page lists the events it took part in, both now under the survivor
		String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/merchants/" + survivor)
			.with(Pages.as(accounts, "city")))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(Pages.from(page, "links-event")).contains("参加的招商活动").contains(m + "博览会").contains(m + "签约会")
			.contains("博览会");
		// … its trips and the joint teams anchored at it or chasing it
		assertThat(Pages.from(page, "links-trip")).contains("外出招商拜访").contains(m + "宁波 · 合并测试")
			.contains("/activity/trips/" + trip);
		String teams = Pages.from(page, "links-jointTeam");
		assertThat(teams).contains("政企联合招商小分队").contains(m + "一队").contains(m + "二队").contains(m + "三队")
			.contains("链主企业").contains("上游目标").contains("/activity/joint-teams/" + chasing);
		assertThat(merges.find(merge).moved()).containsEntry("event", 2).containsEntry("trip", 1)
			.containsEntry("jointTeam", 1).containsEntry("jointTarget", 2).containsEntry("teamLog", 1);

		merges.undo(merge, Demo.signIn(accounts, "admin"));

		assertThat(eventMerchants(onlyAbsorbed)).containsExactly(absorbed);
		assertThat(eventMerchants(both)).containsExactlyInAnyOrder(absorbed, survivor);
		assertThat(one("SELECT merchant_id FROM trip_merchant WHERE trip_id = :id", trip)).isEqualTo(absorbed);
		assertThat(one("SELECT anchor_merchant_id FROM joint_team WHERE id = :id", anchored)).isEqualTo(absorbed);
		assertThat(targets(chasing)).containsExactlyInAnyOrder(absorbed + ":DOWNSTREAM", survivor + ":UPSTREAM");
		assertThat(targets(anchoredAtSurvivor)).containsExactly(absorbed + ":DOWNSTREAM");
		assertThat(one("SELECT merchant_id FROM team_log WHERE id = :id", log)).isEqualTo(absorbed);
		assertThat(audits("activity_event", both, "UNMERGE")).isEqualTo(1);
		assertThat(audits("joint_team", anchoredAtSurvivor, "UNMERGE")).isEqualTo(1);
	}
}
