package cn.zhaoshang.merchant.talent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.zhaoshang.merchant.talent.Talents.EnterpriseRef;
import cn.zhaoshang.merchant.talent.Talents.Facets;
import cn.zhaoshang.merchant.talent.Talents.Links;
import cn.zhaoshang.merchant.talent.TalentProjects.ProjectRef;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.Contacts;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.list.Paging;
import cn.zhaoshang.platform.list.SqlFilter;
import cn.zhaoshang.platform.list.Sorting;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The talent directory's read model: the list (search, filters, sort, paging) and its export, a talent with its
 * links, the filters' values and the form's pickers. Every internal role reads every talent (the endpoints refuse
 * intermediaries); contacts come masked to roles that do not need them, here, so that pages, exports and the API
 * cannot forget it.
 */
@Service
public class TalentQueries {

	/** Rows of one export: the directory of a city is a few thousand talents at most. */
	static final int MAX_EXPORT = 20_000;

	/** What the list may be sorted by; text columns ascend by default, the update time starts newest. */
	static final Sorting SORTING = Sorting.of("updated", "name", "t.name", "level", "t.level", "institution",
			"t.institution", "city", "t.work_city", "relation", "t.relation", "unit", "u.name", "updated",
			"t.updated_at")
		.ascendingFirst("name", "level", "institution", "city", "relation", "unit");

	private static final String SELECT = """
			SELECT t.id, t.name, t.expertise, t.title, t.institution, t.work_city, t.relation, t.relation_note,
			       t.level, t.phone, t.email, t.wechat, t.remarks, t.unit_id, u.name AS unit_name, t.active, t.version,
			       t.created_at, t.updated_at
			FROM talent t JOIN unit u ON u.id = t.unit_id""";

	private final JdbcClient jdbc;
	private final ObjectProvider<TalentProjects> projects;

	TalentQueries(JdbcClient jdbc, ObjectProvider<TalentProjects> projects) {
		this.jdbc = jdbc;
		this.projects = projects;
	}

	/** The sort the filter asks for (for the column headers); an unknown key is a 400 naming {@code sort}. */
	public static Sorting.Sort sort(TalentFilter f) {
		return SORTING.require(blank(f.sort()) ? null : f.sort(), blank(f.dir()) ? null : f.dir());
	}

