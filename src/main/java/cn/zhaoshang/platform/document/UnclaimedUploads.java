package cn.zhaoshang.platform.document;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.StoredDocument;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes uploads that no use case claimed (an evidence file kept for a refused stage move that was never sent again,
 * an API upload never named by a move) once they are older than {@code zhaoshang.documents.unclaimed-max-age}
 * (default {@code P1D}). Each removal is audited ({@code attachment DISCARD}, actor {@code system}); the row goes in
 * a transaction of its own, the file after it commits. Runs at {@code zhaoshang.documents.cleanup-cron} (default
 * 03:15) under a ShedLock lock, so that with several nodes it runs on one.
 */
@Component
class UnclaimedUploads {

	private static final Logger log = LoggerFactory.getLogger(UnclaimedUploads.class);

	private final DocumentStore store;
	private final JdbcClient jdbc;
	private final Auditor auditor;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final Duration maxAge;

	UnclaimedUploads(DocumentStore store, JdbcClient jdbc, Auditor auditor, PlatformTransactionManager transactions,
			Clock clock, @Value("${zhaoshang.documents.unclaimed-max-age:P1D}") Duration maxAge) {
		this.store = store;
		this.jdbc = jdbc;
		this.auditor = auditor;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.maxAge = maxAge;
	}

	@Scheduled(cron = "${zhaoshang.documents.cleanup-cron:0 15 3 * * *}", zone = "${zhaoshang.jobs.zone:Asia/Shanghai}")
	@SchedulerLock(name = "document-unclaimed-cleanup", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
	public void run() {
		int removed = removeOlderThan(maxAge);
		log.info("Unclaimed uploads: {} removed (older than {})", removed, maxAge);
	}

	/** Removes the unclaimed uploads older than {@code age}; answers how many went. */
	int removeOlderThan(Duration age) {
		var before = clock.instant().minus(age).atOffset(ZoneOffset.UTC);
		List<StoredDocument> old = jdbc.sql("""
				SELECT * FROM attachment WHERE owner_type IS NULL AND owner_id IS NULL AND uploaded_at < :before
				ORDER BY id""")
			.param("before", before)
			.query(DocumentStore::row)
			.list();
		int removed = 0;
		for (StoredDocument d : old) {
			try {
				transaction.executeWithoutResult(tx -> {
					store.remove(d);
					auditor.recordAs("system", null, null, "attachment", d.id(), "DISCARD", d.fileName(),
							Map.of("fileName", d.fileName(), "uploadedBy", String.valueOf(d.uploadedBy()), "uploadedAt",
									d.uploadedAt().toString()),
							Map.of());
				});
				removed++;
			}
			catch (RuntimeException e) {
				log.warn("Could not remove unclaimed upload {}: {}", d.id(), e.toString());
			}
		}
		return removed;
	}
}
