package cn.zhaoshang.project.internal;

import java.time.Clock;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.project.EvidenceKind;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A file uploaded on the project page (e.g. missing evidence of an imported project), optionally tagged with what
 * it proves; evidence clears the project's "evidence pending" mark.
 */
@Service
public class AttachToProject {

	private final ProjectRepository projects;
	private final ProjectAccess access;
	private final Attachments attachments;
	private final Auditor auditor;
	private final Clock clock;

	AttachToProject(ProjectRepository projects, ProjectAccess access, Attachments attachments, Auditor auditor,
			Clock clock) {
		this.projects = projects;
		this.access = access;
		this.attachments = attachments;
		this.auditor = auditor;
		this.clock = clock;
	}

	@Transactional
	public Attachments.Attachment execute(long id, String fileName, byte[] bytes, String kind,
			EvidenceKind evidenceKind, CurrentUser user) {
		Project p = access.editable(id, user);
		var a = attachments.store(fileName, bytes, user, p.id, kind, evidenceKind);
		if ("EVIDENCE".equals(kind) && p.evidencePending) {
			var before = p.auditView();
			p.evidenceAttached(clock.instant());
			Project saved = projects.save(p);
			auditor.record("project", saved.id, "EVIDENCE", saved.code + " " + a.fileName(), before,
					saved.auditView());
		}
		return a;
	}
}