	/** One page of the filtered list (1-based) and the size of the whole filtered set. */
	public Paging<Talent> list(TalentFilter filter, CurrentUser user, int page, int size) {
		SqlFilter where = where(filter);
		String order = orderBy(filter);
		long total = jdbc.sql("SELECT COUNT(*) FROM talent t JOIN unit u ON u.id = t.unit_id" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
		return Paging.fetch(total, page, size, true,
				(limit, offset) -> forRole(jdbc.sql(SELECT + where.sql() + order + " LIMIT :limit OFFSET :offset")
					.params(where.params())
					.param("limit", limit)
					.param("offset", offset)
					.query(TalentQueries::talent)
					.list(), user));
	}

	/** The whole filtered set in the list's order (for the export), at most {@link #MAX_EXPORT} rows. */
	public List<Talent> all(TalentFilter filter, CurrentUser user) {
		SqlFilter where = where(filter);
		return forRole(jdbc.sql(SELECT + where.sql() + orderBy(filter) + " LIMIT :limit")
			.params(where.params())
			.param("limit", MAX_EXPORT)
			.query(TalentQueries::talent)
			.list(), user);
	}

	/** The talent as the user may see it; 404 when there is none. */
	public Talent get(long id, CurrentUser user) {
		return forRole(List.of(load(id)), user).get(0);
	}

	Talent load(long id) {
		return jdbc.sql(SELECT + " WHERE t.id = :id")
			.param("id", id)
			.query(TalentQueries::talent)
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	public List<EnterpriseRef> enterprisesOf(long talentId) {
		return jdbc.sql("""
				SELECT m.id, m.name, m.uscc FROM talent_merchant tm JOIN merchant m ON m.id = tm.merchant_id
				WHERE tm.talent_id = :id ORDER BY m.name""")
			.param("id", talentId)
			.query((rs, n) -> new EnterpriseRef(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	public List<ProjectRef> projectsOf(long talentId) {
		List<Long> ids = jdbc.sql("SELECT project_id FROM talent_project WHERE talent_id = :id")
			.param("id", talentId)
			.query(Long.class)
			.list();
		return findProjects(ids);
	}

	public Links linksOf(TalentFilter filter) {
		SqlFilter where = where(filter);
		String talents = " IN (SELECT t.id FROM talent t JOIN unit u ON u.id = t.unit_id" + where.sql() + ")";
		Map<Long, List<String>> enterprises = new LinkedHashMap<>();
		jdbc.sql("SELECT tm.talent_id, m.name FROM talent_merchant tm JOIN merchant m ON m.id = tm.merchant_id"
				+ " WHERE tm.talent_id" + talents + " ORDER BY m.name")
			.params(where.params())
			.query((rs, n) -> enterprises.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		Map<Long, List<Long>> projectIds = new LinkedHashMap<>();
		jdbc.sql("SELECT tp.talent_id, tp.project_id FROM talent_project tp WHERE tp.talent_id" + talents)
			.params(where.params())
			.query((rs, n) -> projectIds.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
			.list();
		Map<Long, ProjectRef> byId = new HashMap<>();
		findProjects(projectIds.values().stream().flatMap(List::stream).distinct().toList())
			.forEach(p -> byId.put(p.id(), p));
		Map<Long, List<String>> projectNames = new LinkedHashMap<>();
		projectIds.forEach((talent, ids) -> projectNames.put(talent, ids.stream()
			.map(byId::get)
			.filter(java.util.Objects::nonNull)
			.map(p -> p.code() + " " + p.name())
			.sorted()
			.toList()));
		return new Links(enterprises, projectNames);
	}

	public Facets facets() {
		return new Facets(
				jdbc.sql("SELECT DISTINCT level FROM talent WHERE level IS NOT NULL ORDER BY level")
					.query(String.class)
					.list(),
				jdbc.sql("SELECT DISTINCT field FROM talent_field ORDER BY field").query(String.class).list(),
				jdbc.sql("SELECT DISTINCT work_city FROM talent ORDER BY work_city").query(String.class).list());
	}

	/** Enterprises whose name contains the text (or whose USCC is it), for the form's picker. */
	public List<EnterpriseRef> searchEnterprises(String query, int limit) {
		String q = query == null ? "" : query.strip();
		if (q.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT id, name, uscc FROM merchant WHERE name LIKE :q ESCAPE '\\' OR uscc = :code
				ORDER BY name LIMIT :limit""")
			.param("q", SqlFilter.contains(q))
			.param("code", q.toUpperCase(Locale.ROOT))
			.param("limit", limit)
			.query((rs, n) -> new EnterpriseRef(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	public List<EnterpriseRef> enterprises(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT id, name, uscc FROM merchant WHERE id IN (:ids) ORDER BY name")
			.param("ids", ids)
			.query((rs, n) -> new EnterpriseRef(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** Projects whose name or code contains the text, for the form's picker; none without the project module. */
	public List<ProjectRef> searchProjects(String query, int limit) {
		String q = query == null ? "" : query.strip();
		TalentProjects provider = projects.getIfAvailable();
		return q.isEmpty() || provider == null ? List.of() : provider.search(q, limit);
	}

	public List<ProjectRef> findProjects(Collection<Long> ids) {
		TalentProjects provider = projects.getIfAvailable();
		if (ids.isEmpty() || provider == null) {
			return List.of();
		}
		// the numbers come from the form and the link table; the project module's API takes typed ids
		return provider.byIds(ids.stream().map(ProjectId::new).toList())
			.stream()
			.sorted(java.util.Comparator.comparing(ProjectRef::code))
			.toList();
	}

	private static List<Talent> forRole(List<Talent> talents, CurrentUser user) {
		if (user != null && Contacts.seesInFull(user.role())) {
			return talents;
		}
		return talents.stream().map(Talent::masked).toList();
	}

	private static SqlFilter where(TalentFilter f) {
		SqlFilter where = SqlFilter.where();
		switch (f.statusOrDefault()) {
			case "inactive" -> where.and("t.active = FALSE");
			case "all" -> {
			}
			default -> where.and("t.active = TRUE");
		}
		return where
			.containsIgnoringCase("q", blank(f.q()) ? null : f.q().strip(), "t.name", "t.expertise", "t.institution",
					"t.work_city", "t.title", "t.level")
			.eq("t.relation", "relation", f.relation())
			.eq("t.level", "level", f.level())
			.and("EXISTS (SELECT 1 FROM talent_field tf WHERE tf.talent_id = t.id AND tf.field = :field)", "field",
					f.field())
			.eq("t.work_city", "city", f.city())
			.eq("t.unit_id", "unit", f.unit());
	}

	private static String orderBy(TalentFilter f) {
		return SORTING.orderBy(sort(f), "t.id");
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	static Talent talent(ResultSet rs, int n) throws SQLException {
		return new Talent(rs.getLong("id"), rs.getString("name"), rs.getString("expertise"), rs.getString("title"),
				rs.getString("institution"), rs.getString("work_city"), TalentRelation.valueOf(rs.getString("relation")),
				rs.getString("relation_note"), rs.getString("level"), rs.getString("phone"), rs.getString("email"),
				rs.getString("wechat"), rs.getString("remarks"), rs.getLong("unit_id"), rs.getString("unit_name"),
				rs.getBoolean("active"), rs.getInt("version"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}
}
