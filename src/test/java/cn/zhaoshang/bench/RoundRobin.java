package cn.zhaoshang.bench;

import java.util.List;

/**
 * Spreading generated rows over existing ones in SQL, for the in-JVM benchmarks that generate their data with one
 * INSERT ... SELECT ({@code DashboardBenchmark}, {@code FundsTotalsBenchmark}, {@code ChainMapBenchmark},
 * {@code DispatchBenchmark}).
 */
public final class RoundRobin {

	private RoundRobin() {
	}

	/** {@code CASE MOD(column, n) WHEN 0 THEN ids[0] … END}: the ids in turn, by the column's value. */
	public static String caseOf(String column, List<Long> ids) {
		StringBuilder sql = new StringBuilder("CASE MOD(" + column + ", " + ids.size() + ")");
		for (int i = 0; i < ids.size(); i++) {
			sql.append(" WHEN ").append(i).append(" THEN ").append(ids.get(i));
		}
		return sql.append(" END").toString();
	}
}
