package cn.zhaoshang.merchant.talent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import cn.zhaoshang.merchant.talent.TalentProjects.ProjectRef;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.Contacts;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The talent directory: search, read, register, edit, deactivate. Every internal role reads (intermediaries never
 * get here: the endpoints refuse them); the ledger's editing roles register talents for units in their data scope
 * and edit the talents their unit registered (the city bureau and admins all of them). Contacts come masked to
 * roles that do not need them, here, so that pages, exports and the API cannot forget it. Every write is audited.
 */
@Service
public class Talents {

	/** Roles that may register and edit talents at all; which ones is further limited by the data scope. */
	static final Set<Role> EDITORS = Set.of(Role.ADMIN, Role.CITY_SUPERVISOR, Role.UNIT_MANAGER, Role.UNIT_STAFF);

	/** Most talents have one to three fields; more than this is a paste gone wrong. */
	static final int MAX_FIELDS = 8;
	static final int MAX_FIELD_LENGTH = 20;
	/** Rows of one export: the directory of a city is a few thousand talents at most. */
	static final int MAX_EXPORT = 20_000;

	/** The Chinese enumeration comma (、) that joins fields of expertise and linked names in one text. */
	public static final String LIST_SEPARATOR = "\u3001";

	private static final Pattern FIELD_SEPARATORS = Pattern.compile("[,\\uFF0C\\u3001;\\uFF1B/\\s]+");

	private static final Map<String, String> SORT_COLUMNS = Map.of("name", "t.name", "level", "t.level",
			"institution", "t.institution", "city", "t.work_city", "relation", "t.relation", "unit", "u.name",
			"updated", "t.updated_at");

	private static final String SELECT = """
			SELECT t.id, t.name, t.expertise, t.title, t.institution, t.work_city, t.relation, t.relation_note,
			       t.level, t.phone, t.email, t.wechat, t.remarks, t.unit_id, u.name AS unit_name, t.active, t.version,
			       t.created_at, t.updated_at
			FROM talent t JOIN unit u ON u.id = t.unit_id""";

	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final UnitDirectory units;
	private final Auditor auditor;
	private final Clock clock;
	private final ObjectProvider<TalentProjects> projects;

