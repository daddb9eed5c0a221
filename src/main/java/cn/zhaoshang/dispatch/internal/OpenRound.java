package cn.zhaoshang.dispatch.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhaoshang.org.People;
import cn.zhaoshang.org.PersonId;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.project.ProjectSummaries;
import cn.zhaoshang.project.ProjectSummary;
import cn.zhaoshang.project.Stage;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city bureau opens a dispatch round: the period, the report deadline, the chairing leader and the projects in
 * scope (by default every ACTIVE negotiating, signed or commenced project; each reported by its landing unit).
 */
@Service
public class OpenRound {

	/** The stages a round covers by default (clause VII: 在谈、签约、开工). */
	public static final Set<Stage> DEFAULT_STAGES = Set.of(Stage.NEGOTIATING, Stage.SIGNED, Stage.COMMENCED);

	private final DispatchAccess access;
	private final RoundStore rounds;
	private final ScopeStore scope;
	private final ProjectSummaries projects;
	private final People people;
	private final Auditor auditor;
	private final Clock clock;

	OpenRound(DispatchAccess access, RoundStore rounds, ScopeStore scope, ProjectSummaries projects, People people,
			Auditor auditor, Clock clock) {
		this.access = access;
		this.rounds = rounds;
		this.scope = scope;
		this.projects = projects;
		this.people = people;
		this.auditor = auditor;
		this.clock = clock;
	}

	@Transactional
	public long execute(RoundInput input, CurrentUser user) {
		access.requireBureau(user);
		RoundInput in = input.check();
		String chairName = null;
		if (in.chairPersonId() != null) {
			chairName = people.summary(new PersonId(in.chairPersonId()))
				.orElseThrow(() -> new FieldException("chairPersonId", "validation.unknown"))
				.name();
		}
		List<ProjectSummary> inScope;
		if (in.projectIds() == null) {
			inScope = projects.active(DEFAULT_STAGES);
		}
		else {
			inScope = projects.find(in.projectIds().stream().filter(java.util.Objects::nonNull).map(ProjectId::new)
				.toList());
			if (inScope.size() != in.projectIds().stream().filter(java.util.Objects::nonNull).distinct().count()) {
				throw new FieldException("projectIds", "dispatch.validation.unknownProjects");
			}
		}
		Instant now = clock.instant();
		long id = rounds.insert(in.name(), in.periodFrom(), in.periodTo(), in.deadline(), in.chairPersonId(),
				chairName, user.getUsername(), now);
		for (ProjectSummary p : inScope) {
			scope.add(id, p.id().value(), p.unitId().value(), now);
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("name", in.name());
		after.put("periodFrom", in.periodFrom().toString());
		after.put("periodTo", in.periodTo().toString());
		after.put("deadline", in.deadline().toString());
		if (chairName != null) {
			after.put("chairName", chairName);
		}
		after.put("projects", inScope.size());
		auditor.record("dispatchRound", id, "CREATE", in.name(), Map.of(), after);
		return id;
	}
}
