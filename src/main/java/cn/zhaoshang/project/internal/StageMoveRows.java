package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import cn.zhaoshang.project.ContractType;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.Stage;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Writes rows of {@code project_stage_move} in JDBC batches: the history of moves as it is, without gates or events
 * (the load-data generator's applied moves). Evidence links are written by the caller; the counted intervals of
 * the projects ({@link CountedMoves}) are recomputed here.
 */
@Component
class StageMoveRows {

	static final String INSERT = """
			INSERT INTO project_stage_move (project_id, from_stage, to_stage, from_status, to_status, move_date,
			    contract_type, amount, reason, state, submitted_by, submitted_at)
			VALUES (:p, :fs, :ts, :fst, :tst, :d, :ct, :amount, :reason, :state, :by, :at)""";

	/** One stage move (or status change: the same stage in {@code from} and {@code to}) as stored. */
	record Row(long projectId, Stage from, Stage to, ProjectStatus fromStatus, ProjectStatus toStatus, LocalDate date,
			ContractType contractType, BigDecimal amount, String reason, String state, String submittedBy,
			Instant submittedAt) {
	}

	private final NamedParameterJdbcOperations jdbc;
	private final CountedMoves counted;

	StageMoveRows(NamedParameterJdbcOperations jdbc, CountedMoves counted) {
		this.jdbc = jdbc;
		this.counted = counted;
	}

	/** @return the number of rows written */
	int insert(List<Row> rows) {
		for (int from = 0; from < rows.size(); from += ProjectRows.BATCH) {
			jdbc.batchUpdate(INSERT, rows.subList(from, Math.min(rows.size(), from + ProjectRows.BATCH))
				.stream()
				.map(StageMoveRows::params)
				.toArray(SqlParameterSource[]::new));
		}
		counted.refresh(rows.stream().map(Row::projectId).toList());
		return rows.size();
	}

	private static SqlParameterSource params(Row r) {
		return new MapSqlParameterSource().addValue("p", r.projectId(), Types.BIGINT)
			.addValue("fs", r.from().name(), Types.VARCHAR)
			.addValue("ts", r.to().name(), Types.VARCHAR)
			.addValue("fst", r.fromStatus().name(), Types.VARCHAR)
			.addValue("tst", r.toStatus().name(), Types.VARCHAR)
			.addValue("d", r.date(), Types.DATE)
			.addValue("ct", r.contractType() == null ? null : r.contractType().name(), Types.VARCHAR)
			.addValue("amount", r.amount(), Types.NUMERIC)
			.addValue("reason", r.reason(), Types.VARCHAR)
			.addValue("state", r.state(), Types.VARCHAR)
			.addValue("by", r.submittedBy(), Types.VARCHAR)
			.addValue("at", r.submittedAt().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
	}
}
