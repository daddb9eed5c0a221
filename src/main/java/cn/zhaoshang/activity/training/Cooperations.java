package cn.zhaoshang.activity.training;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.activity.event.Checks;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.list.Paging;
import cn.zhaoshang.platform.list.SqlFilter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * University and research-institute cooperation records (clause VI, beside the talent directory): institution,
 * project, the talents involved (talent directory ids) and status. Every internal role reads; the recording unit's
 * editors and the city bureau write; every write audited as {@code research_cooperation}.
 */
@Service
public class Cooperations {

	public static final String RECORD = "research_cooperation";

	public record Input(String institution, String projectName, CooperationStatus status, Long unitId,
			LocalDate startDate, List<Long> talentIds, String note, Integer version) {
	}

	public record Talent(long id, String name, String institution) {
	}

	public record Cooperation(long id, String institution, String projectName, CooperationStatus status, long unitId,
			String unitName, LocalDate startDate, String note, int version, List<Talent> talents) {
	}

	public record Filter(String q, CooperationStatus status, Long unit) {
	}

	private static final String SELECT = """
			SELECT c.id, c.institution, c.project_name, c.status, c.unit_id, u.name AS unit_name, c.start_date, c.note,
			       c.version
			FROM research_cooperation c JOIN unit u ON u.id = c.unit_id""";

	private final JdbcClient jdbc;
	private final Auditor auditor;
	private final DataScopes scopes;
	private final Clock clock;

	Cooperations(JdbcClient jdbc, Auditor auditor, DataScopes scopes, Clock clock) {
		this.jdbc = jdbc;
		this.auditor = auditor;
		this.scopes = scopes;
		this.clock = clock;
	}

	public Paging<Cooperation> list(Filter f, int page, int size, boolean clamp) {
		SqlFilter where = SqlFilter.where()
			.containsIgnoringCase("q", f.q() == null || f.q().isBlank() ? null : f.q().strip(), "c.institution",
					"c.project_name")
			.eq("c.status", "status", f.status() == null ? null : f.status().name())
			.eq("c.unit_id", "unit", f.unit());
		long total = jdbc.sql("SELECT COUNT(*) FROM research_cooperation c" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
		return Paging.fetch(total, page, size, clamp, (limit, offset) -> jdbc
			.sql(SELECT + where.sql() + " ORDER BY c.start_date DESC NULLS LAST, c.id DESC LIMIT :limit OFFSET :offset")
			.params(where.params())
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> row(rs))
			.list()
			.stream()
			.map(this::withTalents)
			.toList());
	}

	public Cooperation get(long id) {
		return withTalents(jdbc.sql(SELECT + " WHERE c.id = :id").param("id", id).query((rs, n) -> row(rs))
			.optional()
			.orElseThrow(NotFoundException::new));
	}

	/** The active talents of the directory, for the form's picker. */
	public List<Talent> talentChoices() {
		return jdbc.sql("SELECT id, name, institution FROM talent WHERE active = TRUE ORDER BY name, id LIMIT 2000")
			.query((rs, n) -> new Talent(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	public boolean canEdit(long unit, CurrentUser user) {
		return user.role().isEditor() && scopes.of(user).canEdit(new UnitId(unit));
	}

	@Transactional
	public Cooperation create(Input in, CurrentUser user) {
		Input c = check(in, user);
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO research_cooperation (institution, project_name, status, unit_id, start_date, note, version,
				    created_by, updated_by, created_at, updated_at)
				VALUES (:i, :p, :s, :u, :d, :n, 0, :by, :by, :now, :now)""")
			.params(params(c))
			.param("by", Checks.by(user))
			.param("now", now())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		writeTalents(id, c.talentIds());
		Cooperation saved = get(id);
		auditor.record(RECORD, id, "CREATE", saved.institution(), Map.of(), audit(saved));
		return saved;
	}

	@Transactional
	public Cooperation update(long id, Input in, CurrentUser user) {
		Cooperation before = get(id);
		Checks.requireEditable(scopes.of(user), before.unitId());
		Input c = check(in, user);
		Checks.requireOne(jdbc.sql("""
				UPDATE research_cooperation SET institution = :i, project_name = :p, status = :s, unit_id = :u,
				    start_date = :d, note = :n, version = version + 1, updated_by = :by, updated_at = :now
				WHERE id = :id AND version = :v""")
			.params(params(c))
			.param("by", Checks.by(user))
			.param("now", now())
			.param("id", id)
			.param("v", in.version() == null ? -1 : in.version())
			.update(), "cooperation", id);
		jdbc.sql("DELETE FROM research_cooperation_talent WHERE cooperation_id = :id").param("id", id).update();
		writeTalents(id, c.talentIds());
		Cooperation after = get(id);
		auditor.record(RECORD, id, "UPDATE", after.institution(), audit(before), audit(after));
		return after;
	}

	private Input check(Input in, CurrentUser user) {
		List<Violation> problems = new ArrayList<>();
		String institution = Checks.text("institution", in.institution(), 200, true, problems);
		String project = Checks.text("projectName", in.projectName(), 200, true, problems);
		Checks.required("status", in.status(), problems);
		Checks.date("startDate", in.startDate(), false, problems);
		String note = Checks.text("note", in.note(), 2000, false, problems);
		List<Long> talents = Checks.ids(jdbc, "talentIds", "talent", in.talentIds(), problems);
		Checks.editableUnit(jdbc, "unitId", in.unitId(), scopes.of(user), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Input(institution, project, in.status(), in.unitId(), in.startDate(), talents, note, in.version());
	}

	private static Map<String, Object> params(Input c) {
		Map<String, Object> p = new java.util.HashMap<>();
		p.put("i", c.institution());
		p.put("p", c.projectName());
		p.put("s", c.status().name());
		p.put("u", c.unitId());
		p.put("d", c.startDate());
		p.put("n", c.note());
		return p;
	}

	private void writeTalents(long id, List<Long> talents) {
		for (Long t : talents) {
			jdbc.sql("INSERT INTO research_cooperation_talent (cooperation_id, talent_id) VALUES (:c, :t)")
				.param("c", id)
				.param("t", t)
				.update();
		}
	}

	/** The talents of the directory, read by id (the directory's own API is not open to this module). */
	private Cooperation withTalents(Cooperation c) {
		List<Talent> talents = jdbc.sql("""
				SELECT t.id, t.name, t.institution FROM research_cooperation_talent x JOIN talent t ON t.id = x.talent_id
				WHERE x.cooperation_id = :id ORDER BY t.name""")
			.param("id", c.id())
			.query((rs, n) -> new Talent(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
		return new Cooperation(c.id(), c.institution(), c.projectName(), c.status(), c.unitId(), c.unitName(),
				c.startDate(), c.note(), c.version(), talents);
	}

	private static Cooperation row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Cooperation(rs.getLong("id"), rs.getString("institution"), rs.getString("project_name"),
				CooperationStatus.valueOf(rs.getString("status")), rs.getLong("unit_id"), rs.getString("unit_name"),
				rs.getObject("start_date", LocalDate.class), rs.getString("note"), rs.getInt("version"), List.of());
	}

	private static Map<String, Object> audit(Cooperation c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("institution", c.institution());
		m.put("projectName", c.projectName());
		m.put("cooperationStatus", c.status().name());
		m.put("unitId", c.unitId());
		m.put("startDate", c.startDate() == null ? null : c.startDate().toString());
		m.put("talentIds", c.talents().stream().map(Talent::id).toList().toString());
		m.put("note", c.note());
		return m;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}
}
