package cn.zhaoshang.clue.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhaoshang.clue.ClueFollowedUp;
import cn.zhaoshang.clue.ClueSummary;
import cn.zhaoshang.clue.Clues;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.Notifications;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.Settings;
import cn.zhaoshang.platform.UserId;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stale clues (issue 4): an open clue (NEW, FOLLOWING, CONFIRMED) whose latest follow-up, or creation while it has
 * none, lies {@code clue.staleAfterDays} days (default 30) or more in the past is flagged stale ({@code stale_since})
 * by a daily job, and its assignee and the managers of its owner unit (the city bureau's supervisors for a clue in
 * the city pool) are notified once for that stale period. A follow-up that makes the clue current again clears the
 * flag, so a later lapse starts a new period with a new notice.
 *
 * <p>The job runs at {@code zhaoshang.clue.stale-cron} (default 07:30) in {@code zhaoshang.jobs.zone} (default
 * Asia/Shanghai), under a ShedLock lock so that with several nodes it runs on one.
 */
@Component
public class StaleClues {

	private static final Logger log = LoggerFactory.getLogger(StaleClues.class);

	private final Clues clues;
	private final Settings settings;
	private final Notifications notifications;
	private final Auditor auditor;
	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final Clock clock;

	StaleClues(Clues clues, Settings settings, Notifications notifications, Auditor auditor, JdbcClient jdbc,
			PlatformTransactionManager transactions, Clock clock) {
		this.clues = clues;
		this.settings = settings;
		this.notifications = notifications;
		this.auditor = auditor;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** The daily run, taken by one node only (the lock is held for at least a minute, at most half an hour). */
	@Scheduled(cron = "${zhaoshang.clue.stale-cron:0 30 7 * * *}", zone = "${zhaoshang.jobs.zone:Asia/Shanghai}")
	@SchedulerLock(name = "clue-stale-detection", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
	public void run() {
		int flagged = detect();
		log.info("Stale clue detection: {} clue(s) newly stale", flagged);
	}

	/**
	 * Flags every open clue that has gone {@code clue.staleAfterDays} days without follow-up and is not flagged yet,
	 * and notifies its people; answers how many were newly flagged. Each clue in a transaction of its own, so one
	 * failure does not undo the others; its e-mails leave after that transaction commits.
	 */
	public int detect() {
		int days = settings.intValue(StaleClueSettings.STALE_AFTER_DAYS);
		LocalDate today = LocalDate.now(clock);
		// stale when today - last follow-up >= days, i.e. last follow-up before today - days + 1
		List<cn.zhaoshang.clue.ClueId> candidates = clues.openNotFlaggedIdleSince(today.minusDays(days - 1L));
		int flagged = 0;
		for (cn.zhaoshang.clue.ClueId id : candidates) {
			try {
				Boolean done = transaction.execute(tx -> clues.find(id).map(clue -> flag(clue, today)).orElse(false));
				if (Boolean.TRUE.equals(done)) {
					flagged++;
				}
			}
			catch (RuntimeException e) {
				log.warn("Could not flag clue {} as stale: {}", id.value(), e.toString());
			}
		}
		return flagged;
	}

	private boolean flag(ClueSummary clue, LocalDate today) {
		int changed = jdbc
			.sql("UPDATE clue SET stale_since = ? WHERE id = ? AND stale_since IS NULL "
					+ "AND status IN ('NEW', 'FOLLOWING', 'CONFIRMED')")
			.params(Timestamp.from(clock.instant()), clue.id().value())
			.update();
		if (changed == 0) {
			return false; // already stale: notified when it became so
		}
		long idle = ChronoUnit.DAYS.between(clue.lastFollowUpAt(), today);
		auditor.recordAs("system", null, null, "clue", clue.id().value(), "STALE_FLAGGED",
				clue.title() + " " + idle, Map.of(), Map.of("lastFollowUpAt", clue.lastFollowUpAt().toString()));
		Object[] args = { clue.title(), idle, clue.lastFollowUpAt().toString() };
		for (UserId recipient : recipients(clue)) {
			notifications.notify(recipient, ClueNotices.STALE, "clue.stale.notice", args, "/clues/" + clue.id().value());
		}
		return true;
	}

	/** The assignee and the owner unit's managers; the city bureau's supervisors for a clue in the city pool. */
	Set<UserId> recipients(ClueSummary clue) {
		Set<UserId> to = new LinkedHashSet<>();
		if (clue.assignee() != null) {
			to.add(clue.assignee());
		}
		if (clue.inCityPool()) {
			to.addAll(notifications.users(Role.CITY_SUPERVISOR, null));
		}
		else {
			to.addAll(notifications.users(Role.UNIT_MANAGER, clue.owner()));
		}
		return to;
	}

	/** A follow-up that brings the clue within the limit ends its stale period (in the follow-up's transaction). */
	@EventListener
	void followedUp(ClueFollowedUp event) {
		int days = settings.intValue(StaleClueSettings.STALE_AFTER_DAYS);
		if (ChronoUnit.DAYS.between(event.lastFollowUpAt(), LocalDate.now(clock)) >= days) {
			return; // a back-dated follow-up that is itself too old keeps the clue stale
		}
		long clueId = event.id().value();
		int changed = jdbc.sql("UPDATE clue SET stale_since = NULL WHERE id = ? AND stale_since IS NOT NULL")
			.param(clueId)
			.update();
		if (changed > 0) {
			auditor.record("clue", clueId, "STALE_CLEARED", null, Map.of("stale", true), Map.of("stale", false));
		}
	}

	/** Whether the clue is flagged stale now. */
	public boolean isStale(long clueId) {
		return jdbc.sql("SELECT COUNT(*) FROM clue WHERE id = ? AND stale_since IS NOT NULL")
			.param(clueId)
			.query(Long.class)
			.single() > 0;
	}

	/** Of these clues, the ones flagged stale (for badges on lists and the Kanban). */
	public Set<Long> staleAmong(java.util.Collection<Long> clueIds) {
		if (clueIds.isEmpty()) {
			return Set.of();
		}
		return new java.util.HashSet<>(jdbc.sql("SELECT id FROM clue WHERE stale_since IS NOT NULL AND id IN (:ids)")
			.param("ids", clueIds)
			.query(Long.class)
			.list());
	}
}
