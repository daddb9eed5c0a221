package cn.zhaoshang.service.approval;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhaoshang.org.People;
import cn.zhaoshang.org.PersonId;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.NotificationKind;
import cn.zhaoshang.platform.Notifications;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UserId;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily flag of overdue commitments (容缺受理): every checklist item accepted on commitment whose promised date
 * has passed is flagged once (the item records the day) and the project's chief attendant is told; a project whose
 * chief attendant has no account tells its unit's managers instead. A second run the same day, or a restart, sends
 * nothing twice; a new promised date may be flagged again.
 */
@Component
public class CommitmentReminders {

	static final String KIND = "commitmentOverdue";

	private static final Logger log = LoggerFactory.getLogger(CommitmentReminders.class);

	private record Due(long id, long projectId, String name, LocalDate promised, String code, String projectName,
			long unitId, Long attendantId) {
	}

	private final JdbcClient jdbc;
	private final People people;
	private final Notifications notifications;
	private final Auditor auditor;
	private final TransactionTemplate transaction;
	private final Clock clock;

	CommitmentReminders(JdbcClient jdbc, People people, Notifications notifications, Auditor auditor,
			PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.people = people;
		this.notifications = notifications;
		this.auditor = auditor;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Scheduled(cron = "${zhaoshang.service.commitment-cron:0 30 8 * * *}", zone = "${zhaoshang.jobs.zone:Asia/Shanghai}")
	@SchedulerLock(name = "service-commitment-reminders", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
	public void run() {
		int sent = remind();
		log.info("Overdue commitment flags: {} notice(s)", sent);
	}

	/** Flags what is overdue today; answers how many notices went out. */
	public int remind() {
		LocalDate today = LocalDate.now(clock);
		List<Due> due = jdbc.sql("""
				SELECT m.id, m.project_id, m.name, m.promised_date, p.code, p.name AS project_name, p.unit_id,
				  p.chief_attendant_id
				FROM service_project_material m JOIN project p ON p.id = m.project_id
				WHERE m.status = 'MISSING_COMMITTED' AND m.promised_date < :today AND m.flagged_on IS NULL
				ORDER BY m.project_id, m.sort_order""")
			.param("today", today)
			.query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("project_id"), rs.getString("name"),
					rs.getObject("promised_date", LocalDate.class), rs.getString("code"),
					rs.getString("project_name"), rs.getLong("unit_id"), rs.getObject("chief_attendant_id", Long.class)))
			.list();
		int sent = 0;
		for (Due d : due) {
			try {
				Integer n = transaction.execute(tx -> flag(d, today));
				sent += n == null ? 0 : n;
			}
			catch (RuntimeException e) {
				log.warn("Could not flag the overdue commitment {}: {}", d.id(), e.toString());
			}
		}
		return sent;
	}

	private int flag(Due d, LocalDate today) {
		int claimed = jdbc.sql("UPDATE service_project_material SET flagged_on = :today WHERE id = :id"
				+ " AND flagged_on IS NULL")
			.param("today", today)
			.param("id", d.id())
			.update();
		if (claimed == 0) {
			return 0;
		}
		Set<UserId> to = new LinkedHashSet<>();
		if (d.attendantId() != null) {
			people.userOf(new PersonId(d.attendantId())).ifPresent(to::add);
		}
		if (to.isEmpty()) {
			to.addAll(notifications.users(Role.UNIT_MANAGER, new UnitId(d.unitId())));
		}
		for (UserId user : to) {
			notifications.notify(user, KIND, "material.notice.overdue",
					new Object[] { d.code() + " " + d.projectName(), d.name(), d.promised().toString() },
					"/projects/" + d.projectId());
		}
		auditor.recordAs("system", null, null, "projectMaterials", d.projectId(), "FLAG", d.code(), Map.of(),
				Map.of("materialName", d.name(), "promisedDate", d.promised().toString()));
		return to.size();
	}

	@Configuration(proxyBeanMethods = false)
	static class Kinds {

		@Bean
		NotificationKind commitmentOverdueKind() {
			return new NotificationKind(KIND, "notice.kind." + KIND, "notice.kind." + KIND + ".help", 94);
		}
	}
}
