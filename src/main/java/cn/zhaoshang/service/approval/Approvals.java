package cn.zhaoshang.service.approval;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.project.ProjectSummary;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approvals a project needs, handled by the agency's agent (代办员): submitted date, statutory limit in days,
 * approved date; overdue ones are counted by {@link ApprovalClock}. Also the median days per kind per unit.
 */
@Service
public class Approvals {

	/** One approval as read. */
	public record Approval(long id, long projectId, ApprovalKind kind, String agency, String agent,
			LocalDate submitted, int limitDays, LocalDate due, LocalDate approved, String note, long daysTaken,
			boolean overdue, long overdueDays, int version) {
	}

	/** What a request writes. */
	public record Input(ApprovalKind kind, String agency, String agent, LocalDate submitted, Integer limitDays,
			LocalDate approved, String note) {
	}

	/** The median days from submitted to approved of one kind in one unit, over {@code count} approved ones. */
	public record Median(long unitId, String unitName, ApprovalKind kind, int count, double medianDays) {

		/** The days as a page shows them: whole days, or one decimal for the mean of two middle values. */
		public String daysText() {
			return medianDays == Math.rint(medianDays) ? String.valueOf((long) medianDays)
					: String.valueOf(Math.round(medianDays * 10) / 10.0);
		}
	}

	private final JdbcClient jdbc;
	private final ServiceProjects projects;
	private final DataScopes scopes;
	private final Auditor auditor;
	private final Clock clock;

