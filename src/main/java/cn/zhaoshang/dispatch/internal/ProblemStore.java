package cn.zhaoshang.dispatch.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import cn.zhaoshang.dispatch.MajorForum;
import cn.zhaoshang.dispatch.ProblemStatus;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The rows of table dispatch_problem. Decision writes check the version (a stale version is a 409). */
@Component
public class ProblemStore {

	static final String COLUMNS = """
			q.id, q.round_id, q.project_id, q.text, q.owner_unit_id, q.owner_name, q.due, q.decision,
			q.decision_owner_unit_id, q.decision_owner_name, q.decision_due, q.status, q.done_at, q.major,
			q.major_forum, q.major_outcome, q.carried_from_problem_id, q.sort_order, q.version, q.created_by,
			q.created_at, q.updated_at""";

	private final JdbcClient jdbc;

	ProblemStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<DispatchProblem> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM dispatch_problem q WHERE q.id = :id")
			.param("id", id)
			.query(ProblemStore::row)
			.optional();
	}

	/** A project's problems in a round, in the order the unit listed them. */
	public List<DispatchProblem> of(long roundId, long projectId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM dispatch_problem q WHERE q.round_id = :r AND q.project_id = :p"
				+ " ORDER BY q.sort_order, q.id")
			.param("r", roundId)
			.param("p", projectId)
			.query(ProblemStore::row)
			.list();
	}

	/** Every problem of a round, by project and order. */
	public List<DispatchProblem> ofRound(long roundId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM dispatch_problem q WHERE q.round_id = :r"
				+ " ORDER BY q.project_id, q.sort_order, q.id")
			.param("r", roundId)
			.query(ProblemStore::row)
			.list();
	}

	/**
	 * The open problems of rounds ended before the given round's period whose due date is past (overdue as of
	 * today): they show on the given round as carried items.
	 */
	public List<DispatchProblem> overdueBefore(DispatchRound round, LocalDate today) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM dispatch_problem q JOIN dispatch_round r ON r.id = q.round_id"
				+ " WHERE r.period_to < :from AND q.status = 'OPEN' AND COALESCE(q.decision_due, q.due) < :today"
				+ " ORDER BY COALESCE(q.decision_due, q.due), q.id")
			.param("from", round.periodFrom())
			.param("today", today)
			.query(ProblemStore::row)
			.list();
	}

	/** The major matters, optionally of one forum, the latest round first. */
	public List<DispatchProblem> majors(MajorForum forum) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM dispatch_problem q JOIN dispatch_round r ON r.id = q.round_id"
				+ " WHERE q.major = TRUE" + (forum == null ? "" : " AND q.major_forum = :forum")
				+ " ORDER BY r.period_to DESC, q.project_id, q.sort_order, q.id")
			.params(forum == null ? java.util.Map.of() : java.util.Map.of("forum", forum.name()))
			.query(ProblemStore::row)
			.list();
	}

	public long insert(long roundId, long projectId, String text, Long ownerUnitId, String ownerName, LocalDate due,
			Long carriedFrom, int sortOrder, String by, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO dispatch_problem (round_id, project_id, text, owner_unit_id, owner_name, due, status, major,
				  carried_from_problem_id, sort_order, version, created_by, created_at, updated_at)
				VALUES (:r, :p, :text, :ou, :on, :due, 'OPEN', FALSE, :carried, :sort, 0, :by, :now, :now)""")
			.param("r", roundId)
			.param("p", projectId)
			.param("text", text)
			.param("ou", ownerUnitId)
			.param("on", ownerName)
			.param("due", due)
			.param("carried", carriedFrom)
			.param("sort", sortOrder)
			.param("by", by)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Rewrites what the unit proposed (a report's problem row kept by id). */
	public void updateProposal(long id, String text, Long ownerUnitId, String ownerName, LocalDate due, int sortOrder,
			Instant now) {
		jdbc.sql("""
				UPDATE dispatch_problem SET text = :text, owner_unit_id = :ou, owner_name = :on, due = :due,
				  sort_order = :sort, version = version + 1, updated_at = :now WHERE id = :id""")
			.param("text", text)
			.param("ou", ownerUnitId)
			.param("on", ownerName)
			.param("due", due)
			.param("sort", sortOrder)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("id", id)
			.update();
	}

	public void delete(long id) {
		jdbc.sql("UPDATE dispatch_problem SET carried_from_problem_id = NULL WHERE carried_from_problem_id = :id")
			.param("id", id)
			.update();
		jdbc.sql("DELETE FROM dispatch_problem WHERE id = :id").param("id", id).update();
	}

	/** Records the meeting's decision on a problem and its state; a stale version is a 409. */
	public void decide(DispatchProblem p, int expectedVersion, Instant now) {
		int n = jdbc.sql("""
				UPDATE dispatch_problem SET decision = :decision, decision_owner_unit_id = :dou,
				  decision_owner_name = :don, decision_due = :ddue, status = :status, done_at = :doneAt, major = :major,
				  major_forum = :forum, major_outcome = :outcome, version = version + 1, updated_at = :now
				WHERE id = :id AND version = :version""")
			.param("decision", p.decision())
			.param("dou", p.decisionOwnerUnitId())
			.param("don", p.decisionOwnerName())
			.param("ddue", p.decisionDue())
			.param("status", p.status().name())
			.param("doneAt", p.doneAt() == null ? null : p.doneAt().atOffset(ZoneOffset.UTC))
			.param("major", p.major())
			.param("forum", p.majorForum() == null ? null : p.majorForum().name())
			.param("outcome", p.majorOutcome())
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("id", p.id())
			.param("version", expectedVersion)
			.update();
		if (n == 0) {
			throw new OptimisticLockingFailureException("dispatch problem " + p.id() + " changed meanwhile");
		}
	}

	static DispatchProblem row(ResultSet rs, int n) throws SQLException {
		String forum = rs.getString("major_forum");
		return new DispatchProblem(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("project_id"),
				rs.getString("text"), (Long) rs.getObject("owner_unit_id", Long.class), rs.getString("owner_name"),
				rs.getObject("due", LocalDate.class), rs.getString("decision"),
				(Long) rs.getObject("decision_owner_unit_id", Long.class), rs.getString("decision_owner_name"),
				rs.getObject("decision_due", LocalDate.class), ProblemStatus.valueOf(rs.getString("status")),
				RoundStore.instant(rs, "done_at"), rs.getBoolean("major"),
				forum == null ? null : MajorForum.valueOf(forum), rs.getString("major_outcome"),
				(Long) rs.getObject("carried_from_problem_id", Long.class), rs.getInt("sort_order"),
				rs.getInt("version"), rs.getString("created_by"), RoundStore.instant(rs, "created_at"),
				RoundStore.instant(rs, "updated_at"));
	}
}
