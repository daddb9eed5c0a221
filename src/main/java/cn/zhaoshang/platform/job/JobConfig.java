package cn.zhaoshang.platform.job;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs. Every {@code @Scheduled} method also carries {@code @SchedulerLock(name = ...)}: before it runs,
 * the node takes the job's row in the {@code shedlock} table (database time, so the nodes' clocks do not matter), and
 * a node that finds the row taken skips that run. With N nodes behind a load balancer each job thus runs once
 * (docs/operations.md, docs/adr/0007-notifications-and-jobs.md).
 *
 * <p>{@code zhaoshang.jobs.enabled=false} (the tests set it) stops the scheduler, so nothing fires at random during
 * a test; the lock stays in force for code that calls a job method directly.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class JobConfig {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	@ConditionalOnProperty(name = "zhaoshang.jobs.enabled", havingValue = "true", matchIfMissing = true)
	static class Scheduling {
	}
}
