package cn.zhaoshang.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.zhaoshang.activity.event.Events;
import cn.zhaoshang.activity.leader.LeaderContacts;
import cn.zhaoshang.activity.team.Teams;
import cn.zhaoshang.activity.training.Cooperations;
import cn.zhaoshang.activity.training.Trainings;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.HistoryEntry;
import cn.zhaoshang.platform.RecordHistory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The enum fields of activity and partner records read in the history as in the pages (博览会, not EXPO), in the
 * reader's language, the way other modules register their labels ({@code HistoryLabels}).
 */
@SpringBootTest
class ActivityHistoryLabelTests {

	@Autowired
	Auditor auditor;

	@Autowired
	RecordHistory history;

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
	}

	/** "label: before → after" of every change of the record's history, read in the locale. */
	List<String> read(String type, long id, String field, Object before, Object after, Locale locale) {
		auditor.record(type, id, "UPDATE", "t", Map.of(field, before), Map.of(field, after));
		LocaleContextHolder.setLocale(locale);
		// the test context's mock request stands for the page being rendered: the history reads its language
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& attributes.getRequest() instanceof MockHttpServletRequest request) {
			request.setPreferredLocales(List.of(locale));
		}
		return history.of(type, id)
			.stream()
			.flatMap(e -> e.changes().stream())
			.map((HistoryEntry.FieldChange c) -> c.label() + ": " + c.before() + " → " + c.after())
			.toList();
	}

	@Test
	void activity_and_partner_enum_values_read_as_labels_in_the_readers_language() {
		long id = 900_000_000L + System.nanoTime() % 1_000_000;
		Locale zh = Locale.SIMPLIFIED_CHINESE;
		assertThat(read(Events.RECORD, id, "eventKind", "EXPO", "SIGNING_CEREMONY", zh))
			.containsExactly("活动类型: 博览会 → 集中签约");
		assertThat(read(Trainings.RECORD, id, "trainingKind", "SPECIAL_LECTURE", "CASE_ANALYSIS", zh))
			.containsExactly("培训形式: 专题讲座 → 案例分析");
		assertThat(read(Cooperations.RECORD, id, "cooperationStatus", "NEGOTIATING", "SIGNED", zh))
			.containsExactly("合作状态: 洽谈中 → 已签约");
		assertThat(read(Teams.RECORD, id, "logKind", "VISIT", "CONTACT", zh))
			.containsExactly("类型: 走访企业 → 联络洽谈");
		assertThat(read(LeaderContacts.RECORD, id, "contactKind", "MEETING", "PROBLEM", zh))
			.containsExactly("类型: 调度会议 → 协调问题");
		assertThat(read("trip", id, "tripStatus", "SUBMITTED", "APPROVED", zh)).singleElement()
			.asString()
			.doesNotContain("APPROVED");
		assertThat(read("partner_reward", id, "status", "DUE", "APPROVED", zh))
			.containsExactly("状态: 待审批 → 已审批");
		assertThat(read("partner_consultant", id, "kind", "NATIVE", "EXPERT", Locale.ENGLISH)).singleElement()
			.asString()
			.doesNotContain("EXPERT")
			.doesNotContain("NATIVE");
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void agreement_rules_and_joint_team_targets_read_as_on_their_pages_not_as_stored() {
		long id = 910_000_000L + System.nanoTime() % 1_000_000;
		Locale zh = Locale.SIMPLIFIED_CHINESE;
		assertThat(read("partner_agreement", id, "rules", "SIGNED 10000.00",
				"SIGNED 10000.00; COMMENCED 0.5% <= 200000.00", zh))
			.containsExactly("奖励规则: 签约 · 固定 10,000.00 元 → 签约 · 固定 10,000.00 元；开工 · 到位资金的 0.5% · 封顶 200,000.00 元");
		assertThat(read("partner_reward", id, "rule", "COMMENCED 0.5%", "IN_PRODUCTION 8000.00 <= 9000.00",
				Locale.ENGLISH)).singleElement()
			.asString()
			.doesNotContain("COMMENCED")
			.doesNotContain("IN_PRODUCTION")
			.contains("0.5% of funds in place")
			.contains("cap 9,000.00 yuan");
		String name = cn.zhaoshang.support.Pages.unique("链上材料有限公司");
		jdbc.sql("INSERT INTO merchant (name, normalized_name) VALUES (:n, :n)").param("n", name).update();
		long merchant = jdbc.sql("SELECT id FROM merchant WHERE name = :n").param("n", name).query(Long.class).single();
		assertThat(read("joint_team", id, "targets", "[]", "[UPSTREAM:" + merchant + ", DOWNSTREAM:" + merchant + "]",
				zh)).containsExactly("上下游目标企业: 无 → 上游 " + name + "、下游 " + name);
	}

	@Test
	void an_events_lists_of_units_enterprises_clues_and_projects_read_as_names() {
		long id = 920_000_000L + System.nanoTime() % 1_000_000;
		Locale zh = Locale.SIMPLIFIED_CHINESE;
		long hualong = cn.zhaoshang.support.Demo.unit(jdbc, "hualong");
		assertThat(read(Events.RECORD, id, "participantUnitIds", "[]", "[" + hualong + "]", zh)).singleElement()
			.asString()
			.endsWith(": 无 → 华龙区");
		String a = cn.zhaoshang.support.Pages.unique("会上甲公司");
		String b = cn.zhaoshang.support.Pages.unique("会上乙公司");
		for (String n : List.of(a, b)) {
			jdbc.sql("INSERT INTO merchant (name, normalized_name) VALUES (:n, :n)").param("n", n).update();
		}
		List<Long> ids = jdbc.sql("SELECT id FROM merchant WHERE name IN (:n) ORDER BY id").param("n", List.of(a, b))
			.query(Long.class)
			.list();
		assertThat(read(Events.RECORD, id + 1, "merchantIds", "[" + ids.get(0) + "]", ids.toString(), zh))
			.containsExactly("企业: " + a + " → " + a + "、" + b);
		long project = jdbc.sql("SELECT MIN(id) FROM project").query(Long.class).single();
		String code = jdbc.sql("SELECT code FROM project WHERE id = :id").param("id", project).query(String.class)
			.single();
		assertThat(read(Events.RECORD, id + 2, "projectIds", "[]", "[" + project + ", 999999999]", zh))
			.singleElement()
			.asString()
			.contains(code)
			.endsWith("#999999999");
	}
}
