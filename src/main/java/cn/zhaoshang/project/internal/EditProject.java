package cn.zhaoshang.project.internal;

import java.time.Clock;
import java.util.Objects;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Edits a project's facts (not its stage); the version must match (else 409). */
@Service
public class EditProject {

	private final ProjectRepository projects;
	private final ProjectAccess access;
	private final ProjectFacts facts;
	private final Auditor auditor;
	private final Clock clock;
	private final CreditShareStore shares;
	private final Milestones milestones;

	EditProject(ProjectRepository projects, ProjectAccess access, ProjectFacts facts, Auditor auditor, Clock clock,
			CreditShareStore shares, Milestones milestones) {
		this.shares = shares;
		this.milestones = milestones;
		this.projects = projects;
		this.access = access;
		this.facts = facts;
		this.auditor = auditor;
		this.clock = clock;
	}

	@Transactional
	public Project execute(long id, ProjectDetails d, CurrentUser user) {
		Project p = access.editable(id, user);
		if (d.version() == null || !Objects.equals(p.version, d.version())) {
			throw new OptimisticLockingFailureException("project " + id + " changed meanwhile");
		}
		var before = p.auditView();
		Long leaderBefore = p.leaderId;
		Long attendantBefore = p.chiefAttendantId;
		Long unitBefore = p.unitId;
		var now = clock.instant();
		var registeredBefore = p.registeredDate;
		facts.apply(p, d, user, now);
		// a registration date sent with the edit records the REGISTERED milestone (absent: unchanged)
		boolean registered = d.registeredDate() != null
				&& p.recordRegistered(d.registeredDate(), java.time.LocalDate.now(clock), user.getUsername(), now);
		Project saved = projects.save(p);
		if (registered) {
			milestones.registered(saved, registeredBefore, user.getUsername(), now);
		}
		if (!Objects.equals(unitBefore, saved.unitId)) {
			// the default credit share follows the landing unit (ADR 0012)
			shares.followLandingUnit(saved.id, saved.unitId, user.getUsername());
		}
		facts.peopleChanged(saved, leaderBefore, attendantBefore, user);
		auditor.record("project", saved.id, "UPDATE", saved.code + " " + saved.name, before, saved.auditView());
		return saved;
	}
}
