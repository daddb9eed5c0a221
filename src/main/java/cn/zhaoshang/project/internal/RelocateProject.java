package cn.zhaoshang.project.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.project.ProjectRelocation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ProjectRelocation}: the accepted transfer's move of a project to the receiving unit. */
@Service
class RelocateProject implements ProjectRelocation {

	private final ProjectRepository projects;
	private final JdbcClient jdbc;
	private final Auditor auditor;
	private final Clock clock;

	private final SharedSums shared;

	RelocateProject(ProjectRepository projects, JdbcClient jdbc, Auditor auditor, Clock clock, SharedSums shared) {
		this.shared = shared;
		this.projects = projects;
		this.jdbc = jdbc;
		this.auditor = auditor;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void relocate(ProjectId id, UnitId to, LocalDate from, String reason, CurrentUser user) {
		Project p = projects.findById(id.value()).orElseThrow(NotFoundException::new);
		if (p.unitId != null && p.unitId == to.value()) {
			throw new BusinessException("project.relocation.sameUnit");
		}
		var before = p.auditView();
		Long fromUnit = p.unitId;
		p.unitId = to.value();
		if (p.introUnitId == null) {
			p.introUnitId = fromUnit;
		}
		Project saved = projects.save(p);
		moveDefaultShare(saved.id, to, from, user.getUsername());
		String why = reason == null ? "" : " " + (reason.length() > 150 ? reason.substring(0, 150) : reason);
		auditor.record("project", saved.id, "UPDATE", saved.code + " " + saved.name + why, before, saved.auditView());
	}

	/**
	 * The open default share ends the day before {@code from} (it keeps the old unit) and a new default share of the
	 * new unit starts on it; a default share starting on {@code from} or later simply takes the new unit.
	 */
	private void moveDefaultShare(long projectId, UnitId to, LocalDate from, String by) {
		// the project is not plain from now on (or its default shares change): its corrections follow (ADR 0017)
		var before = shared.snapshot(java.util.List.of(projectId), SharedSums.Part.ALL);
		var at = clock.instant().atOffset(ZoneOffset.UTC);
		jdbc.sql("""
				UPDATE project_credit_share SET unit_id = :u, version = version + 1, updated_by = :by, updated_at = :at
				WHERE project_id = :p AND default_share = TRUE AND valid_from IS NOT NULL AND valid_from >= :from""")
			.param("u", to.value())
			.param("by", by)
			.param("at", at)
			.param("p", projectId)
			.param("from", from)
			.update();
		int ended = jdbc.sql("""
				UPDATE project_credit_share SET valid_to = :end, version = version + 1, updated_by = :by, updated_at = :at
				WHERE project_id = :p AND default_share = TRUE AND valid_to IS NULL
				  AND (valid_from IS NULL OR valid_from < :from)""")
			.param("end", from.minusDays(1))
			.param("by", by)
			.param("at", at)
			.param("p", projectId)
			.param("from", from)
			.update();
		if (ended > 0) {
			jdbc.sql("""
					INSERT INTO project_credit_share (project_id, unit_id, share_bp, valid_from, default_share,
					    created_by, updated_by, created_at, updated_at)
					VALUES (:p, :u, 10000, :from, TRUE, :by, :by, :at, :at)""")
				.param("p", projectId)
				.param("u", to.value())
				.param("from", from)
				.param("by", by)
				.param("at", at)
				.update();
		}
		shared.update(before);
	}
}
