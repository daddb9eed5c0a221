package cn.zhaoshang.project.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Adds differences to the rows of a summary table kept by the writers ({@link CountedSums}, {@link FundsSums},
 * {@link SignedFundsSums}): every key's {@code UPDATE … SET x = x + :d} in one batch, in the caller's key order (two
 * writers never wait for each other crosswise), then the {@code INSERT} of the keys that had no row yet, in one batch.
 * Two round trips instead of one or two per key: an import of 10,000 projects adds to about 15,000 keys (issue 15,
 * docs/benchmarks.md "Fifth round").
 */
final class SumRows {

	private SumRows() {
	}

	/**
	 * @param update adds the row's differences to the existing row of its key
	 * @param insert writes the row of a new key
	 * @param rows the differences, one per key, in key order
	 */
	static void add(NamedParameterJdbcOperations jdbc, String update, String insert,
			List<? extends SqlParameterSource> rows) {
		if (rows.isEmpty()) {
			return;
		}
		int[] updated = jdbc.batchUpdate(update, rows.toArray(SqlParameterSource[]::new));
		List<SqlParameterSource> missing = new ArrayList<>();
		for (int i = 0; i < updated.length; i++) {
			if (updated[i] < 0) {
				// without the count the row's existence is unknown: refuse (the transaction rolls back) rather than
				// add twice or not at all
				throw new IllegalStateException("the database did not report the rows an update changed");
			}
			if (updated[i] == 0) {
				missing.add(rows.get(i));
			}
		}
		if (!missing.isEmpty()) {
			jdbc.batchUpdate(insert, missing.toArray(SqlParameterSource[]::new));
		}
	}
}
