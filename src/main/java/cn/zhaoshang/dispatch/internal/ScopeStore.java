package cn.zhaoshang.dispatch.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.zhaoshang.dispatch.ReportStatus;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows of table dispatch_scope: which projects a round covers, each unit's report on them, and the facts frozen
 * when the round closes ({@link #freeze}). Report writes check the version (a stale version is a 409).
 */
@Component
public class ScopeStore {

	static final String COLUMNS = """
			s.id, s.round_id, s.project_id, s.unit_id, s.added_at, s.report_status, s.summary, s.next_steps,
			s.return_comment, s.submitted_by, s.submitted_at, s.updated_by, s.updated_at, s.version, s.stage_at_close,
			s.funds_in_period, s.stage_moves_in_period, s.milestone_in_period, s.closed_snapshot""";

	private final JdbcClient jdbc;

	ScopeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<ScopeRow> find(long roundId, long projectId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM dispatch_scope s WHERE s.round_id = :r AND s.project_id = :p")
			.param("r", roundId)
			.param("p", projectId)
			.query(ScopeStore::row)
			.optional();
	}

	/** The round's rows in project order. */
	public List<ScopeRow> ofRound(long roundId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM dispatch_scope s WHERE s.round_id = :r ORDER BY s.project_id")
			.param("r", roundId)
			.query(ScopeStore::row)
			.list();
	}

	/** Adds a project to a round (its unit the one that reports); false when it was in scope already. */
	public boolean add(long roundId, long projectId, long unitId, Instant now) {
		Long there = jdbc.sql("SELECT COUNT(*) FROM dispatch_scope WHERE round_id = :r AND project_id = :p")
			.param("r", roundId)
			.param("p", projectId)
			.query(Long.class)
			.single();
		if (there > 0) {
			return false;
		}
		jdbc.sql("""
				INSERT INTO dispatch_scope (round_id, project_id, unit_id, added_at, report_status, version)
				VALUES (:r, :p, :u, :now, 'MISSING', 0)""")
			.param("r", roundId)
			.param("p", projectId)
			.param("u", unitId)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
		return true;
	}

	/** Removes a project and its problems from a round; false when it was not in scope. */
	public boolean remove(long roundId, long projectId) {
		jdbc.sql("UPDATE dispatch_problem SET carried_from_problem_id = NULL WHERE carried_from_problem_id IN"
				+ " (SELECT id FROM dispatch_problem WHERE round_id = :r AND project_id = :p)")
			.param("r", roundId)
			.param("p", projectId)
			.update();
		jdbc.sql("DELETE FROM dispatch_problem WHERE round_id = :r AND project_id = :p")
			.param("r", roundId)
			.param("p", projectId)
			.update();
		return jdbc.sql("DELETE FROM dispatch_scope WHERE round_id = :r AND project_id = :p")
			.param("r", roundId)
			.param("p", projectId)
			.update() == 1;
	}

	/** Saves a report's text and status; a stale version is a 409. */
	public void saveReport(ScopeRow row, int expectedVersion, String summary, String nextSteps, ReportStatus status,
			String by, Instant now) {
		boolean submit = status == ReportStatus.SUBMITTED;
		int n = jdbc.sql("""
				UPDATE dispatch_scope SET summary = :summary, next_steps = :next, report_status = :status,
				  submitted_by = CASE WHEN :submit THEN :by ELSE submitted_by END,
				  submitted_at = CASE WHEN :submit THEN :now ELSE submitted_at END,
				  return_comment = CASE WHEN :submit THEN NULL ELSE return_comment END,
				  updated_by = :by, updated_at = :now, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("summary", summary)
			.param("next", nextSteps)
			.param("status", status.name())
			.param("submit", submit)
			.param("by", by)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("id", row.id())
			.param("version", expectedVersion)
			.update();
		if (n == 0) {
			throw new OptimisticLockingFailureException("dispatch report " + row.id() + " changed meanwhile");
		}
	}

	/** Sends a submitted report back to its unit with a comment; a stale version is a 409. */
	public void returnReport(ScopeRow row, int expectedVersion, String comment, String by, Instant now) {
		int n = jdbc.sql("""
				UPDATE dispatch_scope SET report_status = 'RETURNED', return_comment = :comment, updated_by = :by,
				  updated_at = :now, version = version + 1 WHERE id = :id AND version = :version""")
			.param("comment", comment)
			.param("by", by)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("id", row.id())
			.param("version", expectedVersion)
			.update();
		if (n == 0) {
			throw new OptimisticLockingFailureException("dispatch report " + row.id() + " changed meanwhile");
		}
	}

	/**
	 * Freezes the facts of every project of a closing round, set-based: the stage now, the funds in place of the
	 * months that lie in the period (project_funds, month = its first day), the stage moves in force whose date lies
	 * in the period (project_stage_move applied or approved, stage changed), and whether the REGISTERED milestone's
	 * date lies in it. Closing again after a reopening overwrites them.
	 */
	public int freeze(DispatchRound round) {
		return jdbc.sql("""
				UPDATE dispatch_scope SET
				  stage_at_close = (SELECT p.stage FROM project p WHERE p.id = dispatch_scope.project_id),
				  funds_in_period = COALESCE((SELECT SUM(f.funds_in_place) FROM project_funds f
				    WHERE f.project_id = dispatch_scope.project_id AND f.funds_month BETWEEN :month AND :to), 0),
				  stage_moves_in_period = (SELECT COUNT(*) FROM project_stage_move m
				    WHERE m.project_id = dispatch_scope.project_id AND m.state IN ('APPLIED', 'APPROVED')
				      AND m.from_stage <> m.to_stage AND m.move_date BETWEEN :from AND :to),
				  milestone_in_period = (SELECT CASE WHEN p.registered_date BETWEEN :from AND :to THEN TRUE ELSE FALSE END
				    FROM project p WHERE p.id = dispatch_scope.project_id),
				  closed_snapshot = TRUE
				WHERE round_id = :r""")
			.param("month", round.firstMonth())
			.param("from", round.periodFrom())
			.param("to", round.periodTo())
			.param("r", round.id())
			.update();
	}

	/** Clears the frozen facts of a reopened round. */
	public void unfreeze(long roundId) {
		jdbc.sql("""
				UPDATE dispatch_scope SET stage_at_close = NULL, funds_in_period = NULL, stage_moves_in_period = NULL,
				  milestone_in_period = NULL, closed_snapshot = FALSE WHERE round_id = :r""")
			.param("r", roundId)
			.update();
	}

	/** The units that still miss a submitted report in a round (the deadline reminder). */
	public List<Long> unitsMissingReports(long roundId) {
		return jdbc.sql("SELECT DISTINCT unit_id FROM dispatch_scope WHERE round_id = :r AND report_status <> 'SUBMITTED'"
				+ " ORDER BY unit_id")
			.param("r", roundId)
			.query(Long.class)
			.list();
	}

	/** The units with at least one project in a round. */
	public List<Long> units(long roundId) {
		return jdbc.sql("SELECT DISTINCT unit_id FROM dispatch_scope WHERE round_id = :r ORDER BY unit_id")
			.param("r", roundId)
			.query(Long.class)
			.list();
	}

	public long count(long roundId, Collection<Long> projectIds) {
		return jdbc.sql("SELECT COUNT(*) FROM dispatch_scope WHERE round_id = :r AND project_id IN (:p)")
			.param("r", roundId)
			.param("p", projectIds)
			.query(Long.class)
			.single();
	}

	static ScopeRow row(ResultSet rs, int n) throws SQLException {
		return new ScopeRow(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("project_id"), rs.getLong("unit_id"),
				RoundStore.instant(rs, "added_at"), ReportStatus.valueOf(rs.getString("report_status")),
				rs.getString("summary"), rs.getString("next_steps"), rs.getString("return_comment"),
				rs.getString("submitted_by"), RoundStore.instant(rs, "submitted_at"), rs.getString("updated_by"),
				RoundStore.instant(rs, "updated_at"), rs.getInt("version"), rs.getString("stage_at_close"),
				rs.getBigDecimal("funds_in_period"), (Integer) rs.getObject("stage_moves_in_period", Integer.class),
				(Boolean) rs.getObject("milestone_in_period", Boolean.class), rs.getBoolean("closed_snapshot"));
	}
}
