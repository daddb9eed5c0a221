package cn.zhaoshang.service.attendant;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.project.ProjectSummary;
import cn.zhaoshang.service.approval.ServiceProjects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A chief attendant's work (首席服务员): the projects they serve with their open problems, overdue commitments and
 * overdue approvals, and the service log (visits, calls, problems solved with the enterprise's satisfaction).
 */
@Service
public class AttendantWork {

	/** One served project with what needs the attendant. */
	public record ServedProject(long id, String code, String name, String unitName, String stage, String problems,
			long overdueCommitments, long overdueApprovals) {

		public boolean needsAttention() {
			return overdueCommitments > 0 || overdueApprovals > 0 || (problems != null && !problems.isBlank());
		}
	}

	/** A service log entry. */
	public record LogEntry(long id, long projectId, String projectCode, String projectName, ServiceLogKind kind,
			LocalDate date, String content, Satisfaction satisfaction, String createdBy) {
	}

	/** A log entry as written. */
	public record LogInput(ServiceLogKind kind, LocalDate date, String content, Satisfaction satisfaction) {
	}

	/** A chief attendant to choose. */
	public record Attendant(long personId, String name, long projects) {
	}

	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final ServiceProjects projects;
	private final Auditor auditor;
	private final Clock clock;

	AttendantWork(JdbcClient jdbc, DataScopes scopes, ServiceProjects projects, Auditor auditor, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.projects = projects;
		this.auditor = auditor;
		this.clock = clock;
	}

	/** The person record of this user, when they have one. */
	public Optional<Long> personOf(CurrentUser user) {
		return jdbc.sql("SELECT id FROM person WHERE user_id = :u ORDER BY id").param("u", user.id().value())
			.query(Long.class)
			.list()
			.stream()
			.findFirst();
	}

	public Optional<String> name(long personId) {
		return jdbc.sql("SELECT name FROM person WHERE id = :p").param("p", personId).query(String.class).optional();
	}

	/** The chief attendants of projects the user may read, by name. */
	public List<Attendant> attendants(CurrentUser user) {
		DataScope scope = scopes.of(user);
		record Row(long person, String name, long unit) {
		}
		var rows = jdbc.sql("""
				SELECT p.chief_attendant_id, pe.name, p.unit_id FROM project p JOIN person pe ON pe.id = p.chief_attendant_id
				WHERE p.status = 'ACTIVE' ORDER BY pe.name""")
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3)))
			.list();
		Map<Long, Attendant> out = new java.util.LinkedHashMap<>();
		rows.stream().filter(r -> scope.canRead(new UnitId(r.unit()))).forEach(r -> out.merge(r.person(),
				new Attendant(r.person(), r.name(), 1), (a, b) -> new Attendant(a.personId(), a.name(), a.projects() + 1)));
		return new ArrayList<>(out.values());
	}

	/** The active projects this person serves that the user may read, those needing attention first. */
	public List<ServedProject> served(long personId, CurrentUser user) {
		DataScope scope = scopes.of(user);
		LocalDate today = LocalDate.now(clock);
		record Row(ServedProject p, long unit) {
		}
		var rows = jdbc.sql("""
				SELECT p.id, p.code, p.name, u.name AS unit_name, p.stage, p.problems, p.unit_id,
				  (SELECT COUNT(*) FROM service_project_material m WHERE m.project_id = p.id
				     AND m.status = 'MISSING_COMMITTED' AND m.promised_date < :today) AS commitments,
				  (SELECT COUNT(*) FROM service_approval a WHERE a.project_id = p.id AND a.approved IS NULL) AS open_approvals
				FROM project p JOIN unit u ON u.id = p.unit_id
				WHERE p.chief_attendant_id = :person AND p.status = 'ACTIVE' ORDER BY p.code""")
			.param("today", today)
			.param("person", personId)
			.query((rs, n) -> new Row(new ServedProject(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					rs.getString("unit_name"), rs.getString("stage"), rs.getString("problems"),
					rs.getLong("commitments"), 0), rs.getLong("unit_id")))
			.list();
		List<ServedProject> out = new ArrayList<>();
		for (Row r : rows) {
			if (!scope.canRead(new UnitId(r.unit()))) {
				continue;
			}
			// overdue approvals: open ones past submitted + limit (the limit differs per row, so counted here)
			long late = jdbc.sql("SELECT submitted, limit_days FROM service_approval WHERE project_id = :p"
					+ " AND approved IS NULL")
				.param("p", r.p().id())
				.query((rs, n) -> rs.getObject("submitted", LocalDate.class).plusDays(rs.getInt("limit_days")))
				.list()
				.stream()
				.filter(due -> due.isBefore(today))
				.count();
			ServedProject p = r.p();
			out.add(new ServedProject(p.id(), p.code(), p.name(), p.unitName(), p.stage(), p.problems(),
					p.overdueCommitments(), late));
		}
		out.sort(java.util.Comparator.comparing((ServedProject p) -> !p.needsAttention()));
		return out;
	}

	/** The service log of the projects this person serves, newest first (at most 200). */
	public List<LogEntry> log(long personId, CurrentUser user) {
		DataScope scope = scopes.of(user);
		record Row(LogEntry e, long unit) {
		}
		return jdbc.sql("""
				SELECT l.*, p.code, p.name AS project_name, p.unit_id FROM service_log l JOIN project p ON p.id = l.project_id
				WHERE p.chief_attendant_id = :person OR l.person_id = :person
				ORDER BY l.log_date DESC, l.id DESC LIMIT 200""")
			.param("person", personId)
			.query((rs, n) -> new Row(new LogEntry(rs.getLong("id"), rs.getLong("project_id"), rs.getString("code"),
					rs.getString("project_name"), ServiceLogKind.valueOf(rs.getString("kind")),
					rs.getObject("log_date", LocalDate.class), rs.getString("content"),
					rs.getString("satisfaction") == null ? null : Satisfaction.valueOf(rs.getString("satisfaction")),
					rs.getString("created_by")), rs.getLong("unit_id")))
			.list()
			.stream()
			.filter(r -> scope.canRead(new UnitId(r.unit())))
			.map(Row::e)
			.toList();
	}

	/**
	 * Records a visit, call or solved problem on a project the user may edit; a solved problem needs the
	 * enterprise's satisfaction. The entry is the user's own when they are a person of the org, else the project's
	 * chief attendant's.
	 */
	@Transactional
	public long addLog(long projectId, LogInput in, CurrentUser user) {
		ProjectSummary p = projects.editable(projectId, user);
		List<Violation> v = new ArrayList<>();
		if (in.kind() == null) {
			v.add(new Violation("kind", "validation.required"));
		}
		if (in.date() == null) {
			v.add(new Violation("logDate", "validation.required"));
		}
		else if (in.date().isAfter(LocalDate.now(clock))) {
			v.add(new Violation("logDate", "validation.notFuture"));
		}
		if (in.content() == null || in.content().isBlank()) {
			v.add(new Violation("content", "validation.required"));
		}
		else if (in.content().strip().length() > 2000) {
			v.add(new Violation("content", "material.rule.maxLength", 2000));
		}
		if (in.kind() == ServiceLogKind.PROBLEM_SOLVED && in.satisfaction() == null) {
			v.add(new Violation("satisfaction", "attendant.rule.satisfactionRequired"));
		}
		if (!v.isEmpty()) {
			throw new InvalidInputException(v);
		}
		Long person = personOf(user).orElseGet(() -> jdbc.sql("SELECT chief_attendant_id FROM project WHERE id = :p")
			.param("p", projectId)
			.query(Long.class)
			.optional()
			.orElse(null));
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO service_log (project_id, person_id, kind, log_date, content, satisfaction, created_by, created_at)
				VALUES (:p, :person, :kind, :date, :content, :satisfaction, :by, :at)""")
			.param("p", projectId)
			.param("person", person)
			.param("kind", in.kind().name())
			.param("date", in.date())
			.param("content", in.content().strip())
			.param("satisfaction", in.kind() == ServiceLogKind.PROBLEM_SOLVED ? in.satisfaction().name() : null)
			.param("by", user.getUsername())
			.param("at", java.sql.Timestamp.from(clock.instant()))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		Map<String, Object> after = new java.util.LinkedHashMap<>();
		after.put("kind", in.kind().name());
		after.put("logDate", in.date().toString());
		after.put("content", in.content().strip());
		after.put("satisfaction", in.satisfaction() == null ? "" : in.satisfaction().name());
		auditor.record("serviceLog", id, "CREATE", p.code() + " " + p.name(), Map.of(), after);
		return id;
	}
}
