package cn.zhaoshang.activity;

import java.util.List;

import cn.zhaoshang.activity.event.Events;
import cn.zhaoshang.activity.leader.LeaderContacts;
import cn.zhaoshang.activity.team.JointTeams;
import cn.zhaoshang.activity.team.Teams;
import cn.zhaoshang.activity.training.Cooperations;
import cn.zhaoshang.activity.training.Trainings;
import cn.zhaoshang.platform.HistoryLabels;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How the enum fields of activity records read in their history: 活动类型 博览会 rather than EXPO, 培训形式 专题讲座
 * rather than SPECIAL_LECTURE, and so on (a trip's status reads through {@code tripStatus.*} already); a joint
 * team's targets by direction and enterprise name ({@code TargetHistoryLabels}); the id lists of events, trainings
 * and cooperations by name ({@link IdListHistoryLabels}).
 */
@Configuration(proxyBeanMethods = false)
class ActivityLabels {

	@Bean
	HistoryLabels eventKindLabels(MessageSource messages) {
		return HistoryLabels.messages(messages, Events.RECORD, List.of("eventKind"), "event.kind.");
	}

	@Bean
	HistoryLabels trainingKindLabels(MessageSource messages) {
		return HistoryLabels.messages(messages, Trainings.RECORD, List.of("trainingKind"), "training.kind.");
	}

	@Bean
	HistoryLabels cooperationStatusLabels(MessageSource messages) {
		return HistoryLabels.messages(messages, Cooperations.RECORD, List.of("cooperationStatus"),
				"cooperation.status.");
	}

	@Bean
	HistoryLabels teamLogKindLabels(MessageSource messages) {
		return HistoryLabels.messages(messages, Teams.RECORD, List.of("logKind"), "team.logKind.");
	}

	@Bean
	HistoryLabels eventUnitListLabels(JdbcClient jdbc, MessageSource messages) {
		return names(jdbc, messages, Events.RECORD, "participantUnitIds", "unit", "name");
	}

	@Bean
	HistoryLabels eventMerchantListLabels(JdbcClient jdbc, MessageSource messages) {
		return names(jdbc, messages, Events.RECORD, "merchantIds", "merchant", "name");
	}

	@Bean
	HistoryLabels eventClueListLabels(JdbcClient jdbc, MessageSource messages) {
		return names(jdbc, messages, Events.RECORD, "clueIds", "clue", "title");
	}

	@Bean
	HistoryLabels eventProjectListLabels(JdbcClient jdbc, MessageSource messages) {
		return names(jdbc, messages, Events.RECORD, "projectIds", "project", "CONCAT(code, ' ', name)");
	}

	@Bean
	HistoryLabels trainingAttendeeListLabels(JdbcClient jdbc, MessageSource messages) {
		return names(jdbc, messages, Trainings.RECORD, "attendeeIds", "person", "name");
	}

	@Bean
	HistoryLabels cooperationTalentListLabels(JdbcClient jdbc, MessageSource messages) {
		return names(jdbc, messages, Cooperations.RECORD, "talentIds", "talent", "name");
	}

	@Bean
	HistoryLabels jointTeamCadreLabels(JdbcClient jdbc, MessageSource messages) {
		return names(jdbc, messages, JointTeams.RECORD, "cadrePersonId", "person", "name");
	}

	@Bean
	HistoryLabels jointTeamAnchorLabels(JdbcClient jdbc, MessageSource messages) {
		return names(jdbc, messages, JointTeams.RECORD, "anchorMerchantId", "merchant", "name");
	}

	@Bean
	HistoryLabels jointTeamTargetLabels(MessageSource messages, cn.zhaoshang.merchant.Merchants merchants) {
		return new cn.zhaoshang.activity.team.TargetHistoryLabels(messages, merchants);
	}

	@Bean
	HistoryLabels leaderContactKindLabels(MessageSource messages) {
		return HistoryLabels.messages(messages, LeaderContacts.RECORD, List.of("contactKind"), "leader.contactKind.");
	}

	/** The names of the ids of a field, read from a table's column (or expression). */
	private static HistoryLabels names(JdbcClient jdbc, MessageSource messages, String recordType, String field,
			String table, String name) {
		return new IdListHistoryLabels(recordType, field, "SELECT id, " + name + " FROM " + table
				+ " WHERE id IN (:ids)", jdbc, messages);
	}
}
