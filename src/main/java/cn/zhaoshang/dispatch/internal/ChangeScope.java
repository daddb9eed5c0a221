package cn.zhaoshang.dispatch.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.project.ProjectSummaries;
import cn.zhaoshang.project.ProjectSummary;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The city bureau adds projects to an open round or removes one (with its report and problems). */
@Service
public class ChangeScope {

	private final DispatchAccess access;
	private final RoundStore rounds;
	private final ScopeStore scope;
	private final ProjectSummaries projects;
	private final Auditor auditor;
	private final Clock clock;

	ChangeScope(DispatchAccess access, RoundStore rounds, ScopeStore scope, ProjectSummaries projects,
			Auditor auditor, Clock clock) {
		this.access = access;
		this.rounds = rounds;
		this.scope = scope;
		this.projects = projects;
		this.auditor = auditor;
		this.clock = clock;
	}

	/** Adds the projects not in scope yet; answers how many were added. */
	@Transactional
	public int add(long roundId, Collection<Long> projectIds, CurrentUser user) {
		access.requireBureau(user);
		DispatchRound round = access.round(roundId);
		round.requireOpen();
		if (projectIds == null || projectIds.isEmpty()) {
			throw new FieldException("projectIds", "validation.required");
		}
		List<ProjectSummary> found = projects.find(projectIds.stream().map(ProjectId::new).toList());
		if (found.size() != projectIds.stream().distinct().count()) {
			throw new FieldException("projectIds", "dispatch.validation.unknownProjects");
		}
		Instant now = clock.instant();
		int added = 0;
		for (ProjectSummary p : found) {
			if (scope.add(roundId, p.id().value(), p.unitId().value(), now)) {
				added++;
				auditor.record("dispatchRound", roundId, "SCOPE_ADD", p.code() + " " + p.name(), Map.of(),
						Map.of("project", p.code() + " " + p.name(), "unitId", p.unitId().value()));
			}
		}
		if (added > 0) {
			rounds.touch(roundId, now);
		}
		return added;
	}

	/** Removes a project, its report and its problems from an open round. */
	@Transactional
	public void remove(long roundId, long projectId, CurrentUser user) {
		access.requireBureau(user);
		DispatchRound round = access.round(roundId);
		round.requireOpen();
		ScopeRow row = scope.find(roundId, projectId).orElseThrow(cn.zhaoshang.platform.NotFoundException::new);
		String label = projects.find(new ProjectId(projectId)).map(p -> p.code() + " " + p.name())
			.orElse(String.valueOf(projectId));
		scope.remove(roundId, projectId);
		rounds.touch(roundId, clock.instant());
		auditor.record("dispatchRound", roundId, "SCOPE_REMOVE", label,
				Map.of("project", label, "reportStatus", row.reportStatus().name()), Map.of());
	}
}
