package cn.zhaoshang.supervision.observation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import cn.zhaoshang.platform.UnitId;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The rows of an observation event: the event, its criteria, projects, judges, the judges' points and, once closed,
 * the frozen results. Writes of the event and of a judge's sheet happen only at the version the writer read.
 */
@Repository
class ObservationStore {

	/** What the bureau gives for a new or changed draft; the judges already resolved to names. */
	record Draft(String title, LocalDate date, List<String> route, boolean dropExtremes, List<NewCriterion> criteria,
			List<NewProject> projects, List<NewJudge> judges) {
	}

	record NewCriterion(String name, BigDecimal maxPoints) {
	}

	record NewProject(long projectId, UnitId unitId) {
	}

	record NewJudge(Long userId, String name) {
	}

	/** A line of the list of events. */
	record Summary(long id, String title, LocalDate date, ObservationStatus status, int projects, int judges) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	ObservationStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	long insert(Draft draft, String by) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO observation_event (title, event_date, route, drop_extremes, status, version, created_by,
				    updated_by, created_at, updated_at)
				VALUES (:title, :date, :route, :drop, 'DRAFT', 0, :by, :by, :now, :now)""")
			.param("title", draft.title())
			.param("date", draft.date())
			.param("route", String.join("\n", draft.route()))
			.param("drop", draft.dropExtremes())
			.param("by", by)
			.param("now", now())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		insertParts(id, draft);
		return id;
	}

	/** A draft changed at the version read: the event row, and its parts replaced (no scores exist in a draft). */
	void update(long id, int version, Draft draft, String by) {
		int n = jdbc.sql("""
				UPDATE observation_event SET title = :title, event_date = :date, route = :route, drop_extremes = :drop,
				    version = version + 1, updated_by = :by, updated_at = :now
				WHERE id = :id AND version = :version AND status = 'DRAFT'""")
			.param("title", draft.title())
			.param("date", draft.date())
			.param("route", String.join("\n", draft.route()))
			.param("drop", draft.dropExtremes())
			.param("by", by)
			.param("now", now())
			.param("id", id)
			.param("version", version)
			.update();
		if (n != 1) {
			throw new OptimisticLockingFailureException("observation " + id + " changed");
		}
		for (String table : List.of("observation_criterion", "observation_project", "observation_judge")) {
			jdbc.sql("DELETE FROM " + table + " WHERE event_id = :id").param("id", id).update();
		}
		insertParts(id, draft);
	}

	private void insertParts(long id, Draft draft) {
		int i = 0;
		for (NewCriterion c : draft.criteria()) {
			jdbc.sql("INSERT INTO observation_criterion (event_id, position, name, max_points) VALUES (:e, :p, :n, :m)")
				.param("e", id)
				.param("p", i++)
				.param("n", c.name())
				.param("m", c.maxPoints())
				.update();
		}
		i = 0;
		for (NewProject p : draft.projects()) {
			jdbc.sql("INSERT INTO observation_project (event_id, position, project_id, unit_id) VALUES (:e, :p, :pr, :u)")
				.param("e", id)
				.param("p", i++)
				.param("pr", p.projectId())
				.param("u", p.unitId().value())
				.update();
		}
		i = 0;
		for (NewJudge j : draft.judges()) {
			jdbc.sql("INSERT INTO observation_judge (event_id, position, user_id, name) VALUES (:e, :p, :u, :n)")
				.param("e", id)
				.param("p", i++)
				.param("u", j.userId(), java.sql.Types.BIGINT)
				.param("n", j.name())
				.update();
		}
	}

	/** Moves the event to a status at the version read. */
	void status(long id, int version, ObservationStatus from, ObservationStatus to, String by) {
		int n = jdbc.sql("""
				UPDATE observation_event SET status = :to, version = version + 1, updated_by = :by, updated_at = :now,
				    closed_at = CASE WHEN :to = 'CLOSED' THEN :now ELSE closed_at END
				WHERE id = :id AND version = :version AND status = :from""")
			.param("to", to.name())
			.param("from", from.name())
			.param("by", by)
			.param("now", now())
			.param("id", id)
			.param("version", version)
			.update();
		if (n != 1) {
			throw new OptimisticLockingFailureException("observation " + id + " changed");
		}
	}

	Optional<Observation> find(long id) {
		record Head(long id, String title, LocalDate date, String route, boolean drop, String status, int version) {
		}
		Optional<Head> head = jdbc.sql("""
				SELECT id, title, event_date, route, drop_extremes, status, version FROM observation_event
				WHERE id = :id""")
			.param("id", id)
			.query((rs, n) -> new Head(rs.getLong("id"), rs.getString("title"),
					rs.getObject("event_date", LocalDate.class), rs.getString("route"), rs.getBoolean("drop_extremes"),
					rs.getString("status"), rs.getInt("version")))
			.optional();
		if (head.isEmpty()) {
			return Optional.empty();
		}
		Head h = head.get();
		var criteria = jdbc.sql("""
				SELECT id, name, max_points FROM observation_criterion WHERE event_id = :id ORDER BY position""")
			.param("id", id)
			.query((rs, n) -> new Observation.Criterion(rs.getLong("id"), rs.getString("name"),
					rs.getBigDecimal("max_points").setScale(1)))
			.list();
		var projects = jdbc.sql("""
				SELECT op.id, op.project_id, p.code, p.name, op.unit_id, u.name AS unit_name
				FROM observation_project op JOIN project p ON p.id = op.project_id JOIN unit u ON u.id = op.unit_id
				WHERE op.event_id = :id ORDER BY op.position""")
			.param("id", id)
			.query((rs, n) -> new Observation.ObservedProject(rs.getLong("id"), rs.getLong("project_id"),
					rs.getString("code"), rs.getString("name"), new UnitId(rs.getLong("unit_id")),
					rs.getString("unit_name")))
			.list();
		var judges = jdbc.sql("""
				SELECT id, user_id, name, version FROM observation_judge WHERE event_id = :id ORDER BY position""")
			.param("id", id)
			.query((rs, n) -> new Observation.Judge(rs.getLong("id"), (Long) rs.getObject("user_id", Long.class),
					rs.getString("name"), rs.getInt("version")))
			.list();
		List<String> route = h.route() == null || h.route().isBlank() ? List.of()
				: Arrays.stream(h.route().split("\n")).filter(s -> !s.isBlank()).toList();
		return Optional.of(new Observation(h.id(), h.title(), h.date(), route, h.drop(),
				ObservationStatus.valueOf(h.status()), h.version(), criteria, projects, judges));
	}

	/** The events of a year by date, newest first. */
	List<Summary> ofYear(int year) {
		return jdbc.sql("""
				SELECT e.id, e.title, e.event_date, e.status,
				    (SELECT COUNT(*) FROM observation_project p WHERE p.event_id = e.id) AS projects,
				    (SELECT COUNT(*) FROM observation_judge j WHERE j.event_id = e.id) AS judges
				FROM observation_event e WHERE e.event_date BETWEEN :from AND :to ORDER BY e.event_date DESC, e.id DESC""")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year, 12, 31))
			.query((rs, n) -> new Summary(rs.getLong("id"), rs.getString("title"),
					rs.getObject("event_date", LocalDate.class), ObservationStatus.valueOf(rs.getString("status")),
					rs.getInt("projects"), rs.getInt("judges")))
			.list();
	}

	List<ObservationResults.Points> points(long eventId) {
		return jdbc.sql("""
				SELECT s.judge_id, s.project_id, s.criterion_id, s.points
				FROM observation_score s JOIN observation_judge j ON j.id = s.judge_id WHERE j.event_id = :id""")
			.param("id", eventId)
			.query((rs, n) -> new ObservationResults.Points(rs.getLong("judge_id"), rs.getLong("project_id"),
					rs.getLong("criterion_id"), rs.getBigDecimal("points").setScale(1)))
			.list();
	}

	/**
	 * A judge's sheet replaced by these points, at the sheet version read (and only while the event scores: the
	 * event row is locked against a concurrent close). Returns the new version.
	 */
	int saveSheet(long eventId, long judgeId, int version, List<ObservationResults.Points> points) {
		int scoring = jdbc.sql("UPDATE observation_event SET status = status WHERE id = :id AND status = 'SCORING'")
			.param("id", eventId)
			.update();
		if (scoring != 1) {
			throw new cn.zhaoshang.platform.BusinessException(409, "observation.error.notScoring");
		}
		int n = jdbc.sql("UPDATE observation_judge SET version = version + 1 WHERE id = :id AND version = :v")
			.param("id", judgeId)
			.param("v", version)
			.update();
		if (n != 1) {
			throw new OptimisticLockingFailureException("sheet " + judgeId + " changed");
		}
		jdbc.sql("DELETE FROM observation_score WHERE judge_id = :j").param("j", judgeId).update();
		for (ObservationResults.Points p : points) {
			jdbc.sql("""
					INSERT INTO observation_score (judge_id, project_id, criterion_id, points)
					VALUES (:j, :p, :c, :v)""")
				.param("j", judgeId)
				.param("p", p.observedId())
				.param("c", p.criterionId())
				.param("v", p.points())
				.update();
		}
		return version + 1;
	}

	/** The computed results copied for good (closing). */
	void freeze(long eventId, ObservationResults results) {
		int i = 0;
		for (ObservationResults.ProjectResult p : results.projects()) {
			jdbc.sql("""
					INSERT INTO observation_result (event_id, kind, position, rank_no, project_id, code, name, unit_id,
					    unit_name, score, counted)
					VALUES (:e, 'PROJECT', :pos, :rank, :p, :code, :name, :u, :un, :score, :counted)""")
				.param("e", eventId)
				.param("pos", i++)
				.param("rank", p.rank())
				.param("p", p.projectId())
				.param("code", p.code())
				.param("name", p.name())
				.param("u", p.unitId().value())
				.param("un", p.unitName())
				.param("score", p.score(), java.sql.Types.NUMERIC)
				.param("counted", p.counted())
				.update();
		}
		i = 0;
		for (ObservationResults.UnitResult u : results.units()) {
			jdbc.sql("""
					INSERT INTO observation_result (event_id, kind, position, rank_no, name, unit_id, unit_name, score,
					    counted)
					VALUES (:e, 'UNIT', :pos, :rank, :name, :u, :name, :score, :counted)""")
				.param("e", eventId)
				.param("pos", i++)
				.param("rank", u.rank())
				.param("name", u.unitName())
				.param("u", u.unitId().value())
				.param("score", u.score(), java.sql.Types.NUMERIC)
				.param("counted", u.projects())
				.update();
		}
	}

	/** The frozen results of a closed event (judge totals are not kept: the sheets stay for that). */
	ObservationResults frozen(long eventId) {
		List<ObservationResults.ProjectResult> projects = new ArrayList<>();
		List<ObservationResults.UnitResult> units = new ArrayList<>();
		jdbc.sql("""
				SELECT kind, rank_no, project_id, code, name, unit_id, unit_name, score, counted FROM observation_result
				WHERE event_id = :e ORDER BY kind, position""")
			.param("e", eventId)
			.query((rs, n) -> {
				BigDecimal score = rs.getBigDecimal("score");
				score = score == null ? null : score.setScale(2);
				UnitId unit = new UnitId(rs.getLong("unit_id"));
				if ("PROJECT".equals(rs.getString("kind"))) {
					projects.add(new ObservationResults.ProjectResult(0, rs.getLong("project_id"),
							rs.getString("code"), rs.getString("name"), unit, rs.getString("unit_name"), score,
							rs.getInt("rank_no"), rs.getInt("counted"), List.of()));
				}
				else {
					units.add(new ObservationResults.UnitResult(unit, rs.getString("unit_name"), rs.getInt("counted"),
							score, rs.getInt("rank_no")));
				}
				return 0;
			})
			.list();
		return new ObservationResults(projects, units);
	}

	/** The closed events of a year, by date. */
	List<Summary> closedOfYear(int year) {
		return ofYear(year).stream()
			.filter(s -> s.status() == ObservationStatus.CLOSED)
			.sorted(java.util.Comparator.comparing(Summary::date).thenComparing(Summary::id))
			.toList();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}
}
