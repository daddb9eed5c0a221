package cn.zhaoshang.activity.leader;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhaoshang.org.People;
import cn.zhaoshang.org.PersonId;
import cn.zhaoshang.org.PersonKind;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Notifications;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.project.ProjectStageChanged;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.ProjectSummaries;
import cn.zhaoshang.project.ProjectSummary;
import cn.zhaoshang.project.Stage;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each leader's three projects (一带三项目, clause XV): one negotiating to push to signing, one signed to push to
 * commencement, one commenced to push to production. A project set in a slot must be active and at the slot's stage;
 * when it moves on (or is put on hold or dropped) its slot is emptied in the same transaction and the leader is
 * asked for a new one.
 */
@Service
public class LeaderProjects {

	/** The three slots, in the order pages and the API show them. */
	public static final List<Stage> SLOTS = List.of(Stage.NEGOTIATING, Stage.SIGNED, Stage.COMMENCED);

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;
	private final People people;
	private final ProjectSummaries projects;
	private final DataScopes scopes;
	private final Auditor auditor;
	private final Notifications notifications;
	private final Clock clock;

	LeaderProjects(JdbcClient jdbc, People people, ProjectSummaries projects, DataScopes scopes, Auditor auditor,
			Notifications notifications, Clock clock) {
		this.jdbc = jdbc;
		this.people = people;
		this.projects = projects;
		this.scopes = scopes;
		this.auditor = auditor;
		this.notifications = notifications;
		this.clock = clock;
	}

	/**
	 * One slot of a leader.
	 *
	 * @param project null when the slot is empty
	 * @param days the days the project has been in the slot (0 when empty)
	 * @param left the project that moved on and so emptied the slot, or null
	 */
	public record Slot(Stage stage, ProjectSummary project, LocalDate since, long days, ProjectSummary left,
			LocalDate emptiedOn) {

		public boolean empty() {
			return project == null;
		}
	}

	/** A leader with their three slots. */
	public record Leader(People.PositionedPerson person, String unitName, List<Slot> slots) {

