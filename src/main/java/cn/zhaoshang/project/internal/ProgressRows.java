package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Writes rows of {@code project_progress} in JDBC batches (the load-data generator's history); the project's
 * latest progress is the caller's. Photos are linked by the caller.
 */
@Component
class ProgressRows {

	static final String INSERT = """
			INSERT INTO project_progress (project_id, progress_date, text, paid_in_investment, created_by, created_at)
			VALUES (:p, :d, :t, :paid, :by, :at)""";

	/** One progress update as stored. */
	record Row(long projectId, LocalDate date, String text, BigDecimal paidIn, String createdBy, Instant createdAt) {
	}

	private final NamedParameterJdbcOperations jdbc;

	ProgressRows(NamedParameterJdbcOperations jdbc) {
		this.jdbc = jdbc;
	}

	/** @return the number of rows written */
	int insert(List<Row> rows) {
		for (int from = 0; from < rows.size(); from += ProjectRows.BATCH) {
			jdbc.batchUpdate(INSERT, rows.subList(from, Math.min(rows.size(), from + ProjectRows.BATCH))
				.stream()
				.map(ProgressRows::params)
				.toArray(SqlParameterSource[]::new));
		}
		return rows.size();
	}

	private static SqlParameterSource params(Row r) {
		return new MapSqlParameterSource().addValue("p", r.projectId(), Types.BIGINT)
			.addValue("d", r.date(), Types.DATE)
			.addValue("t", r.text(), Types.VARCHAR)
			.addValue("paid", r.paidIn(), Types.NUMERIC)
			.addValue("by", r.createdBy(), Types.VARCHAR)
			.addValue("at", r.createdAt().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
	}
}
