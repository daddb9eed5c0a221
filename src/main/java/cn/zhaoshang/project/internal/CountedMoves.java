package cn.zhaoshang.project.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;

/**
 * Keeps {@code project_counted_move} (ADR 0016): for every stage move that can count in the supervision figures, the
 * days on which it counts ({@link CountedIntervals}). Written in the writer's transaction by everything that writes or
 * settles stage moves ({@link StageMoves}, {@link StageMoveRows}): a project's rows are recomputed from its moves,
 * so the table always says what the moves say. The figures read it instead of searching the moves.
 */
@Service
public class CountedMoves {

	static final int CHUNK = 1_000;

	private static final String MOVES = """
			SELECT id, project_id, from_stage, to_stage, from_status, to_status, move_date, state, submitted_at,
			       reviewed_at, amount
			FROM project_stage_move WHERE project_id IN (:p) ORDER BY project_id, id""";

	private static final String INSERT = """
			INSERT INTO project_counted_move (move_id, project_id, to_stage, amount, effective_date, counted_from,
			    counted_to)
			VALUES (:m, :p, :s, :a, :e, :f, :t)""";

	private final NamedParameterJdbcOperations jdbc;
	private final ZoneId zone;
	private final CountedSums sums;
	private final SharedSums shared;

	@Autowired
	CountedMoves(NamedParameterJdbcOperations jdbc, Clock clock, CountedSums sums, SharedSums shared) {
		this.jdbc = jdbc;
		this.zone = clock.getZone();
		this.sums = sums;
		this.shared = shared;
	}

	/** For the V35_3 migration, which only {@link #rebuild rebuilds} (the sums' table comes later, in V39). */
	CountedMoves(NamedParameterJdbcOperations jdbc, ZoneId zone) {
		this.jdbc = jdbc;
		this.zone = zone;
		this.sums = null;
		this.shared = null;
	}

	/**
	 * Recomputes the rows of these projects from their moves (in chunks of {@value #CHUNK} projects), and adds the
	 * difference to the sums per landing unit ({@link CountedSums}) and to the corrections of the projects that are
	 * not plain ({@link SharedSums}); the projects' rows are locked meanwhile.
	 */
	public void refresh(Collection<Long> projectIds) {
		List<Long> ids = new ArrayList<>(new TreeSet<>(projectIds));
		for (int from = 0; from < ids.size(); from += CHUNK) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
			Map<Long, Long> units = sums.units(chunk);
			var before = sums.read(chunk);
			var sharedBefore = shared.snapshot(chunk, SharedSums.Part.STAGES);
			jdbc.update("DELETE FROM project_counted_move WHERE project_id IN (:p)", Map.of("p", chunk));
			List<CountedIntervals.Move> moves = jdbc.query(MOVES, Map.of("p", chunk), (rs, n) -> move(rs));
			write(moves);
			sums.update(units, before, sums.read(chunk));
			shared.update(sharedBefore);
		}
	}

	/**
	 * Recomputes every project's rows (after a bulk load that bypassed the writers, and by the migration); the sums
	 * are rebuilt separately ({@link CountedSums#rebuild}).
	 */
	public void rebuild() {
		jdbc.update("DELETE FROM project_counted_move", Map.of());
		List<Long> projects = jdbc.queryForList("SELECT DISTINCT project_id FROM project_stage_move", Map.of(),
				Long.class);
		for (int from = 0; from < projects.size(); from += CHUNK) {
			List<Long> chunk = projects.subList(from, Math.min(projects.size(), from + CHUNK));
			write(jdbc.query(MOVES, Map.of("p", chunk), (rs, n) -> move(rs)));
		}
	}

	private void write(List<CountedIntervals.Move> moves) {
		List<SqlParameterSource> rows = new ArrayList<>();
		int i = 0;
		while (i < moves.size()) {
			int j = i;
			while (j < moves.size() && moves.get(j).projectId() == moves.get(i).projectId()) {
				j++;
			}
			for (CountedIntervals.Interval v : CountedIntervals.of(moves.subList(i, j), zone)) {
				rows.add(new MapSqlParameterSource().addValue("m", v.moveId())
					.addValue("p", v.projectId())
					.addValue("s", v.toStage())
					.addValue("a", v.amount(), Types.NUMERIC)
					.addValue("e", v.effective(), Types.DATE)
					.addValue("f", v.from(), Types.DATE)
					.addValue("t", v.to(), Types.DATE));
			}
			i = j;
		}
		if (!rows.isEmpty()) {
			jdbc.batchUpdate(INSERT, rows.toArray(SqlParameterSource[]::new));
		}
	}

	private static CountedIntervals.Move move(ResultSet rs) throws SQLException {
		OffsetDateTime reviewed = rs.getObject("reviewed_at", OffsetDateTime.class);
		return new CountedIntervals.Move(rs.getLong("id"), rs.getLong("project_id"), rs.getString("from_stage"),
				rs.getString("to_stage"), rs.getString("from_status"), rs.getString("to_status"),
				rs.getObject("move_date", LocalDate.class), rs.getString("state"),
				rs.getObject("submitted_at", OffsetDateTime.class).toInstant(),
				reviewed == null ? null : reviewed.toInstant(), rs.getBigDecimal("amount"));
	}
}
