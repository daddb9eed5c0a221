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

	EditProject(ProjectRepository projects, ProjectAccess access, ProjectFacts facts, Auditor auditor, Clock clock,
			CreditShareStore shares) {
		this.shares = shares;
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
		facts.apply(p, d, user, clock.instant());
		Project saved = projects.save(p);
		if (!Objects.equals(unitBefore, saved.unitId)) {
			// the default credit share follows the landing unit (ADR 0012)
			shares.followLandingUnit(saved.id, saved.unitId, user.getUsername());
		}
		facts.peopleChanged(saved, leaderBefore, attendantBefore, user);
		auditor.record("project", saved.id, "UPDATE", saved.code + " " + saved.name, before, saved.auditView());
		return saved;
	}
}
