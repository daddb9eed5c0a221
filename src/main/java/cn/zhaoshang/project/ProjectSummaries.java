package cn.zhaoshang.project;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read-only look-ups of ledger projects for modules downstream of the ledger (the dispatch rounds): without the
 * rights of a user, which the caller checks against the project's unit.
 */
@Service
public class ProjectSummaries {

	private static final String SELECT = """
			SELECT p.id, p.code, p.name, p.unit_id, u.name AS unit_name, p.stage, p.status, p.registered_date,
			  p.leader_name, p.chief_attendant_name
			FROM project p JOIN unit u ON u.id = p.unit_id""";

	private final JdbcClient jdbc;

	ProjectSummaries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<ProjectSummary> find(ProjectId id) {
		return jdbc.sql(SELECT + " WHERE p.id = :id").param("id", id.value()).query(ProjectSummaries::row).optional();
	}

	/** The projects with these ids that exist, by unit order and code. */
	public List<ProjectSummary> find(Collection<ProjectId> ids) {
		List<ProjectSummary> found = new ArrayList<>();
		List<Long> all = ids.stream().map(ProjectId::value).distinct().toList();
		for (int i = 0; i < all.size(); i += 500) {
			found.addAll(jdbc.sql(SELECT + " WHERE p.id IN (:ids) ORDER BY u.sort_order, u.id, p.code")
				.param("ids", all.subList(i, Math.min(all.size(), i + 500)))
				.query(ProjectSummaries::row)
				.list());
		}
		return found;
	}

	/** The projects with these codes that exist (codes compared as written, case ignored). */
	public List<ProjectSummary> byCodes(Collection<String> codes) {
		List<String> all = codes.stream().map(c -> c.trim().toUpperCase()).filter(c -> !c.isEmpty()).distinct().toList();
		if (all.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " WHERE UPPER(p.code) IN (:codes) ORDER BY p.code")
			.param("codes", all)
			.query(ProjectSummaries::row)
			.list();
	}

	/** The ACTIVE projects at one of these stages, by unit order and code (a dispatch round's default scope). */
	public List<ProjectSummary> active(Set<Stage> stages) {
		if (stages.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " WHERE p.status = 'ACTIVE' AND p.stage IN (:stages) ORDER BY u.sort_order, u.id, p.code")
			.param("stages", stages.stream().map(Stage::name).toList())
			.query(ProjectSummaries::row)
			.list();
	}

	/** Projects whose code or name contains the text, at most {@code limit} (choosing projects to add). */
	public List<ProjectSummary> search(String text, int limit) {
		String like = "%" + text.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
				+ "%";
		return jdbc.sql(SELECT + " WHERE LOWER(p.code) LIKE :q ESCAPE '\\' OR LOWER(p.name) LIKE :q ESCAPE '\\'"
				+ " ORDER BY p.code LIMIT :limit")
			.param("q", like)
			.param("limit", limit)
			.query(ProjectSummaries::row)
			.list();
	}

	private static ProjectSummary row(ResultSet rs, int n) throws SQLException {
		return new ProjectSummary(new ProjectId(rs.getLong("id")), rs.getString("code"), rs.getString("name"),
				new UnitId(rs.getLong("unit_id")), rs.getString("unit_name"), Stage.valueOf(rs.getString("stage")),
				ProjectStatus.valueOf(rs.getString("status")), rs.getObject("registered_date", LocalDate.class),
				rs.getString("leader_name"), rs.getString("chief_attendant_name"));
	}
}
