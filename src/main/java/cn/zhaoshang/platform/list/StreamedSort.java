package cn.zhaoshang.platform.list;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Room for an export's sort (issue 15). An export streams the whole filtered list through a cursor in list order;
 * PostgreSQL does not run a cursor's statement in parallel, so the sort of 20,000 wide rows (about 8 MB) is one
 * sort, larger than the default {@code work_mem} of 4 MB, and went to a temporary file on disk. {@link #allow}
 * raises {@code work_mem} for the current transaction only ({@code SET LOCAL}: it ends with the export's read-only
 * transaction, every other statement keeps the server's setting). Nothing on H2.
 */
public final class StreamedSort {

	/** Enough for the sort of about 80,000 ledger rows in memory; a larger export still spills, as before. */
	public static final String WORK_MEM = "32MB";

	private static final Map<Object, Boolean> POSTGRES = new ConcurrentHashMap<>();

	private StreamedSort() {
	}

	/** Call inside the export's transaction, before its query. */
	public static void allow(JdbcClient jdbc) {
		if (postgres(jdbc)) {
			jdbc.sql("SET LOCAL work_mem = '" + WORK_MEM + "'").update();
		}
	}

	private static boolean postgres(JdbcClient jdbc) {
		return POSTGRES.computeIfAbsent(jdbc, j -> jdbc.sql("SELECT 1").query(rs -> {
			String product = rs.getStatement().getConnection().getMetaData().getDatabaseProductName();
			return product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
		}));
	}
}
