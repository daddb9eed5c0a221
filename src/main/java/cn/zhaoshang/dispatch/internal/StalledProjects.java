package cn.zhaoshang.dispatch.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.zhaoshang.dispatch.DispatchRoundClosed;
import cn.zhaoshang.dispatch.DispatchRoundReopened;
import cn.zhaoshang.dispatch.internal.StagnationRule.RoundFacts;
import cn.zhaoshang.dispatch.internal.StagnationRule.Verdict;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.Settings;
import cn.zhaoshang.project.ProjectStalls;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the {@link StagnationRule} whenever a round closes (again) or reopens: the verdict of every project in
 * every closed round's scope is rewritten (table dispatch_stalled, the stalled lists), and the ledger's mark is set
 * through the project module's {@link ProjectStalls} to each project's verdict as of the newest closed round (a
 * project not in that round's scope is cleared: it left the dispatch, e.g. went into production or was dropped).
 * <p>
 * The whole read model is recomputed from the frozen facts each time, so running it twice changes nothing and a
 * reopened older round changes the verdicts of the rounds after it as it should. It runs in the closing
 * transaction (a plain event listener), so the stalled list is right the moment the close returns.
 */
@Component
public class StalledProjects {

	private final JdbcClient jdbc;
	private final NamedParameterJdbcOperations named;
	private final ProjectStalls stalls;
	private final Settings settings;

	StalledProjects(JdbcClient jdbc, NamedParameterJdbcOperations named, ProjectStalls stalls, Settings settings) {
		this.jdbc = jdbc;
		this.named = named;
		this.stalls = stalls;
		this.settings = settings;
	}

	@EventListener
	void on(DispatchRoundClosed event) {
		refresh();
	}

	@EventListener
	void on(DispatchRoundReopened event) {
		refresh();
	}

	/** The rule with the number of rounds the setting holds now. */
	public StagnationRule rule() {
		return new StagnationRule(settings.intValue(StalledSettings.STALLED_AFTER_ROUNDS));
	}

	private record Scoped(long roundId, long projectId, RoundFacts facts) {
	}

	/** Recomputes every verdict and the ledger's marks; returns how many project marks changed. */
	@Transactional
	public int refresh() {
		StagnationRule rule = rule();
		List<Scoped> rows = jdbc.sql("""
				SELECT s.round_id, s.project_id, r.period_from, r.period_to, r.status, s.closed_snapshot,
				       s.stage_moves_in_period, s.funds_in_period, s.milestone_in_period
				FROM dispatch_scope s JOIN dispatch_round r ON r.id = s.round_id""")
			.query((rs, n) -> {
				boolean closed = "CLOSED".equals(rs.getString(5)) && rs.getBoolean(6);
				Integer moves = rs.getObject(7, Integer.class);
				BigDecimal funds = rs.getBigDecimal(8);
				Boolean milestone = rs.getObject(9, Boolean.class);
				return new Scoped(rs.getLong(1), rs.getLong(2),
						new RoundFacts(rs.getLong(1), rs.getObject(3, LocalDate.class),
								rs.getObject(4, LocalDate.class), closed, moves == null ? 0 : moves, funds,
								Boolean.TRUE.equals(milestone)));
			})
			.list();
		Map<Long, List<RoundFacts>> history = rows.stream()
			.collect(Collectors.groupingBy(Scoped::projectId, LinkedHashMap::new,
					Collectors.mapping(Scoped::facts, Collectors.toList())));

		jdbc.sql("DELETE FROM dispatch_stalled").update();
		List<MapSqlParameterSource> inserts = new ArrayList<>();
		for (Scoped s : rows) {
			if (!s.facts().closed()) {
				continue;
			}
			Verdict v = rule.judge(history.get(s.projectId()), s.roundId());
			inserts.add(new MapSqlParameterSource().addValue("round", s.roundId())
				.addValue("project", s.projectId())
				.addValue("n", v.roundsWithoutProgress())
				.addValue("rounds", v.countingRounds().stream().map(String::valueOf).collect(Collectors.joining(",")))
				.addValue("stalled", v.stalled()));
		}
		for (int from = 0; from < inserts.size(); from += 1_000) {
			named.batchUpdate("""
					INSERT INTO dispatch_stalled (round_id, project_id, rounds_without_progress, counting_rounds, stalled)
					VALUES (:round, :project, :n, :rounds, :stalled)""",
					inserts.subList(from, Math.min(inserts.size(), from + 1_000)).toArray(MapSqlParameterSource[]::new));
		}

		// the newest closed round decides the ledger's marks
		RoundFacts newest = rows.stream()
			.map(Scoped::facts)
			.filter(RoundFacts::closed)
			.max(StagnationRule.ORDER)
			.orElse(null);
		Map<Long, ProjectStalls.Mark> marks = new HashMap<>();
		if (newest != null) {
			for (Scoped s : rows) {
				if (s.roundId() == newest.roundId()) {
					Verdict v = rule.judge(history.get(s.projectId()), s.roundId());
					marks.put(s.projectId(),
							new ProjectStalls.Mark(new ProjectId(s.projectId()), v.roundsWithoutProgress(), v.stalled()));
				}
			}
		}
		return stalls.replaceAll(marks.values());
	}
}
