package cn.zhaoshang.project.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.list.SqlFilter;
import cn.zhaoshang.project.ProjectMilestone;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The milestones recorded on projects (table {@code project_milestone}): one line per recording, shown in the
 * project's stage history; the date itself lives on the project ({@code registered_date}).
 */
@Component
public class Milestones {

	private final JdbcClient jdbc;

	Milestones(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A recorded milestone: its date, the date it replaced (a correction) and who recorded it when. */
	public record Line(long id, ProjectMilestone milestone, LocalDate date, LocalDate previous, String recordedBy,
			Instant recordedAt) {
	}

	/** Writes the line of a REGISTERED milestone the project has just recorded. */
	void registered(Project p, LocalDate previous, String by, Instant now) {
		jdbc.sql("""
				INSERT INTO project_milestone (project_id, milestone, milestone_date, previous_date, recorded_by,
				    recorded_at) VALUES (:p, :m, :d, :prev, :by, :at)""")
			.param("p", p.id)
			.param("m", ProjectMilestone.REGISTERED.name())
			.param("d", p.registeredDate)
			.param("prev", previous)
			.param("by", by)
			.param("at", now.atOffset(ZoneOffset.UTC))
			.update();
	}

	/** The project's milestones, newest recording first; empty outside the reader's scope. */
	public List<Line> of(long projectId, DataScope scope) {
		SqlFilter project = ProjectWhere.scoped(scope);
		return jdbc.sql("SELECT * FROM project_milestone WHERE project_id = :p"
				+ " AND EXISTS (SELECT 1 FROM project p WHERE p.id = :p" + project.andSql() + ")"
				+ " ORDER BY recorded_at DESC, id DESC")
			.params(project.params())
			.param("p", projectId)
			.query((rs, n) -> new Line(rs.getLong("id"), ProjectMilestone.valueOf(rs.getString("milestone")),
					rs.getObject("milestone_date", LocalDate.class), rs.getObject("previous_date", LocalDate.class),
					rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
			.list();
	}
}