	Approvals(JdbcClient jdbc, ServiceProjects projects, DataScopes scopes, Auditor auditor, Clock clock) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.scopes = scopes;
		this.auditor = auditor;
		this.clock = clock;
	}

	public List<Approval> of(long projectId, CurrentUser user) {
		projects.readable(projectId, user);
		return load(projectId);
	}

	List<Approval> load(long projectId) {
		return jdbc.sql("SELECT * FROM service_approval WHERE project_id = :p ORDER BY submitted, id")
			.param("p", projectId)
			.query((rs, n) -> row(rs))
			.list();
	}

	private Approval row(java.sql.ResultSet rs) throws java.sql.SQLException {
		LocalDate today = LocalDate.now(clock);
		LocalDate submitted = rs.getObject("submitted", LocalDate.class);
		LocalDate approved = rs.getObject("approved", LocalDate.class);
		int limit = rs.getInt("limit_days");
		long late = ApprovalClock.overdueDays(submitted, limit, approved, today);
		return new Approval(rs.getLong("id"), rs.getLong("project_id"), ApprovalKind.valueOf(rs.getString("kind")),
				rs.getString("agency"), rs.getString("agent"), submitted, limit, ApprovalClock.due(submitted, limit),
				approved, rs.getString("note"), ApprovalClock.daysTaken(submitted, approved, today), late > 0, late,
				rs.getInt("version"));
	}

	@Transactional
	public Approval add(long projectId, Input in, CurrentUser user) {
		ProjectSummary project = projects.editable(projectId, user);
		check(in);
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO service_approval (project_id, kind, agency, agent, submitted, limit_days, approved, note,
				    created_by, created_at)
				VALUES (:p, :kind, :agency, :agent, :submitted, :limit, :approved, :note, :by, :at)""")
			.params(params(in))
			.param("p", projectId)
			.param("by", user.getUsername())
			.param("at", java.sql.Timestamp.from(clock.instant()))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		Approval a = find(projectId, id);
		auditor.record("approval", id, "CREATE", project.code() + " " + in.kind(), Map.of(), view(a));
		return a;
	}

	/** Changes an approval at the version read (typically: the approved date once it comes). */
	@Transactional
	public Approval update(long projectId, long id, int version, Input in, CurrentUser user) {
		projects.editable(projectId, user);
		Approval before = find(projectId, id);
		check(in);
		int n = jdbc.sql("""
				UPDATE service_approval SET kind = :kind, agency = :agency, agent = :agent, submitted = :submitted,
				    limit_days = :limit, approved = :approved, note = :note, version = version + 1
				WHERE id = :id AND project_id = :p AND version = :v""")
			.params(params(in))
			.param("id", id)
			.param("p", projectId)
			.param("v", version)
			.update();
		if (n == 0) {
			throw new OptimisticLockingFailureException("stale approval " + id);
		}
		Approval after = find(projectId, id);
		auditor.record("approval", id, "UPDATE", in.kind().name(), view(before), view(after));
		return after;
	}

	Approval find(long projectId, long id) {
		return jdbc.sql("SELECT * FROM service_approval WHERE id = :id AND project_id = :p")
			.param("id", id)
			.param("p", projectId)
			.query((rs, n) -> row(rs))
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	private static Map<String, Object> view(Approval a) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("kind", a.kind().name());
		m.put("agency", a.agency());
		m.put("agent", a.agent() == null ? "" : a.agent());
		m.put("submitted", a.submitted().toString());
		m.put("limitDays", a.limitDays());
		m.put("approved", a.approved() == null ? "" : a.approved().toString());
		return m;
	}

	private void check(Input in) {
		List<Violation> v = new ArrayList<>();
		LocalDate today = LocalDate.now(clock);
		if (in.kind() == null) {
			v.add(new Violation("kind", "validation.required"));
		}
		if (in.agency() == null || in.agency().isBlank()) {
			v.add(new Violation("agency", "validation.required"));
		}
		else if (in.agency().strip().length() > 200) {
			v.add(new Violation("agency", "material.rule.maxLength", 200));
		}
		if (in.agent() != null && in.agent().strip().length() > 100) {
			v.add(new Violation("agent", "material.rule.maxLength", 100));
		}
		if (in.note() != null && in.note().strip().length() > 500) {
			v.add(new Violation("note", "material.rule.maxLength", 500));
		}
		if (in.submitted() == null) {
			v.add(new Violation("submitted", "validation.required"));
		}
		else if (in.submitted().isAfter(today)) {
			v.add(new Violation("submitted", "validation.notFuture"));
		}
		if (in.limitDays() == null) {
			v.add(new Violation("limitDays", "validation.required"));
		}
		else if (in.limitDays() < 1 || in.limitDays() > 3650) {
			v.add(new Violation("limitDays", "approval.rule.limitDays"));
		}
		if (in.approved() != null) {
			if (in.approved().isAfter(today)) {
				v.add(new Violation("approved", "validation.notFuture"));
			}
			else if (in.submitted() != null && in.approved().isBefore(in.submitted())) {
				v.add(new Violation("approved", "approval.rule.approvedBeforeSubmitted"));
			}
		}
		if (!v.isEmpty()) {
			throw new InvalidInputException(v);
		}
	}

	/** The written columns of an approval as named parameters. */
	private static Map<String, Object> params(Input in) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("kind", in.kind().name());
		m.put("agency", in.agency().strip());
		m.put("agent", blank(in.agent()));
		m.put("submitted", in.submitted());
		m.put("limit", in.limitDays());
		m.put("approved", in.approved());
		m.put("note", blank(in.note()));
		return m;
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	/**
	 * The median days from submitted to approved per kind per unit over the approved approvals the user may read,
	 * optionally of one unit; by unit order then kind.
	 */
	public List<Median> medians(Long unitId, CurrentUser user) {
		DataScope scope = scopes.of(user);
		record Taken(long unit, String unitName, ApprovalKind kind, long days) {
		}
		var rows = jdbc.sql("""
				SELECT p.unit_id, u.name AS unit_name, u.sort_order, a.kind, a.submitted, a.approved
				FROM service_approval a JOIN project p ON p.id = a.project_id JOIN unit u ON u.id = p.unit_id
				WHERE a.approved IS NOT NULL ORDER BY u.sort_order, u.id""")
			.query((rs, n) -> new Taken(rs.getLong("unit_id"), rs.getString("unit_name"),
					ApprovalKind.valueOf(rs.getString("kind")),
					ApprovalClock.daysTaken(rs.getObject("submitted", LocalDate.class),
							rs.getObject("approved", LocalDate.class), LocalDate.now(clock))))
			.list();
		Map<Long, String> names = new LinkedHashMap<>();
		Map<Long, Map<ApprovalKind, List<Long>>> grouped = new LinkedHashMap<>();
		for (Taken t : rows) {
			if (!scope.canRead(new UnitId(t.unit())) || (unitId != null && unitId != t.unit())) {
				continue;
			}
			names.put(t.unit(), t.unitName());
			grouped.computeIfAbsent(t.unit(), u -> new TreeMap<>()).computeIfAbsent(t.kind(), k -> new ArrayList<>())
				.add(t.days());
		}
		List<Median> out = new ArrayList<>();
		grouped.forEach((unit, kinds) -> kinds.forEach((kind, days) -> out
			.add(new Median(unit, names.get(unit), kind, days.size(), ApprovalClock.median(days)))));
		return out;
	}
}
