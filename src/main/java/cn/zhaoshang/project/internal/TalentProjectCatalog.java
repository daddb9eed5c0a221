package cn.zhaoshang.project.internal;

import java.util.Collection;
import java.util.List;

import cn.zhaoshang.merchant.talent.TalentProjects;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.list.SqlFilter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger's projects for the talent directory (upstream in the merchant module, which may not call this module):
 * a search by name or code for the directory's picker and the projects behind the ids a talent is linked to.
 */
@Component
class TalentProjectCatalog implements TalentProjects {

	private static final String SELECT = "SELECT id, code, name, stage FROM project";

	private final JdbcClient jdbc;

	TalentProjectCatalog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<ProjectRef> search(String query, int limit) {
		SqlFilter where = SqlFilter.where().contains("q", query, "name", "code");
		return jdbc.sql(SELECT + where.sql() + " ORDER BY id DESC LIMIT :limit")
			.params(where.params())
			.param("limit", limit)
			.query((rs, n) -> ref(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	@Override
	public List<ProjectRef> byIds(Collection<ProjectId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " WHERE id IN (:ids)")
			.param("ids", ids.stream().map(ProjectId::value).toList())
			.query((rs, n) -> ref(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	private static ProjectRef ref(long id, String code, String name, String stage) {
		return new ProjectRef(new ProjectId(id), code, name, "stage." + stage, "/projects/" + id);
	}
}
