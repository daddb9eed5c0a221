package cn.zhaoshang.dispatch.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.Auditor;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily deadline reminders of open rounds: {@code dispatch.remindDaysBefore} days before the deadline every
 * unit with projects in scope is told (with how many reports it still misses); on the deadline (or the first run
 * after it) the units still missing reports are told again. Each reminder goes once per round (the round records
 * the day it was sent), so a second run the same day, or a restart, sends nothing twice.
 */
@Component
public class DispatchReminders {

	private static final Logger log = LoggerFactory.getLogger(DispatchReminders.class);

	private final RoundStore rounds;
	private final ScopeStore scope;
	private final DispatchNotices notices;
	private final DispatchCalendar calendar;
	private final Auditor auditor;
	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final Clock clock;

	DispatchReminders(RoundStore rounds, ScopeStore scope, DispatchNotices notices, DispatchCalendar calendar,
			Auditor auditor, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.rounds = rounds;
		this.scope = scope;
		this.notices = notices;
		this.calendar = calendar;
		this.auditor = auditor;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Scheduled(cron = "${zhaoshang.dispatch.reminder-cron:0 0 8 * * *}", zone = "${zhaoshang.jobs.zone:Asia/Shanghai}")
	@SchedulerLock(name = "dispatch-deadline-reminders", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
	public void run() {
		int sent = remind();
		log.info("Dispatch deadline reminders: {} notice(s)", sent);
	}

	/** Sends what is due today; answers how many notices went out. */
	public int remind() {
		LocalDate today = LocalDate.now(clock);
		int days = calendar.remindDaysBefore();
		int sent = 0;
		// open rounds whose deadline is at most `days` ahead (or past): ahead reminder when not sent yet and the
		// deadline is still ahead; due reminder when the deadline is today or past and it was not sent yet
		for (DispatchRound round : rounds.openWithDeadlineBetween(LocalDate.of(1990, 1, 1), today.plusDays(days))) {
			try {
				Integer n = transaction.execute(tx -> remind(round, today));
				sent += n == null ? 0 : n;
			}
			catch (RuntimeException e) {
				log.warn("Could not remind the units of dispatch round {}: {}", round.id(), e.toString());
			}
		}
		return sent;
	}

	private int remind(DispatchRound round, LocalDate today) {
		boolean due = !today.isBefore(round.deadline());
		String column = due ? "reminded_due_on" : "reminded_ahead_on";
		int claimed = jdbc.sql("UPDATE dispatch_round SET " + column + " = :today WHERE id = :id AND " + column
				+ " IS NULL AND status = 'OPEN'")
			.param("today", today)
			.param("id", round.id())
			.update();
		if (claimed == 0) {
			return 0;
		}
		List<Long> units = due ? scope.unitsMissingReports(round.id()) : scope.units(round.id());
		int sent = 0;
		for (Long unit : units) {
			long missing = jdbc.sql("SELECT COUNT(*) FROM dispatch_scope WHERE round_id = :r AND unit_id = :u"
					+ " AND report_status <> 'SUBMITTED'")
				.param("r", round.id())
				.param("u", unit)
				.query(Long.class)
				.single();
			sent += notices.remind(round, unit, !due, missing);
		}
		auditor.recordAs("system", null, null, "dispatchRound", round.id(), due ? "REMIND_DUE" : "REMIND_AHEAD",
				round.name(), Map.of(), Map.of("units", units.size(), "notices", sent));
		return sent;
	}
}
