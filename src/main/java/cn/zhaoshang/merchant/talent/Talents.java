package cn.zhaoshang.merchant.talent;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import cn.zhaoshang.merchant.talent.TalentProjects.ProjectRef;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The talent directory's use cases: register, edit, deactivate; the search and reading are {@link TalentQueries}.
 * The ledger's editing roles register talents for units in their data scope and edit the talents their unit
 * registered (the city bureau and admins all of them). Every write is audited.
 */
@Service
public class Talents {

	/** Roles that may register and edit talents at all; which ones is further limited by the data scope. */

	/** Most talents have one to three fields; more than this is a paste gone wrong. */
	static final int MAX_FIELDS = 8;
	static final int MAX_FIELD_LENGTH = 20;
	/** The Chinese enumeration comma (、) that joins fields of expertise and linked names in one text. */
	public static final String LIST_SEPARATOR = "\u3001";

	private static final Pattern FIELD_SEPARATORS = Pattern.compile("[,\\uFF0C\\u3001;\\uFF1B/\\s]+");

	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final UnitDirectory units;
	private final Auditor auditor;
	private final Clock clock;
	private final TalentQueries queries;

	Talents(JdbcClient jdbc, DataScopes scopes, UnitDirectory units, Auditor auditor, Clock clock,
			TalentQueries queries) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.units = units;
		this.auditor = auditor;
		this.clock = clock;
		this.queries = queries;
	}

	// --- reading: the read model is TalentQueries; these stay for the export and the import ----------------------

	/** An enterprise a talent is linked to. */
	public record EnterpriseRef(long id, String name, String uscc) {
	}

	/**
	 * Links of the whole filtered set at once, for the export (two queries, however many talents): talent id →
	 * enterprise names, talent id → "code name" of the projects.
	 */
	public record Links(Map<Long, List<String>> enterprises, Map<Long, List<String>> projects) {
	}

	/** The values in use, for the list's filters: levels, fields of expertise and cities, each sorted. */
	public record Facets(List<String> levels, List<String> fields, List<String> cities) {
	}

	/** See {@link TalentQueries#all}. */
	public List<Talent> all(TalentFilter filter, CurrentUser user) {
		return queries.all(filter, user);
	}

	/** See {@link TalentQueries#linksOf}. */
	public Links linksOf(TalentFilter filter) {
		return queries.linksOf(filter);
	}

	/** See {@link TalentQueries#get}. */
	public Talent get(long id, CurrentUser user) {
		return queries.get(id, user);
	}

	/** See {@link TalentQueries#searchProjects}. */
	public List<ProjectRef> searchProjects(String query, int limit) {
		return queries.searchProjects(query, limit);
	}

	/** Whether the user may edit talents registered by this unit: an editing role with the unit in scope. */
	public boolean canEdit(long unitId, CurrentUser user) {
		return user != null && user.role().isEditor() && scopes.of(user).canEdit(new UnitId(unitId));
	}

	/** Whether the user may register talents at all (for some unit). */
	public boolean canCreate(CurrentUser user) {
		return user != null && user.role().isEditor();
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
		Talent before = queries.load(id);
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
		Talent t = queries.load(id);
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
			requireEditable(queries.load(existing), user);
		}
		check(form, user);
	}

	/** Whether writing the form over the talent would change nothing (the import counts such rows unchanged). */
	boolean sameAs(long id, TalentForm form, CurrentUser user) {
		Talent t = queries.load(id);
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
		List<EnterpriseRef> enterprises = queries.enterprises(form.enterpriseIdList());
		if (enterprises.size() != form.enterpriseIdList().size()) {
			throw new FieldException("enterpriseIds", "validation.unknown");
		}
		List<ProjectRef> linked = queries.findProjects(form.projectIdList());
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
				queries.enterprisesOf(t.id()), queries.projectsOf(t.id()));
		return auditView(c, t.active());
	}

	// --- helpers ------------------------------------------------------------------------------------------------

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String trim(String s) {
		return blank(s) ? null : s.strip();
	}

}
