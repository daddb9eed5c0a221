package cn.zhaoshang.project.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zhaoshang.platform.Auditor;

/**
 * Rebuilds the ledger's summary tables (counted moves and their sums, funds sums, the shared projects' sums: ADR 0013,
 * ADR 0017) from the stored
 * rows, in one transaction, when the application starts with {@code --zhaoshang.rebuild-read-models=true}; with
 * {@code --zhaoshang.rebuild-read-models.exit=true} it stops afterwards. For data loaded past the application's
 * writers (the benchmark generator's COPY, a restore of some tables only); the writers keep the tables in step at
 * all other times. Leaves one audit entry.
 */
@Component
public class ReadModelRebuild implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

	private final CountedMoves countedMoves;
	private final CountedSums countedSums;
	private final FundsSums fundsSums;
	private final SharedSums sharedSums;
	private final TransactionTemplate tx;
	private final JdbcClient jdbc;
	private final Auditor auditor;
	private final MessageSource messages;
	private final ApplicationContext context;
	private final boolean requested;
	private final boolean exit;

	ReadModelRebuild(CountedMoves countedMoves, CountedSums countedSums, FundsSums fundsSums, SharedSums sharedSums,
			TransactionTemplate tx,
			JdbcClient jdbc, Auditor auditor, MessageSource messages, ApplicationContext context,
			@Value("${zhaoshang.rebuild-read-models:false}") boolean requested,
			@Value("${zhaoshang.rebuild-read-models.exit:false}") boolean exit) {
		this.countedMoves = countedMoves;
		this.countedSums = countedSums;
		this.fundsSums = fundsSums;
		this.sharedSums = sharedSums;
		this.tx = tx;
		this.jdbc = jdbc;
		this.auditor = auditor;
		this.messages = messages;
		this.context = context;
		this.requested = requested;
		this.exit = exit;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!requested) {
			return;
		}
		rebuild();
		if (exit) {
			System.exit(SpringApplication.exit(context, () -> 0));
		}
	}

	/** Rebuilds the three tables and answers how many rows each has now. */
	public Map<String, Long> rebuild() {
		long t0 = System.nanoTime();
		Map<String, Long> rows = new LinkedHashMap<>();
		tx.executeWithoutResult(status -> {
			countedMoves.rebuild();
			countedSums.rebuild();
			fundsSums.rebuild();
			sharedSums.rebuild();
			for (String table : new String[] { "project_counted_move", "project_counted_sum", "project_funds_sum",
					"project_funds_signed_sum",
					"project_shared_counted_sum", "project_shared_funds_sum" }) {
				rows.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
			}
			String seconds = String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9);
			String summary = messages.getMessage("ledger.rebuild.summary", new Object[] {
					rows.get("project_counted_move"), rows.get("project_counted_sum"), rows.get("project_funds_sum"),
					seconds }, Locale.SIMPLIFIED_CHINESE);
			auditor.recordAs("read-model-rebuild", null, null, "ledger", "read-models", "REBUILD", summary, Map.of(),
					new LinkedHashMap<>(rows));
		});
		log.info("Read models rebuilt in {} s: {}", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9),
				rows);
		return rows;
	}
}
