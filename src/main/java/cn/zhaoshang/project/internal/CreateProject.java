package cn.zhaoshang.project.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Enters a project into the ledger with a new code, in a unit of the user's scope. */
@Service
public class CreateProject {

	private final ProjectRepository projects;
	private final ProjectFacts facts;
	private final ProjectCodes codes;
	private final Auditor auditor;
	private final Clock clock;
	private final CreditShareStore shares;

	CreateProject(ProjectRepository projects, ProjectFacts facts, ProjectCodes codes, Auditor auditor, Clock clock,
			CreditShareStore shares) {
		this.shares = shares;
		this.projects = projects;
		this.facts = facts;
		this.codes = codes;
		this.auditor = auditor;
		this.clock = clock;
	}

	@Transactional
	public Project execute(ProjectDetails d, CurrentUser user) {
		Instant now = clock.instant();
		Project p = new Project();
		p.code = codes.next();
		p.createdBy = user.getUsername();
		p.createdAt = now;
		p.negotiationDate = java.time.LocalDate.now(clock);
		if (d.registeredDate() != null) {
			// a new project is negotiating: the registration date is refused with its reason
			p.checkRegistered(d.registeredDate(), java.time.LocalDate.now(clock));
		}
		facts.apply(p, d, user, now);
		Project saved = projects.save(p);
		// every figure of the project is credited through its shares: 100 % to the landing unit by default
		shares.addDefault(saved.id, saved.unitId, user.getUsername());
		facts.peopleChanged(saved, null, null, user);
		auditor.record("project", saved.id, "CREATE", saved.code + " " + saved.name, Map.of(), saved.auditView());
		return saved;
	}
}
