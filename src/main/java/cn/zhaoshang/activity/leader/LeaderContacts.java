package cn.zhaoshang.activity.leader;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.activity.event.Checks;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a leader did with their three projects besides trips (clauses IX and XV): meetings and visits with their date
 * and notes, and problems taken up and later resolved. An entry is about a project in one of the leader's slots at the
 * time it is recorded; it stays when the project moves on. Written by whoever may set the leader's projects
 * ({@link LeaderProjects#mayEdit}); read by every internal user; each write audited as {@code leader_contact}.
 */
@Service
public class LeaderContacts {

	public static final String RECORD = "leader_contact";

	/** An entry as entered. */
	public record Input(Long projectId, ContactKind kind, LocalDate date, String notes) {
	}

	/** A stored entry with its project. */
	public record Contact(long id, long personId, long projectId, String projectCode, String projectName,
			ContactKind kind, LocalDate date, String notes, String resolution, LocalDate resolvedOn, int version,
			String createdBy) {

		/** A problem not resolved yet. */
		public boolean open() {
			return kind == ContactKind.PROBLEM && resolvedOn == null;
		}
	}

	private static final String SELECT = """
			SELECT c.*, p.code, p.name FROM leader_contact c JOIN project p ON p.id = c.project_id""";

	private final JdbcClient jdbc;
	private final LeaderProjects leaders;
	private final Auditor auditor;
	private final Clock clock;

	LeaderContacts(JdbcClient jdbc, LeaderProjects leaders, Auditor auditor, Clock clock) {
		this.jdbc = jdbc;
		this.leaders = leaders;
		this.auditor = auditor;
		this.clock = clock;
	}

	/** The leader's entries, latest first. */
	public List<Contact> of(long personId) {
		leaders.leader(personId);
		return jdbc.sql(SELECT + " WHERE c.person_id = :p ORDER BY c.contact_date DESC, c.id DESC")
			.param("p", personId)
			.query(LeaderContacts::contact)
			.list();
	}

	public Contact get(long id) {
		return jdbc.sql(SELECT + " WHERE c.id = :id")
			.param("id", id)
			.query(LeaderContacts::contact)
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	/**
	 * Records a meeting, visit or problem of the leader on one of their projects: the project must stand in one of
	 * their slots, the date not be in the future, the notes be given (at most 2,000 characters); 422 naming each.
	 */
	@Transactional
	public Contact record(long personId, Input in, CurrentUser user) {
		var leader = leaders.leader(personId);
		if (!leaders.mayEdit(leader, user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		List<Violation> problems = new ArrayList<>();
		Checks.required("projectId", in.projectId(), problems);
		if (in.projectId() != null && leaders.slots(personId)
			.stream()
			.noneMatch(s -> !s.empty() && s.project().id().value() == in.projectId())) {
			problems.add(new Violation("projectId", "leader.contact.notInSlot"));
		}
		Checks.required("contactKind", in.kind(), problems);
		LocalDate date = Checks.date("contactDate", in.date(), true, problems);
		if (date != null && date.isAfter(leaders.today())) {
			problems.add(new Violation("contactDate", "leader.contact.future"));
		}
		String notes = Checks.text("contactNotes", in.notes(), 2000, true, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		var now = clock.instant().atOffset(ZoneOffset.UTC);
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO leader_contact (person_id, project_id, kind, contact_date, notes, created_by, updated_by,
				    created_at, updated_at)
				VALUES (:person, :project, :kind, :date, :notes, :by, :by, :now, :now)""")
			.param("person", personId)
			.param("project", in.projectId())
			.param("kind", in.kind().name())
			.param("date", date)
			.param("notes", notes)
			.param("by", user.getUsername())
			.param("now", now)
			.update(keys, "id");
		Contact saved = get(keys.getKey().longValue());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("projectId", saved.projectCode() + " " + saved.projectName());
		after.put("contactKind", saved.kind().name());
		after.put("contactDate", saved.date().toString());
		after.put("contactNotes", saved.notes());
		auditor.record(RECORD, saved.id(), "CREATE", leader.name() + " · " + saved.projectCode(), Map.of(), after);
		return saved;
	}

	/**
	 * Records how a problem was resolved, at the version read (409 when stale or already resolved): the resolution
	 * (required) and its date (required, not before the problem, not in the future).
	 */
	@Transactional
	public Contact resolve(long id, Integer version, String resolution, LocalDate resolvedOn, CurrentUser user) {
		Contact c = get(id);
		var leader = leaders.leader(c.personId());
		if (!leaders.mayEdit(leader, user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		if (c.kind() != ContactKind.PROBLEM) {
			throw new BusinessException(409, "leader.contact.notProblem");
		}
		List<Violation> problems = new ArrayList<>();
		String text = Checks.text("resolution", resolution, 2000, true, problems);
		LocalDate on = Checks.date("resolvedOn", resolvedOn, true, problems);
		if (on != null && (on.isBefore(c.date()) || on.isAfter(leaders.today()))) {
			problems.add(new Violation("resolvedOn", "leader.contact.resolvedOn", c.date().toString()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Checks.requireOne(jdbc.sql("""
				UPDATE leader_contact SET resolution = :text, resolved_on = :on, version = version + 1,
				    updated_by = :by, updated_at = :now
				WHERE id = :id AND version = :v AND resolved_on IS NULL""")
			.param("text", text)
			.param("on", on)
			.param("by", user.getUsername())
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.param("id", id)
			.param("v", version == null ? -1 : version)
			.update(), "leader contact", id);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("resolution", text);
		after.put("resolvedOn", on.toString());
		auditor.record(RECORD, id, "RESOLVE", leader.name() + " · " + c.projectCode(), Map.of(), after);
		return get(id);
	}

	private static Contact contact(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Contact(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("project_id"), rs.getString("code"),
				rs.getString("name"), ContactKind.valueOf(rs.getString("kind")),
				rs.getObject("contact_date", LocalDate.class), rs.getString("notes"), rs.getString("resolution"),
				rs.getObject("resolved_on", LocalDate.class), rs.getInt("version"), rs.getString("created_by"));
	}
}
