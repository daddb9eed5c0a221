package cn.zhaoshang.project;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.ProjectId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's stalled mark (无明显进展 / 停滞, issue 10): how many consecutive dispatch rounds a project has shown no
 * obvious progress in, and whether that made it stalled. The dispatch module decides both (its stagnation rule) and
 * hands the whole set here; the ledger only shows the mark (badge, filter, API). This module knows nothing of
 * dispatch rounds: the mark is just two columns of the project.
 */
@Service
public class ProjectStalls {

	/**
	 * One project's mark.
	 *
	 * @param project the project
	 * @param roundsWithoutProgress consecutive rounds without obvious progress (0: progress in the latest round)
	 * @param stalled whether that run reached the stagnation rule's number of rounds
	 */
	public record Mark(ProjectId project, int roundsWithoutProgress, boolean stalled) {
	}

	private final JdbcClient jdbc;
	private final Auditor auditor;

	ProjectStalls(JdbcClient jdbc, Auditor auditor) {
		this.jdbc = jdbc;
		this.auditor = auditor;
	}

	/**
	 * Makes these the marks of the ledger: the projects named get theirs, every other project is cleared. Writes (and
	 * audits) only what changes, so calling it again with the same marks changes nothing.
	 *
	 * @return how many projects changed
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public int replaceAll(Collection<Mark> marks) {
		Map<Long, Mark> wanted = new LinkedHashMap<>();
		for (Mark m : marks) {
			if (m.roundsWithoutProgress() > 0 || m.stalled()) {
				wanted.put(m.project().value(), m);
			}
		}
		Map<Long, Mark> current = new HashMap<>();
		jdbc.sql("SELECT id, stalled_rounds, stalled FROM project WHERE stalled_rounds > 0 OR stalled = TRUE")
			.query(rs -> {
				current.put(rs.getLong(1), new Mark(new ProjectId(rs.getLong(1)), rs.getInt(2), rs.getBoolean(3)));
			});
		List<Auditor.Change> changes = new ArrayList<>();
		for (Mark was : current.values()) {
			if (!wanted.containsKey(was.project().value())) {
				set(new Mark(was.project(), 0, false), was, changes);
			}
		}
		for (Mark m : wanted.values()) {
			Mark was = current.getOrDefault(m.project().value(), new Mark(m.project(), 0, false));
			if (was.roundsWithoutProgress() != m.roundsWithoutProgress() || was.stalled() != m.stalled()) {
				set(m, was, changes);
			}
		}
		auditor.recordAll(changes);
		return changes.size();
	}

	/** The mark of one project as the ledger holds it. */
	public Mark of(ProjectId project) {
		return jdbc.sql("SELECT stalled_rounds, stalled FROM project WHERE id = :id")
			.param("id", project.value())
			.query((rs, n) -> new Mark(project, rs.getInt(1), rs.getBoolean(2)))
			.optional()
			.orElse(new Mark(project, 0, false));
	}

	private void set(Mark m, Mark was, List<Auditor.Change> changes) {
		int updated = jdbc.sql("UPDATE project SET stalled_rounds = :rounds, stalled = :stalled WHERE id = :id")
			.param("rounds", m.roundsWithoutProgress())
			.param("stalled", m.stalled())
			.param("id", m.project().value())
			.update();
		if (updated == 1) {
			changes.add(new Auditor.Change("project", m.project().value(), "STALLED_MARK",
					"stalledRounds " + was.roundsWithoutProgress() + " -> " + m.roundsWithoutProgress(),
					Map.of("stalledRounds", was.roundsWithoutProgress(), "stalled", was.stalled()),
					Map.of("stalledRounds", m.roundsWithoutProgress(), "stalled", m.stalled())));
		}
	}
}
