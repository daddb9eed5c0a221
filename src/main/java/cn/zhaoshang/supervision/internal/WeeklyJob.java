package cn.zhaoshang.supervision.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compiles last week's dynamics every Monday at {@code zhaoshang.supervision.weekly-cron} (default 01:10) in
 * {@code zhaoshang.jobs.zone} (Asia/Shanghai), under a ShedLock lock so that with several nodes it runs on one; a week
 * that exists already (compiled by the bureau, or by an earlier run) is left alone, so it is compiled once.
 */
@Component
public class WeeklyJob {

	private static final Logger log = LoggerFactory.getLogger(WeeklyJob.class);

	private final WeeklyCompiler compiler;

	WeeklyJob(WeeklyCompiler compiler) {
		this.compiler = compiler;
	}

	@Scheduled(cron = "${zhaoshang.supervision.weekly-cron:0 10 1 * * MON}", zone = "${zhaoshang.jobs.zone:Asia/Shanghai}")
	@SchedulerLock(name = "supervision-weekly-compile", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
	public void run() {
		WeeklyKey week = compiler.lastWeek();
		boolean done = compiler.compileIfAbsent(week);
		log.info("Weekly dynamics {}: {}", week, done ? "compiled" : "exists already");
	}
}
