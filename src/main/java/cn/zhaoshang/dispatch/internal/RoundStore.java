package cn.zhaoshang.dispatch.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import cn.zhaoshang.dispatch.RoundStatus;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The rows of table dispatch_round. Writes check the version (optimistic locking: a stale version is a 409). */
@Component
public class RoundStore {

	static final String COLUMNS = """
			r.id, r.name, r.period_from, r.period_to, r.deadline, r.chair_person_id, r.chair_name, r.status,
			r.closed_at, r.closed_by, r.reopen_reason, r.version, r.created_by, r.created_at, r.updated_at""";

	private final JdbcClient jdbc;

	RoundStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<DispatchRound> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM dispatch_round r WHERE r.id = :id")
			.param("id", id)
			.query(RoundStore::row)
			.optional();
	}

	/** Every round, the latest period first. */
	public List<DispatchRound> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM dispatch_round r ORDER BY r.period_to DESC, r.id DESC")
			.query(RoundStore::row)
			.list();
	}

	/** The open rounds whose deadline lies between the two dates (the reminder job). */
	public List<DispatchRound> openWithDeadlineBetween(LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM dispatch_round r WHERE r.status = 'OPEN'"
				+ " AND r.deadline BETWEEN :from AND :to ORDER BY r.deadline, r.id")
			.param("from", from)
			.param("to", to)
			.query(RoundStore::row)
			.list();
	}

	/** The round closed before this one (by period), if any: its overdue open problems show on this one. */
	public Optional<DispatchRound> previous(DispatchRound round) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM dispatch_round r WHERE r.id <> :id AND r.period_to < :from"
				+ " ORDER BY r.period_to DESC, r.id DESC LIMIT 1")
			.param("id", round.id())
			.param("from", round.periodFrom())
			.query(RoundStore::row)
			.optional();
	}

	public long insert(String name, LocalDate from, LocalDate to, LocalDate deadline, Long chairId, String chairName,
			String by, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO dispatch_round (name, period_from, period_to, deadline, chair_person_id, chair_name,
				  status, version, created_by, created_at, updated_at)
				VALUES (:name, :from, :to, :deadline, :chairId, :chairName, 'OPEN', 0, :by, :now, :now)""")
			.param("name", name)
			.param("from", from)
			.param("to", to)
			.param("deadline", deadline)
			.param("chairId", chairId)
			.param("chairName", chairName)
			.param("by", by)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Edits the header of a round; a stale version is a 409. */
	public void update(DispatchRound r, int expectedVersion, Instant now) {
		int n = jdbc.sql("""
				UPDATE dispatch_round SET name = :name, period_from = :from, period_to = :to, deadline = :deadline,
				  chair_person_id = :chairId, chair_name = :chairName, version = version + 1, updated_at = :now
				WHERE id = :id AND version = :version""")
			.param("name", r.name())
			.param("from", r.periodFrom())
			.param("to", r.periodTo())
			.param("deadline", r.deadline())
			.param("chairId", r.chairPersonId())
			.param("chairName", r.chairName())
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("id", r.id())
			.param("version", expectedVersion)
			.update();
		if (n == 0) {
			throw new OptimisticLockingFailureException("dispatch round " + r.id() + " changed meanwhile");
		}
	}

	/** Closes an open round; false when it was closed already (closing is idempotent). */
	public boolean close(long id, String by, Instant now) {
		return jdbc.sql("""
				UPDATE dispatch_round SET status = 'CLOSED', closed_at = :now, closed_by = :by, version = version + 1,
				  updated_at = :now WHERE id = :id AND status = 'OPEN'""")
			.param("id", id)
			.param("by", by)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update() == 1;
	}

	/** Reopens a closed round with a reason; false when it was open already. */
	public boolean reopen(long id, String reason, Instant now) {
		return jdbc.sql("""
				UPDATE dispatch_round SET status = 'OPEN', closed_at = NULL, closed_by = NULL, reopen_reason = :reason,
				  version = version + 1, updated_at = :now WHERE id = :id AND status = 'CLOSED'""")
			.param("id", id)
			.param("reason", reason)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update() == 1;
	}

	/** Marks the round changed (scope added or removed): raises its version. */
	public void touch(long id, Instant now) {
		jdbc.sql("UPDATE dispatch_round SET version = version + 1, updated_at = :now WHERE id = :id")
			.param("id", id)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
	}

	static DispatchRound row(ResultSet rs, int n) throws SQLException {
		return new DispatchRound(rs.getLong("id"), rs.getString("name"), rs.getObject("period_from", LocalDate.class),
				rs.getObject("period_to", LocalDate.class), rs.getObject("deadline", LocalDate.class),
				(Long) rs.getObject("chair_person_id", Long.class), rs.getString("chair_name"),
				RoundStatus.valueOf(rs.getString("status")), instant(rs, "closed_at"), rs.getString("closed_by"),
				rs.getString("reopen_reason"), rs.getInt("version"), rs.getString("created_by"),
				instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}
}
