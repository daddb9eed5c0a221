package cn.zhaoshang.activity;

import java.util.Arrays;
import java.util.List;

import cn.zhaoshang.activity.event.Events;
import cn.zhaoshang.activity.team.JointTeams;
import cn.zhaoshang.activity.team.TargetDirection;
import cn.zhaoshang.activity.team.Teams;
import cn.zhaoshang.merchant.MergedMerchantLinks;
import cn.zhaoshang.merchant.MerchantLinks;
import cn.zhaoshang.platform.Auditor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The activity records that follow an enterprise merge (see {@link MergedMerchantLinks}): events' enterprises met,
 * trips' enterprises visited, joint teams' anchors and targets, resident teams' log lines. The events, the trips and
 * the joint teams anchored at or chasing the enterprise are also cards of the enterprise's page.
 */
@Configuration(proxyBeanMethods = false)
class ActivityMerchantLinks {

	@Bean
	MerchantLinks eventMerchantLinks(JdbcClient jdbc, Auditor auditor) {
		return new MergedMerchantLinks(jdbc, auditor, MergedMerchantLinks.Spec.table("event", Events.RECORD,
				"activity_event", "name", "activity_event_merchant", "event_id", null, List.of(), null)
			.listed("""
					SELECT e.id, e.name, e.kind, e.organiser_unit_id, e.start_date
					FROM activity_event_merchant em JOIN activity_event e ON e.id = em.event_id
					WHERE em.merchant_id = :merchant ORDER BY e.start_date DESC, e.id DESC LIMIT :limit""",
					"event.kind.", "/activity/events/"));
	}

	@Bean
	MerchantLinks tripMerchantLinks(JdbcClient jdbc, Auditor auditor) {
		return new MergedMerchantLinks(jdbc, auditor, MergedMerchantLinks.Spec.table("trip", "trip", "trip",
				"destination", "trip_merchant", "trip_id", null, List.of(), null)
			.listed("""
					SELECT t.id, t.destination || ' · ' || t.purpose, t.status, t.unit_id, t.date_from
					FROM trip_merchant tm JOIN trip t ON t.id = tm.trip_id
					WHERE tm.merchant_id = :merchant ORDER BY t.date_from DESC, t.id DESC LIMIT :limit""",
					"tripStatus.", "/activity/trips/"));
	}

	@Bean
	MerchantLinks jointTeamAnchorLinks(JdbcClient jdbc, Auditor auditor) {
		return new MergedMerchantLinks(jdbc, auditor, MergedMerchantLinks.Spec.column("jointTeam", JointTeams.RECORD,
				"joint_team", "name", "anchor_merchant_id")
			.listed("""
					SELECT j.id, j.name, 'ANCHOR', j.unit_id, CAST(j.created_at AS DATE) FROM joint_team j
					WHERE j.anchor_merchant_id = :merchant
					UNION ALL
					SELECT j.id, j.name, t.direction, j.unit_id, CAST(j.created_at AS DATE)
					FROM joint_team_target t JOIN joint_team j ON j.id = t.team_id WHERE t.merchant_id = :merchant
					ORDER BY 5 DESC, 1 DESC LIMIT :limit""", "team.role.", "/activity/joint-teams/"));
	}

	/** A target the team already chases as its anchor (before or after the merge) is not added twice. */
	@Bean
	MerchantLinks jointTeamTargetLinks(JdbcClient jdbc, Auditor auditor) {
		return new MergedMerchantLinks(jdbc, auditor, MergedMerchantLinks.Spec.table("jointTarget", JointTeams.RECORD,
				"joint_team", "name", "joint_team_target", "team_id", "direction",
				Arrays.stream(TargetDirection.values()).map(Enum::name).toList(),
				"SELECT id FROM joint_team WHERE anchor_merchant_id = :into"));
	}

	@Bean
	MerchantLinks teamLogMerchantLinks(JdbcClient jdbc, Auditor auditor) {
		return new MergedMerchantLinks(jdbc, auditor, MergedMerchantLinks.Spec.column("teamLog", Teams.RECORD,
				"team_log", "CAST(log_date AS VARCHAR(10))", "merchant_id"));
	}
}