		public long emptySlots() {
			return slots.stream().filter(Slot::empty).count();
		}
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(ZONE));
	}

	/** The leader's record: a person of kind LEADER (404 for anyone else). */
	public People.PositionedPerson leader(long personId) {
		return people.positioned(new PersonId(personId))
			.filter(p -> p.kind() == PersonKind.LEADER)
			.orElseThrow(NotFoundException::new);
	}

	/** The slots of the leader, always three. */
	public List<Slot> slots(long personId) {
		leader(personId);
		return slotsOf(List.of(personId)).getOrDefault(personId, emptySlots());
	}

	private List<Slot> emptySlots() {
		return SLOTS.stream().map(s -> new Slot(s, null, null, 0, null, null)).toList();
	}

	private Map<Long, List<Slot>> slotsOf(List<Long> personIds) {
		if (personIds.isEmpty()) {
			return Map.of();
		}
		record Row(long person, Stage slot, Long project, LocalDate since, Long left, LocalDate emptiedOn) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT person_id, slot, project_id, since, left_project_id, emptied_on FROM leader_slot
				WHERE person_id IN (:ids)""")
			.param("ids", personIds)
			.query((rs, n) -> new Row(rs.getLong(1), Stage.valueOf(rs.getString(2)), (Long) rs.getObject(3, Long.class),
					rs.getObject(4, LocalDate.class), (Long) rs.getObject(5, Long.class),
					rs.getObject(6, LocalDate.class)))
			.list();
		List<ProjectId> ids = new ArrayList<>();
		rows.forEach(r -> {
			if (r.project() != null) {
				ids.add(new ProjectId(r.project()));
			}
			if (r.left() != null) {
				ids.add(new ProjectId(r.left()));
			}
		});
		Map<Long, ProjectSummary> found = new java.util.HashMap<>();
		projects.find(ids).forEach(p -> found.put(p.id().value(), p));
		LocalDate today = today();
		Map<Long, List<Slot>> result = new LinkedHashMap<>();
		for (Long person : personIds) {
			List<Slot> slots = new ArrayList<>();
			for (Stage stage : SLOTS) {
				Row r = rows.stream().filter(x -> x.person() == person && x.slot() == stage).findFirst().orElse(null);
				if (r == null) {
					slots.add(new Slot(stage, null, null, 0, null, null));
					continue;
				}
				ProjectSummary project = r.project() == null ? null : found.get(r.project());
				long days = project == null || r.since() == null ? 0 : ChronoUnit.DAYS.between(r.since(), today);
				slots.add(new Slot(stage, project, project == null ? null : r.since(), Math.max(0, days),
						r.left() == null ? null : found.get(r.left()), r.emptiedOn()));
			}
			result.put(person, slots);
		}
		return result;
	}

	/** Every active leader with their slots, by unit order and name (the overview and the compliance view). */
	public List<Leader> leaders() {
		var leaders = people.positioned()
			.stream()
			.filter(p -> p.active() && p.kind() == PersonKind.LEADER)
			.toList();
		Map<Long, List<Slot>> slots = slotsOf(leaders.stream().map(p -> p.id().value()).toList());
		Map<Long, String> unitNames = new java.util.HashMap<>();
		jdbc.sql("SELECT id, name FROM unit").query((java.sql.ResultSet rs) -> {
			unitNames.put(rs.getLong(1), rs.getString(2));
		});
		return leaders.stream()
			.map(p -> new Leader(p, unitNames.getOrDefault(p.unitId().value(), ""),
					slots.getOrDefault(p.id().value(), emptySlots())))
			.toList();
	}

	/** Whether the user may set the leader's projects: the leader themselves, or an editor of the leader's unit. */
	public boolean mayEdit(People.PositionedPerson leader, CurrentUser user) {
		if (user.hasRole(Role.LEADER)) {
			return user.id().equals(leader.userId());
		}
		boolean editor = user.hasRole(Role.ADMIN) || user.hasRole(Role.CITY_SUPERVISOR)
				|| user.hasRole(Role.UNIT_MANAGER) || user.hasRole(Role.UNIT_STAFF);
		return editor && scopes.of(user).canEdit(leader.unitId());
	}

	/** The people records of the signed-in user that are leaders (a leader's own page). */
	public Optional<People.PositionedPerson> ownRecord(CurrentUser user) {
		return people.ofUser(user.id())
			.stream()
			.map(id -> people.positioned(id).orElse(null))
			.filter(p -> p != null && p.kind() == PersonKind.LEADER)
			.findFirst();
	}

	/**
	 * Sets the three slots; null empties a slot. A project must exist (else 422 {@code validation.unknown} on the
	 * field), be active and at the slot's stage (else 422 {@code leader.validation.wrongStage} naming the field), and
	 * stand in one slot only. A slot whose project does not change keeps its start date.
	 */
	@Transactional
	public void set(long personId, Long negotiating, Long signed, Long commenced, CurrentUser user) {
		var leader = leader(personId);
		if (!mayEdit(leader, user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		Map<Stage, Long> wanted = new LinkedHashMap<>();
		wanted.put(Stage.NEGOTIATING, negotiating);
		wanted.put(Stage.SIGNED, signed);
		wanted.put(Stage.COMMENCED, commenced);
		for (var e : wanted.entrySet()) {
			if (e.getValue() == null) {
				continue;
			}
			String field = field(e.getKey());
			ProjectSummary p = projects.find(new ProjectId(e.getValue()))
				.orElseThrow(() -> new FieldException(field, "validation.unknown"));
			if (p.stage() != e.getKey() || p.status() != ProjectStatus.ACTIVE) {
				throw new FieldException(field, "leader.validation.wrongStage", p.code(), e.getKey().name());
			}
		}
		List<Slot> before = slots(personId);
		Map<String, Object> beforeView = new LinkedHashMap<>();
		Map<String, Object> afterView = new LinkedHashMap<>();
		LocalDate today = today();
		var now = clock.instant().atOffset(ZoneOffset.UTC);
		boolean changed = false;
		for (Slot slot : before) {
			Long current = slot.project() == null ? null : slot.project().id().value();
			Long next = wanted.get(slot.stage());
			if (java.util.Objects.equals(current, next)) {
				continue;
			}
			changed = true;
			beforeView.put(field(slot.stage()), slot.project() == null ? null : label(slot.project()));
			afterView.put(field(slot.stage()),
					next == null ? null : projects.find(new ProjectId(next)).map(LeaderProjects::label).orElse(null));
			int n = jdbc.sql("""
					UPDATE leader_slot SET project_id = :project, since = :since, left_project_id = NULL,
					    emptied_on = NULL, version = version + 1, updated_by = :by, updated_at = :now
					WHERE person_id = :person AND slot = :slot""")
				.param("project", next)
				.param("since", next == null ? null : today)
				.param("by", user.getUsername())
				.param("now", now)
				.param("person", personId)
				.param("slot", slot.stage().name())
				.update();
			if (n == 0) {
				jdbc.sql("""
						INSERT INTO leader_slot (person_id, slot, project_id, since, updated_by, updated_at)
						VALUES (:person, :slot, :project, :since, :by, :now)""")
					.param("project", next)
					.param("since", next == null ? null : today)
					.param("by", user.getUsername())
					.param("now", now)
					.param("person", personId)
					.param("slot", slot.stage().name())
					.update();
			}
		}
		if (changed) {
			auditor.record("leaderProjects", personId, "UPDATE", leader.name(), beforeView, afterView);
		}
	}

	/**
	 * A project that moved on leaves its slot: the slot is emptied (remembering the project) and the leader, when
	 * they have an account, is asked for a new project.
	 */
	@EventListener
	@Transactional
	public void on(ProjectStageChanged event) {
		boolean movedOn = event.from() != event.to() || event.toStatus() != ProjectStatus.ACTIVE;
		if (!movedOn) {
			return;
		}
		record Held(long person, Stage slot) {
		}
		List<Held> held = jdbc.sql("SELECT person_id, slot FROM leader_slot WHERE project_id = :project")
			.param("project", event.id().value())
			.query((rs, n) -> new Held(rs.getLong(1), Stage.valueOf(rs.getString(2))))
			.list();
		for (Held h : held) {
			if (h.slot() == event.to() && event.toStatus() == ProjectStatus.ACTIVE) {
				continue;
			}
			jdbc.sql("""
					UPDATE leader_slot SET project_id = NULL, since = NULL, left_project_id = :project,
					    emptied_on = :today, version = version + 1, updated_by = NULL, updated_at = :now
					WHERE person_id = :person AND slot = :slot""")
				.param("project", event.id().value())
				.param("today", today())
				.param("now", clock.instant().atOffset(ZoneOffset.UTC))
				.param("person", h.person())
				.param("slot", h.slot().name())
				.update();
			var p = people.positioned(new PersonId(h.person()));
			String projectLabel = projects.find(event.id()).map(LeaderProjects::label).orElse("");
			auditor.record("leaderProjects", h.person(), "SLOT_EMPTIED", p.map(People.PositionedPerson::name).orElse(""),
					Map.of(field(h.slot()), projectLabel), new java.util.HashMap<>(java.util.Collections
						.singletonMap(field(h.slot()), null)));
			p.map(People.PositionedPerson::userId)
				.ifPresent(u -> notifications.notify(u, "leader.notice.slotEmpty",
						new Object[] { projectLabel, h.slot().name() }, "/activity/leaders/" + h.person()));
			notifyManagers(p.map(People.PositionedPerson::unitId).orElse(null), projectLabel, h.person());
		}
	}

	private void notifyManagers(UnitId unit, String projectLabel, long person) {
		if (unit == null) {
			return;
		}
		for (var manager : notifications.users(Role.UNIT_MANAGER, unit)) {
			notifications.notify(manager, "leader.notice.slotEmptyUnit", new Object[] { projectLabel },
					"/activity/leaders/" + person);
		}
	}

	static String field(Stage stage) {
		return switch (stage) {
			case NEGOTIATING -> "negotiating";
			case SIGNED -> "signed";
			case COMMENCED -> "commenced";
			default -> throw new IllegalArgumentException(stage.name());
		};
	}

	static String label(ProjectSummary p) {
		return p.code() + " " + p.name();
	}
}
