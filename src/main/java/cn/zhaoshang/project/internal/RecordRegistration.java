package cn.zhaoshang.project.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the REGISTERED milestone (注册日期, the company registered locally) on a signed or later project, or
 * corrects its date: not in the future, audited, a line in the project's history, and
 * {@code ProjectMilestoneRecorded} published for dispatch. The same date again changes nothing.
 */
@Service
public class RecordRegistration {

	private final ProjectRepository projects;
	private final ProjectAccess access;
	private final Milestones milestones;
	private final Auditor auditor;
	private final Clock clock;

	RecordRegistration(ProjectRepository projects, ProjectAccess access, Milestones milestones, Auditor auditor,
			Clock clock) {
		this.projects = projects;
		this.access = access;
		this.milestones = milestones;
		this.auditor = auditor;
		this.clock = clock;
	}

	/** Returns whether anything changed. */
	@Transactional
	public boolean execute(long id, LocalDate date, CurrentUser user) {
		Project p = access.editable(id, user);
		Instant now = clock.instant();
		var before = p.auditView();
		LocalDate previous = p.registeredDate;
		if (!p.recordRegistered(date, LocalDate.now(clock), user.getUsername(), now)) {
			return false;
		}
		Project saved = projects.save(p);
		milestones.registered(saved, previous, user.getUsername(), now);
		auditor.record("project", saved.id, "REGISTERED", saved.code + " " + saved.name + " " + date, before,
				saved.auditView());
		return true;
	}
}
