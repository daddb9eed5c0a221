package cn.zhaoshang.service.appeal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.Notifications;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UserId;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalates late appeals to the responsible leaders (clause XVI), every 30 minutes under a ShedLock lock: an appeal
 * not acknowledged by its acknowledge deadline (level 1), or still owed an answer after its due date (level 2), is
 * escalated once per level: the leaders (LEADER accounts) of its assigned unit, else the city's leaders, and the city
 * bureau are notified, and the escalation is audited. A claimed level is written first, so a second run or another
 * node sends nothing twice.
 */
@Component
public class AppealEscalation {

	private static final Logger log = LoggerFactory.getLogger(AppealEscalation.class);

	private final JdbcClient jdbc;
	private final Notifications notifications;
	private final Auditor auditor;
	private final TransactionTemplate transaction;
	private final Clock clock;

	AppealEscalation(JdbcClient jdbc, Notifications notifications, Auditor auditor,
			PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.auditor = auditor;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Scheduled(cron = "${zhaoshang.appeal.escalation-cron:0 */30 * * * *}", zone = "${zhaoshang.jobs.zone:Asia/Shanghai}")
	@SchedulerLock(name = "appeal-escalation", lockAtLeastFor = "PT1M", lockAtMostFor = "PT20M")
	public void run() {
		log.info("Appeal escalation: {} appeal(s) escalated", escalate());
	}

	private record Late(long id, String trackingNo, String enterpriseName, Long unitId, int level) {
	}

	/** Escalates what is late now; answers how many appeals were escalated. */
	public int escalate() {
		Timestamp now = Timestamp.from(clock.instant());
		List<Late> late = jdbc.sql("""
				SELECT id, tracking_no, enterprise_name, assigned_unit_id,
				    CASE WHEN status IN ('RECEIVED', 'ACKNOWLEDGED', 'REOPENED') AND due_at < :now THEN 2 ELSE 1 END
				FROM appeal
				WHERE (status IN ('RECEIVED', 'ACKNOWLEDGED', 'REOPENED') AND due_at < :now AND escalation_level < 2)
				   OR (status = 'RECEIVED' AND ack_due_at < :now AND escalation_level < 1)
				ORDER BY id""")
			.param("now", now)
			.query((rs, n) -> new Late(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, Long.class), rs.getInt(5)))
			.list();
		int done = 0;
		for (Late a : late) {
			try {
				Boolean sent = transaction.execute(tx -> escalate(a, now));
				done += Boolean.TRUE.equals(sent) ? 1 : 0;
			}
			catch (RuntimeException e) {
				log.warn("Could not escalate appeal {}: {}", a.id(), e.toString());
			}
		}
		return done;
	}

	private boolean escalate(Late a, Timestamp now) {
		int claimed = jdbc.sql("UPDATE appeal SET escalation_level = :level, escalated_at = :now, version = version + 1"
				+ " WHERE id = :id AND escalation_level < :level")
			.param("level", a.level())
			.param("now", now)
			.param("id", a.id())
			.update();
		if (claimed == 0) {
			return false;
		}
		Set<UserId> recipients = new LinkedHashSet<>();
		List<UserId> leaders = a.unitId() == null ? List.of() : notifications.users(Role.LEADER, new UnitId(a.unitId()));
		recipients.addAll(leaders.isEmpty() ? notifications.users(Role.LEADER, null) : leaders);
		if (a.unitId() != null) {
			recipients.addAll(notifications.users(Role.UNIT_MANAGER, new UnitId(a.unitId())));
		}
		recipients.addAll(notifications.users(Role.CITY_SUPERVISOR, null));
		String subject = a.level() == 2 ? "appeal.notice.lateAnswer" : "appeal.notice.lateAcknowledge";
		for (UserId user : recipients) {
			notifications.notify(user, subject, new Object[] { a.trackingNo(), a.enterpriseName() },
					"/appeals/" + a.id());
		}
		auditor.recordAs(null, null, null, AppealWrites.RECORD, a.id(), "ESCALATE", a.trackingNo(), Map.of(),
				Map.of("escalationLevel", a.level()));
		return true;
	}

}