	Talents(JdbcClient jdbc, DataScopes scopes, UnitDirectory units, Auditor auditor, Clock clock,
			ObjectProvider<TalentProjects> projects) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.units = units;
		this.auditor = auditor;
		this.clock = clock;
		this.projects = projects;
	}

	// --- reading ------------------------------------------------------------------------------------------------

	/** One page of the filtered list (1-based) and the size of the whole filtered set. */
	public record Page(List<Talent> items, long total, int page, int size) {

		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}
	}

	public Page list(TalentFilter filter, CurrentUser user, int page, int size) {
		var where = where(filter);
		long total = jdbc.sql("SELECT COUNT(*) FROM talent t JOIN unit u ON u.id = t.unit_id" + where.sql)
			.params(where.params)
			.query(Long.class)
			.single();
		int pages = (int) Math.max(1, (total + size - 1) / size);
		int p = Math.min(Math.max(1, page), pages);
		List<Talent> items = jdbc.sql(SELECT + where.sql + orderBy(filter) + " LIMIT :limit OFFSET :offset")
			.params(where.params)
			.param("limit", size)
			.param("offset", (p - 1) * size)
			.query(Talents::talent)
			.list();
		return new Page(forRole(items, user), total, p, size);
	}

	/** The whole filtered set in the list's order (for the export), at most {@link #MAX_EXPORT} rows. */
	public List<Talent> all(TalentFilter filter, CurrentUser user) {
		var where = where(filter);
		return forRole(jdbc.sql(SELECT + where.sql + orderBy(filter) + " LIMIT :limit")
			.params(where.params)
			.param("limit", MAX_EXPORT)
			.query(Talents::talent)
			.list(), user);
	}

	/** The talent as the user may see it; 404 when there is none. */
	public Talent get(long id, CurrentUser user) {
		return forRole(List.of(load(id)), user).get(0);
	}

	private Talent load(long id) {
		return jdbc.sql(SELECT + " WHERE t.id = :id")
			.param("id", id)
			.query(Talents::talent)
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	/** An enterprise a talent is linked to. */
	public record EnterpriseRef(long id, String name, String uscc) {
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

	/**
	 * Links of the whole filtered set at once, for the export (two queries, however many talents): talent id →
	 * enterprise names, talent id → "code name" of the projects.
	 */
	public record Links(Map<Long, List<String>> enterprises, Map<Long, List<String>> projects) {
	}

	public Links linksOf(TalentFilter filter) {
		var where = where(filter);
		String talents = " IN (SELECT t.id FROM talent t JOIN unit u ON u.id = t.unit_id" + where.sql + ")";
		Map<Long, List<String>> enterprises = new LinkedHashMap<>();
		jdbc.sql("SELECT tm.talent_id, m.name FROM talent_merchant tm JOIN merchant m ON m.id = tm.merchant_id"
				+ " WHERE tm.talent_id" + talents + " ORDER BY m.name")
			.params(where.params)
			.query((rs, n) -> enterprises.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		Map<Long, List<Long>> projectIds = new LinkedHashMap<>();
		jdbc.sql("SELECT tp.talent_id, tp.project_id FROM talent_project tp WHERE tp.talent_id" + talents)
			.params(where.params)
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

	/** The values in use, for the list's filters: levels, fields of expertise and cities, each sorted. */
	public record Facets(List<String> levels, List<String> fields, List<String> cities) {
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
			.param("q", "%" + escapeLike(q) + "%")
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
		return provider.find(ids)
			.stream()
			.sorted(java.util.Comparator.comparing(ProjectRef::code))
			.toList();
	}

	/** Whether the user may edit talents registered by this unit: an editing role with the unit in scope. */
	public boolean canEdit(long unitId, CurrentUser user) {
		return user != null && EDITORS.contains(user.role()) && scopes.of(user).canEdit(new UnitId(unitId));
	}

	/** Whether the user may register talents at all (for some unit). */
	public boolean canCreate(CurrentUser user) {
		return user != null && EDITORS.contains(user.role());
	}

	// --- writing ------------------------------------------------------------------------------------------------

	@Transactional
	public long create(TalentForm form, CurrentUser user) {
		requireEditor(user);
		Checked c = check(form, user);
		var keys = new GeneratedKeyHolder();
		OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO talent (name, expertise, title, institution, work_city, relation, relation_note, level,
				                    phone, email, wechat, remarks, unit_id, active, version, created_at, updated_at)
				VALUES (:name, :expertise, :title, :institution, :city, :relation, :relationNote, :level,
				        :phone, :email, :wechat, :remarks, :unit, TRUE, 0, :now, :now)""")
			.params(c.columns())
			.param("now", now)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		writeChildren(id, c);
		auditor.record("talent", id, "CREATE", c.name(), Map.of(), auditView(c, true));
		return id;
	}

	/** Edits the talent; {@code form.version()} must be the version read, else nothing changes (409). */
	@Transactional
	public void update(long id, TalentForm form, CurrentUser user) {
		Talent before = load(id);
		requireEditable(before, user);
		if (form.version() == null) {
			// like the ledger: without the version read, the change may overwrite someone else's (409)
			throw new OptimisticLockingFailureException("talent " + id + " updated without a version");
		}
		Checked c = check(form, user);
		var beforeView = auditView(before);
		int updated = jdbc.sql("""
				UPDATE talent SET name = :name, expertise = :expertise, title = :title, institution = :institution,
				       work_city = :city, relation = :relation, relation_note = :relationNote, level = :level,
				       phone = :phone, email = :email, wechat = :wechat, remarks = :remarks, unit_id = :unit,
				       version = version + 1, updated_at = :now
				WHERE id = :id AND version = :version""")
			.params(c.columns())
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.param("id", id)
			.param("version", form.version())
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("talent " + id + " changed meanwhile");
		}
		jdbc.sql("DELETE FROM talent_field WHERE talent_id = :id").param("id", id).update();
		jdbc.sql("DELETE FROM talent_merchant WHERE talent_id = :id").param("id", id).update();
		jdbc.sql("DELETE FROM talent_project WHERE talent_id = :id").param("id", id).update();
		writeChildren(id, c);
		auditor.record("talent", id, "UPDATE", c.name(), beforeView, auditView(c, before.active()));
	}

	/** Deactivates (hides from the default list) or reactivates a talent; audited like an edit. */
	@Transactional
	public void setActive(long id, boolean active, int version, CurrentUser user) {
		Talent t = load(id);
		requireEditable(t, user);
		int updated = jdbc.sql("""
				UPDATE talent SET active = :active, version = version + 1, updated_at = :now
				WHERE id = :id AND version = :version""")
			.param("active", active)
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.param("id", id)
			.param("version", version)
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("talent " + id + " changed meanwhile");
		}
		auditor.record("talent", id, active ? "ACTIVATE" : "DEACTIVATE", t.name(), Map.of("active", t.active()),
				Map.of("active", active));
	}

	/**
	 * For the import's first pass: whether the form could be written as the user, as a new talent or over the
	 * existing one; throws what {@link #create} or {@link #update} would, without writing anything.
	 */
	void checkImport(Long existing, TalentForm form, CurrentUser user) {
		if (existing == null) {
			requireEditor(user);
		}
		else {
			requireEditable(load(existing), user);
		}
		check(form, user);
	}

	/** Whether writing the form over the talent would change nothing (the import counts such rows unchanged). */
	boolean sameAs(long id, TalentForm form, CurrentUser user) {
		Talent t = load(id);
		return auditView(t).equals(auditView(check(form, user), t.active()));
	}

	private void requireEditor(CurrentUser user) {
		if (!canCreate(user)) {
			throw new BusinessException(403, "error.forbidden");
		}
	}

	private void requireEditable(Talent t, CurrentUser user) {
		if (!canEdit(t.unitId(), user)) {
			throw new BusinessException(403, "error.forbidden");
		}
	}

	/** A form that passed every rule, with the values as stored. */
	private record Checked(String name, List<String> fields, String title, String institution, String city,
			TalentRelation relation, String relationNote, String level, String phone, String email, String wechat,
			String remarks, long unitId, List<EnterpriseRef> enterprises, List<ProjectRef> projects) {

		String expertise() {
			return String.join(Talents.LIST_SEPARATOR, fields);
		}

		Map<String, Object> columns() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("name", name);
			m.put("expertise", expertise());
			m.put("title", title);
			m.put("institution", institution);
			m.put("city", city);
			m.put("relation", relation.name());
			m.put("relationNote", relationNote);
			m.put("level", level);
			m.put("phone", phone);
			m.put("email", email);
			m.put("wechat", wechat);
			m.put("remarks", remarks);
			m.put("unit", unitId);
			return m;
		}
	}

	/**
	 * The rules beyond the form's annotations, each refused with the field it concerns: the fields of expertise,
	 * the registering unit (known, and within the user's scope: another is a forged request, 403), the linked
	 * enterprises and projects (must exist), the note that "other" needs.
	 */
	private Checked check(TalentForm form, CurrentUser user) {
		List<String> fields = fields(form.expertise());
		if (fields.isEmpty()) {
			throw new FieldException("expertise", "validation.required");
		}
		if (fields.size() > MAX_FIELDS) {
			throw new FieldException("expertise", "talent.validation.tooManyFields", MAX_FIELDS);
		}
		for (String f : fields) {
			if (f.length() > MAX_FIELD_LENGTH) {
				throw new FieldException("expertise", "talent.validation.fieldTooLong", f, MAX_FIELD_LENGTH);
			}
		}
		if (form.relation() == TalentRelation.OTHER && blank(form.relationNote())) {
			throw new FieldException("relationNote", "talent.validation.relationNote");
		}
		Long unitId = form.unitId() != null ? form.unitId() : user.unitId() == null ? null : user.unitId().value();
		if (unitId == null || units.find(new UnitId(unitId)).isEmpty()) {
			throw new FieldException("unitId", unitId == null ? "validation.required" : "validation.unknown");
		}
		DataScope scope = scopes.of(user);
		if (!scope.canEdit(new UnitId(unitId))) {
			throw new BusinessException(403, "error.forbidden");
		}
		List<EnterpriseRef> enterprises = enterprises(form.enterpriseIdList());
		if (enterprises.size() != form.enterpriseIdList().size()) {
			throw new FieldException("enterpriseIds", "validation.unknown");
		}
		List<ProjectRef> linked = findProjects(form.projectIdList());
		if (linked.size() != form.projectIdList().size()) {
			throw new FieldException("projectIds", "validation.unknown");
		}
		return new Checked(form.name().strip(), fields, trim(form.title()), form.institution().strip(),
				form.workCity().strip(), form.relation(), trim(form.relationNote()), trim(form.level()),
				trim(form.phone()), trim(form.email()), trim(form.wechatId()), trim(form.remarks()), unitId,
				enterprises, linked);
	}

	/** The fields of expertise of one text: split at 、，,;/ and spaces, trimmed, each once, in the order given. */
	static List<String> fields(String expertise) {
		if (expertise == null) {
			return List.of();
		}
		Set<String> fields = new LinkedHashSet<>();
		for (String f : FIELD_SEPARATORS.split(expertise.strip())) {
			if (!f.isBlank()) {
				fields.add(f.strip());
			}
		}
		return List.copyOf(fields);
	}

	private void writeChildren(long id, Checked c) {
		for (int i = 0; i < c.fields().size(); i++) {
			jdbc.sql("INSERT INTO talent_field (talent_id, position, field) VALUES (:id, :position, :field)")
				.param("id", id)
				.param("position", i)
				.param("field", c.fields().get(i))
				.update();
		}
		for (EnterpriseRef e : c.enterprises()) {
			jdbc.sql("INSERT INTO talent_merchant (talent_id, merchant_id) VALUES (:id, :merchant)")
				.param("id", id)
				.param("merchant", e.id())
				.update();
		}
		for (ProjectRef p : c.projects()) {
			jdbc.sql("INSERT INTO talent_project (talent_id, project_id) VALUES (:id, :project)")
				.param("id", id)
				.param("project", p.id())
				.update();
		}
	}

	/**
	 * Field names of the audit trail: the talent form's own labels ({@code field.talentForm.*}) name them in the
	 * history, and {@code talentForm.relation.*} its values.
	 */
	private static final String AUDIT = "talentForm.";

	private Map<String, Object> auditView(Checked c, boolean active) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put(AUDIT + "name", c.name());
		m.put(AUDIT + "expertise", c.expertise());
		m.put(AUDIT + "title", c.title());
		m.put(AUDIT + "institution", c.institution());
		m.put(AUDIT + "workCity", c.city());
		m.put(AUDIT + "relation", c.relation().name());
		m.put(AUDIT + "relationNote", c.relationNote());
		m.put(AUDIT + "level", c.level());
		m.put(AUDIT + "phone", c.phone());
		m.put(AUDIT + "email", c.email());
		m.put(AUDIT + "wechatId", c.wechat());
		m.put(AUDIT + "remarks", c.remarks());
		// the unit's name, not its id: the history is read by people
		m.put(AUDIT + "unitId", units.find(new UnitId(c.unitId())).map(u -> u.name()).orElse(String.valueOf(c.unitId())));
		m.put(AUDIT + "enterpriseIds", String.join(Talents.LIST_SEPARATOR, c.enterprises().stream().map(EnterpriseRef::name).sorted().toList()));
		m.put(AUDIT + "projectIds", String.join(Talents.LIST_SEPARATOR, c.projects().stream().map(ProjectRef::code).sorted().toList()));
		m.put("active", active);
		return m;
	}

	private Map<String, Object> auditView(Talent t) {
		Checked c = new Checked(t.name(), fields(t.expertise()), t.title(), t.institution(), t.workCity(),
				t.relation(), t.relationNote(), t.level(), t.phone(), t.email(), t.wechatId(), t.remarks(), t.unitId(),
				enterprisesOf(t.id()), projectsOf(t.id()));
		return auditView(c, t.active());
	}

	// --- helpers ------------------------------------------------------------------------------------------------

	private static List<Talent> forRole(List<Talent> talents, CurrentUser user) {
		if (user != null && Contacts.seesInFull(user.role())) {
			return talents;
		}
		return talents.stream().map(Talent::masked).toList();
	}

	private record Where(String sql, Map<String, Object> params) {
	}

	private static Where where(TalentFilter f) {
		var sql = new StringBuilder(" WHERE 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		switch (f.statusOrDefault()) {
			case "inactive" -> sql.append(" AND t.active = FALSE");
			case "all" -> {
			}
			default -> sql.append(" AND t.active = TRUE");
		}
		if (!blank(f.q())) {
			sql.append(" ").append("""
					AND (LOWER(t.name) LIKE :q ESCAPE '\\' OR LOWER(t.expertise) LIKE :q ESCAPE '\\'
					  OR LOWER(t.institution) LIKE :q ESCAPE '\\' OR LOWER(t.work_city) LIKE :q ESCAPE '\\'
					  OR LOWER(t.title) LIKE :q ESCAPE '\\' OR LOWER(t.level) LIKE :q ESCAPE '\\')""");
			params.put("q", "%" + escapeLike(f.q().strip().toLowerCase(Locale.ROOT)) + "%");
		}
		if (f.relation() != null) {
			sql.append(" AND t.relation = :relation");
			params.put("relation", f.relation().name());
		}
		if (!blank(f.level())) {
			sql.append(" AND t.level = :level");
			params.put("level", f.level().strip());
		}
		if (!blank(f.field())) {
			sql.append(" AND EXISTS (SELECT 1 FROM talent_field tf WHERE tf.talent_id = t.id AND tf.field = :field)");
			params.put("field", f.field().strip());
		}
		if (!blank(f.city())) {
			sql.append(" AND t.work_city = :city");
			params.put("city", f.city().strip());
		}
		if (f.unit() != null) {
			sql.append(" AND t.unit_id = :unit");
			params.put("unit", f.unit());
		}
		return new Where(sql.toString(), params);
	}

	private static String orderBy(TalentFilter f) {
		String column = SORT_COLUMNS.get(f.sortOrDefault());
		if (column == null) {
			throw new FieldException("sort", 400, "validation.unknown");
		}
		String dir = f.ascending() ? " ASC" : " DESC";
		// nulls last either way, then by id so that pages never overlap
		return " ORDER BY CASE WHEN " + column + " IS NULL THEN 1 ELSE 0 END, " + column + dir + ", t.id" + dir;
	}

	static String escapeLike(String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String trim(String s) {
		return blank(s) ? null : s.strip();
	}

	private static Talent talent(ResultSet rs, int n) throws SQLException {
		return new Talent(rs.getLong("id"), rs.getString("name"), rs.getString("expertise"), rs.getString("title"),
				rs.getString("institution"), rs.getString("work_city"), TalentRelation.valueOf(rs.getString("relation")),
				rs.getString("relation_note"), rs.getString("level"), rs.getString("phone"), rs.getString("email"),
				rs.getString("wechat"), rs.getString("remarks"), rs.getLong("unit_id"), rs.getString("unit_name"),
				rs.getBoolean("active"), rs.getInt("version"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}
}
