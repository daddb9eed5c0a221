package cn.zhaoshang.dispatch.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.UnitId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the stalled list of a round (the verdicts {@link StalledProjects} wrote, with the number of rounds the setting
 * holds now), the interview list (约谈名单) built from it, and the interviews recorded. Units read their own units'
 * projects, city-wide roles all (the reader's {@link DataScope}).
 */
@Service
public class StalledQueries {

	/** A round as the lists name it. */
	public record RoundRef(long id, String name, LocalDate periodFrom, LocalDate periodTo, String status) {
	}

	/** A stalled project of a round, with the rounds that count against it (newest first). */
	public record Item(long projectId, String projectCode, String projectName, long unitId, String unitName,
			String stage, String leaderName, String chiefAttendantName, int roundsWithoutProgress,
			List<RoundRef> rounds, int interviews) {
	}

	/** A problem raised for the project in one of the rounds that count, and whether it was solved. */
	public record Problem(long roundId, String roundName, String text, String owner, String decision, boolean done) {
	}

	/** An interview recorded. */
	public record Interview(long id, long projectId, String projectCode, String projectName, long roundId,
			LocalDate date, String interviewer, String interviewees, String commitments, Long watchRoundId,
			String watchRoundName, String createdBy) {
	}

	/** An entry of the interview list: the stalled project, its problems and the interviews so far. */
	public record Entry(Item item, List<Problem> problems, List<Interview> interviews) {
	}

	private final JdbcClient jdbc;
	private final StalledProjects stalled;

	StalledQueries(JdbcClient jdbc, StalledProjects stalled) {
		this.jdbc = jdbc;
		this.stalled = stalled;
	}

	public RoundRef round(long id) {
		return jdbc.sql("SELECT id, name, period_from, period_to, status FROM dispatch_round WHERE id = :id")
			.param("id", id)
			.query(StalledQueries::ref)
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	/** Every round, newest period first (for the round chooser). */
	public List<RoundRef> rounds() {
		return jdbc.sql("SELECT id, name, period_from, period_to, status FROM dispatch_round "
				+ "ORDER BY period_to DESC, period_from DESC, id DESC").query(StalledQueries::ref).list();
	}

	/** The newest closed round, if any (the stalled page's default). */
	public java.util.Optional<RoundRef> newestClosed() {
		return rounds().stream().filter(r -> "CLOSED".equals(r.status())).findFirst();
	}

	/** The number of rounds that makes a project stalled now. */
	public int threshold() {
		return stalled.rule().rounds();
	}

	/** The stalled projects of a closed round the reader may see, by unit order then code. */
	public List<Item> stalled(long roundId, DataScope scope) {
		round(roundId);
		Map<Long, RoundRef> names = new HashMap<>();
		rounds().forEach(r -> names.put(r.id(), r));
		var sql = new StringBuilder("""
				SELECT p.id, p.code, p.name, p.unit_id, u.name, p.stage, p.leader_name, p.chief_attendant_name,
				       d.rounds_without_progress, d.counting_rounds,
				       (SELECT COUNT(*) FROM dispatch_interview i WHERE i.project_id = p.id AND i.round_id = d.round_id)
				FROM dispatch_stalled d
				JOIN project p ON p.id = d.project_id
				JOIN unit u ON u.id = p.unit_id
				WHERE d.round_id = :round AND d.rounds_without_progress >= :n""");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("round", roundId);
		params.put("n", threshold());
		List<Long> units = units(scope);
		if (units != null) {
			if (units.isEmpty()) {
				return List.of();
			}
			sql.append(" AND p.unit_id IN (:units)");
			params.put("units", units);
		}
		sql.append(" ORDER BY u.sort_order, u.id, p.code");
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
			List<RoundRef> counting = new ArrayList<>();
			String ids = rs.getString(10);
			if (ids != null && !ids.isBlank()) {
				Arrays.stream(ids.split(",")).map(Long::valueOf).map(names::get).filter(r -> r != null)
					.forEach(counting::add);
			}
			return new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
					rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9), counting, rs.getInt(11));
		}).list();
	}

	/** The interview list of a round: each stalled project with the problems of its counting rounds and interviews. */
	public List<Entry> interviewList(long roundId, DataScope scope) {
		List<Entry> entries = new ArrayList<>();
		for (Item item : stalled(roundId, scope)) {
			List<Long> roundIds = item.rounds().stream().map(RoundRef::id).toList();
			List<Problem> problems = roundIds.isEmpty() ? List.of() : jdbc.sql("""
					SELECT q.round_id, r.name, q.text, COALESCE(q.decision_owner_name, q.owner_name, ou.name),
					       q.decision, q.status
					FROM dispatch_problem q JOIN dispatch_round r ON r.id = q.round_id
					LEFT JOIN unit ou ON ou.id = COALESCE(q.decision_owner_unit_id, q.owner_unit_id)
					WHERE q.project_id = :p AND q.round_id IN (:rounds)
					ORDER BY r.period_to DESC, q.sort_order, q.id""")
				.param("p", item.projectId())
				.param("rounds", roundIds)
				.query((rs, n) -> new Problem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), "DONE".equals(rs.getString(6))))
				.list();
			entries.add(new Entry(item, problems, interviews(item.projectId(), roundId)));
		}
		return entries;
	}

	static final String INTERVIEW = """
			SELECT i.id, i.project_id, p.code, p.name, i.round_id, i.interview_date, i.interviewer, i.interviewees,
			       i.commitments, COALESCE(i.watch_round_id, (SELECT n.id FROM dispatch_round n, dispatch_round o
			           WHERE o.id = i.round_id AND n.period_from > o.period_to
			           ORDER BY n.period_from, n.id FETCH FIRST 1 ROWS ONLY)) AS watch, i.created_by
			FROM dispatch_interview i JOIN project p ON p.id = i.project_id""";

	/** The interviews of a project recorded on a round's stalled list, newest first. */
	public List<Interview> interviews(long projectId, long roundId) {
		return jdbc.sql(INTERVIEW + " WHERE i.project_id = :p AND i.round_id = :r ORDER BY i.interview_date DESC, i.id DESC")
			.param("p", projectId)
			.param("r", roundId)
			.query(this::interview)
			.list();
	}

	/**
	 * The projects a round watches: interviewed on an earlier round's stalled list, this round being the one after
	 * (the project's next round), with the interview; only those the reader may see.
	 */
	public List<Interview> watchedIn(long roundId, DataScope scope) {
		var sql = new StringBuilder("SELECT * FROM (" + INTERVIEW + " WHERE 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		List<Long> units = units(scope);
		if (units != null) {
			if (units.isEmpty()) {
				return List.of();
			}
			sql.append(" AND p.unit_id IN (:units)");
			params.put("units", units);
		}
		sql.append(") w WHERE w.watch = :round ORDER BY w.code, w.interview_date DESC");
		params.put("round", roundId);
		return jdbc.sql(sql.toString()).params(params).query(this::interview).list();
	}

	private Interview interview(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Long watch = rs.getObject(10) == null ? null : ((Number) rs.getObject(10)).longValue();
		String watchName = watch == null ? null
				: jdbc.sql("SELECT name FROM dispatch_round WHERE id = :id").param("id", watch)
					.query(String.class).optional().orElse(null);
		return new Interview(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
				rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8), rs.getString(9), watch, watchName,
				rs.getString(11));
	}

	/**
	 * The units whose projects a reader sees on these lists, or null for all: a unit's staff their own units (the
	 * lists name officials to interview, so they stay with the unit, not the shared city pool), city-wide roles,
	 * leaders and viewers all.
	 */
	static List<Long> units(DataScope scope) {
		if (scope.editAll() || (scope.readAll() && scope.editable().isEmpty())) {
			return null;
		}
		var own = scope.editable().isEmpty() ? scope.readable() : scope.editable();
		return own.stream().map(UnitId::value).toList();
	}

	private static RoundRef ref(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new RoundRef(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
				rs.getObject(4, LocalDate.class), rs.getString(5));
	}
}
