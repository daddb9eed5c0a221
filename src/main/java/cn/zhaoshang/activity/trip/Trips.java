package cn.zhaoshang.activity.trip;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.zhaoshang.clue.ClueId;
import cn.zhaoshang.clue.Clues;
import cn.zhaoshang.merchant.MerchantId;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.org.People;
import cn.zhaoshang.org.PersonId;
import cn.zhaoshang.org.PersonKind;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Notifications;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.project.ProjectSummaries;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outbound promotion trips (外出招商, policy clause XV): entered by the leader's office or the unit, approved or
 * returned by the unit's manager (or the city bureau). Only approved trips count for compliance. Every write is
 * audited as record type {@code trip}.
 */
@Service
public class Trips {

	static final int MAX_DAYS = 92;

	/** Who may approve or return trips (further limited to their unit by data scope). */
	static final String REVIEWER = "hasAnyRole('ADMIN','CITY_SUPERVISOR','UNIT_MANAGER')";

	private final JdbcClient jdbc;
	private final People people;
	private final Merchants merchants;
	private final Clues clues;
	private final ProjectSummaries projects;
	private final DataScopes scopes;
	private final Auditor auditor;
	private final Notifications notifications;
	private final Clock clock;

	Trips(JdbcClient jdbc, People people, Merchants merchants, Clues clues, ProjectSummaries projects,
			DataScopes scopes, Auditor auditor, Notifications notifications, Clock clock) {
		this.jdbc = jdbc;
		this.people = people;
		this.merchants = merchants;
		this.clues = clues;
		this.projects = projects;
		this.scopes = scopes;
		this.auditor = auditor;
		this.notifications = notifications;
		this.clock = clock;
	}

	/** Records a trip as SUBMITTED and tells the unit's managers it waits for them. */
	@Transactional
	public long create(TripInput in, CurrentUser user) {
		UnitId unit = unitOf(in, user);
		Links links = check(in, unit, user);
		var keys = new GeneratedKeyHolder();
		var now = clock.instant().atOffset(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO trip (unit_id, date_from, date_to, destination, purpose, report, status, created_by,
				    created_at, updated_at)
				VALUES (:unit, :from, :to, :destination, :purpose, :report, 'SUBMITTED', :by, :now, :now)""")
			.param("unit", unit.value())
			.param("from", in.from())
			.param("to", in.to())
			.param("destination", in.destination().trim())
			.param("purpose", in.purpose().trim())
			.param("report", blankToNull(in.report()))
			.param("by", user.getUsername())
			.param("now", now)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		insertLinks(id, links);
		TripView saved = load(id);
		auditor.record("trip", id, "CREATE", summary(saved), Map.of(), auditView(saved));
		for (var manager : notifications.users(Role.UNIT_MANAGER, unit)) {
			if (!manager.equals(user.id())) {
				notifications.notify(manager, "trip.notice.submitted", new Object[] { names(saved.leaders()),
						saved.destination(), saved.from().toString() }, "/activity/trips/" + id);
			}
		}
		return id;
	}

	/** Changes a submitted or returned trip; a returned trip is submitted again. */
	@Transactional
	public void update(long id, TripInput in, CurrentUser user) {
		TripView before = load(id);
		requireEditable(before, user);
		if (before.status() == TripStatus.APPROVED) {
			throw new BusinessException(409, "trip.error.approved");
		}
		if (in.version() == null || in.version() != before.version()) {
			throw new OptimisticLockingFailureException("trip " + id + " changed meanwhile");
		}
		UnitId unit = new UnitId(before.unitId());
		Links links = check(in, unit, user);
		int n = jdbc.sql("""
				UPDATE trip SET date_from = :from, date_to = :to, destination = :destination, purpose = :purpose,
				    report = :report, status = 'SUBMITTED', version = version + 1, updated_at = :now
				WHERE id = :id AND version = :version""")
			.param("from", in.from())
			.param("to", in.to())
			.param("destination", in.destination().trim())
			.param("purpose", in.purpose().trim())
			.param("report", blankToNull(in.report()))
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.param("id", id)
			.param("version", before.version())
			.update();
		if (n == 0) {
			throw new OptimisticLockingFailureException("trip " + id + " changed meanwhile");
		}
		for (String table : List.of("trip_person", "trip_merchant", "trip_clue", "trip_project")) {
			jdbc.sql("DELETE FROM " + table + " WHERE trip_id = :id").param("id", id).update();
		}
		insertLinks(id, links);
		TripView after = load(id);
		auditor.record("trip", id, "UPDATE", summary(after), auditView(before), auditView(after));
	}

	/** The unit manager (or the city bureau) approves a submitted trip: from now on it counts. */
	@Transactional
	public void approve(long id, int version, CurrentUser user) {
		review(id, version, null, true, user);
	}

	/** The unit manager (or the city bureau) returns a submitted trip with an opinion. */
	@Transactional
	public void returnTrip(long id, int version, String opinion, CurrentUser user) {
		if (opinion == null || opinion.isBlank()) {
			throw new FieldException("opinion", "validation.required");
		}
		if (opinion.trim().length() > 500) {
			throw new FieldException("opinion", "validation.size", 0, 500);
		}
		review(id, version, opinion.trim(), false, user);
	}

	private void review(long id, int version, String opinion, boolean approve, CurrentUser user) {
		TripView before = load(id);
		if (!mayReview(before, user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		if (before.version() != version) {
			throw new OptimisticLockingFailureException("trip " + id + " changed meanwhile");
		}
		if (before.status() != TripStatus.SUBMITTED) {
			throw new BusinessException(409, "trip.error.notSubmitted");
		}
		jdbc.sql("""
				UPDATE trip SET status = :status, review_opinion = :opinion, reviewed_by = :by, reviewed_at = :now,
				    version = version + 1, updated_at = :now
				WHERE id = :id AND version = :version""")
			.param("status", (approve ? TripStatus.APPROVED : TripStatus.RETURNED).name())
			.param("opinion", opinion)
			.param("by", user.getUsername())
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.param("id", id)
			.param("version", version)
			.update();
		TripView after = load(id);
		auditor.record("trip", id, approve ? "APPROVE" : "RETURN", summary(after), auditView(before),
				auditView(after));
		if (!approve && before.createdBy() != null) {
			notifications.user(before.createdBy())
				.filter(u -> !u.equals(user.id()))
				.ifPresent(u -> notifications.notify(u, "trip.notice.returned",
						new Object[] { before.destination(), before.from().toString(), opinion },
						"/activity/trips/" + id));
		}
	}

	/** Whether the user may change the trip: an editor of its unit, while it is not approved. */
	public boolean mayEdit(TripView trip, CurrentUser user) {
		return trip.status() != TripStatus.APPROVED && isEditor(user)
				&& scopes.of(user).canEdit(new UnitId(trip.unitId()));
	}

	/** Whether the user may approve or return the trip: a manager of its unit or the city bureau. */
	public boolean mayReview(TripView trip, CurrentUser user) {
		boolean role = user.hasRole(Role.ADMIN) || user.hasRole(Role.CITY_SUPERVISOR)
				|| user.hasRole(Role.UNIT_MANAGER);
		return role && scopes.of(user).canEdit(new UnitId(trip.unitId()));
	}

	static boolean isEditor(CurrentUser user) {
		return user.hasRole(Role.ADMIN) || user.hasRole(Role.CITY_SUPERVISOR) || user.hasRole(Role.UNIT_MANAGER)
				|| user.hasRole(Role.UNIT_STAFF);
	}

	private void requireEditable(TripView trip, CurrentUser user) {
		if (!isEditor(user) || !scopes.of(user).canEdit(new UnitId(trip.unitId()))) {
			throw new BusinessException(403, "error.forbidden");
		}
	}

	private UnitId unitOf(TripInput in, CurrentUser user) {
		UnitId unit = in.unitId() != null ? new UnitId(in.unitId()) : user.unitId();
		if (unit == null) {
			throw new FieldException("unitId", "validation.required");
		}
		DataScope scope = scopes.of(user);
		if (!isEditor(user) || !scope.canEdit(unit)) {
			throw new BusinessException(403, "error.forbidden");
		}
		return unit;
	}

	private record Links(List<Long> leaders, List<Long> staff, List<Long> merchants, List<Long> clues,
			List<Long> projects) {
	}

	/** Checks every field and resolves the enterprises registered on the spot. */
	private Links check(TripInput in, UnitId unit, CurrentUser user) {
		if (in.leaderIds().isEmpty()) {
			throw new FieldException("leaderIds", "validation.required");
		}
		Map<Long, People.PositionedPerson> everyone = people.positioned()
			.stream()
			.collect(Collectors.toMap(p -> p.id().value(), p -> p));
		for (Long id : in.leaderIds()) {
			var p = everyone.get(id);
			if (p == null || !p.active() || p.kind() != PersonKind.LEADER) {
				throw new FieldException("leaderIds", "trip.validation.notLeader", id);
			}
		}
		for (Long id : in.staffIds()) {
			var p = everyone.get(id);
			if (p == null || !p.active() || in.leaderIds().contains(id)) {
				throw new FieldException("staffIds", "validation.unknown");
			}
		}
		if (in.from() == null) {
			throw new FieldException("from", "validation.required");
		}
		if (in.to() == null) {
			throw new FieldException("to", "validation.required");
		}
		if (in.to().isBefore(in.from())) {
			throw new FieldException("from", "trip.validation.range");
		}
		if (java.time.temporal.ChronoUnit.DAYS.between(in.from(), in.to()) + 1 > MAX_DAYS) {
			throw new FieldException("from", "trip.validation.tooLong", MAX_DAYS);
		}
		text("destination", in.destination(), 100, true);
		text("purpose", in.purpose(), 500, true);
		text("report", in.report(), 4000, false);
		List<Long> merchantIds = new ArrayList<>();
		for (Long id : in.merchantIds()) {
			if (merchants.find(new MerchantId(id)).isEmpty()) {
				throw new FieldException("merchantIds", "validation.unknown");
			}
			merchantIds.add(id);
		}
		for (String name : in.newEnterprises()) {
			if (name.length() > 200) {
				throw new FieldException("newEnterprises", "validation.size", 0, 200);
			}
			long id = merchants.findOrRegister(name, null, unit).id().value();
			if (!merchantIds.contains(id)) {
				merchantIds.add(id);
			}
		}
		for (Long id : in.clueIds()) {
			try {
				clues.readable(new ClueId(id), user);
			}
			catch (NotFoundException e) {
				throw new FieldException("clueIds", "validation.unknown");
			}
		}
		if (projects.find(in.projectIds().stream().map(ProjectId::new).toList()).size() != in.projectIds().size()) {
			throw new FieldException("projectIds", "validation.unknown");
		}
		return new Links(in.leaderIds(), in.staffIds(), merchantIds, in.clueIds(), in.projectIds());
	}

	private static void text(String field, String value, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				throw new FieldException(field, "validation.required");
			}
			return;
		}
		if (value.trim().length() > max) {
			throw new FieldException(field, "validation.size", 0, max);
		}
	}

	private void insertLinks(long id, Links links) {
		for (Long p : links.leaders()) {
			jdbc.sql("INSERT INTO trip_person (trip_id, person_id, role) VALUES (?, ?, 'LEADER')").params(id, p).update();
		}
		for (Long p : links.staff()) {
			jdbc.sql("INSERT INTO trip_person (trip_id, person_id, role) VALUES (?, ?, 'STAFF')").params(id, p).update();
		}
		for (Long m : links.merchants()) {
			jdbc.sql("INSERT INTO trip_merchant (trip_id, merchant_id) VALUES (?, ?)").params(id, m).update();
		}
		for (Long c : links.clues()) {
			jdbc.sql("INSERT INTO trip_clue (trip_id, clue_id) VALUES (?, ?)").params(id, c).update();
		}
		for (Long p : links.projects()) {
			jdbc.sql("INSERT INTO trip_project (trip_id, project_id) VALUES (?, ?)").params(id, p).update();
		}
	}

	/** The trip; every signed-in internal user reads every trip (the shared city pool). */
	public TripView get(long id) {
		return load(id);
	}

	private TripView load(long id) {
		List<TripView> found = load(List.of(id));
		if (found.isEmpty()) {
			throw new NotFoundException();
		}
		return found.get(0);
	}

	private static final String SELECT = """
			SELECT t.id, t.unit_id, u.name AS unit_name, t.date_from, t.date_to, t.destination, t.purpose, t.report,
			  t.status, t.review_opinion, t.reviewed_by, t.reviewed_at, t.created_by, t.version
			FROM trip t JOIN unit u ON u.id = t.unit_id""";

	/** The trips with these ids, newest first, with their links. */
	public List<TripView> load(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		record Head(long id, long unitId, String unitName, LocalDate from, LocalDate to, String destination,
				String purpose, String report, TripStatus status, String opinion, String reviewedBy,
				java.time.Instant reviewedAt, String createdBy, int version) {
		}
		List<Head> heads = jdbc.sql(SELECT + " WHERE t.id IN (:ids) ORDER BY t.date_from DESC, t.id DESC")
			.param("ids", ids)
			.query((rs, n) -> new Head(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"),
					rs.getObject("date_from", LocalDate.class), rs.getObject("date_to", LocalDate.class),
					rs.getString("destination"), rs.getString("purpose"), rs.getString("report"),
					TripStatus.valueOf(rs.getString("status")), rs.getString("review_opinion"),
					rs.getString("reviewed_by"), instant(rs, "reviewed_at"), rs.getString("created_by"),
					rs.getInt("version")))
			.list();
		Map<Long, List<TripView.Ref>> leaders = refs("""
				SELECT l.trip_id, p.id, p.name FROM trip_person l JOIN person p ON p.id = l.person_id
				WHERE l.role = 'LEADER' AND l.trip_id IN (:ids) ORDER BY p.name""", ids);
		Map<Long, List<TripView.Ref>> staff = refs("""
				SELECT l.trip_id, p.id, p.name FROM trip_person l JOIN person p ON p.id = l.person_id
				WHERE l.role = 'STAFF' AND l.trip_id IN (:ids) ORDER BY p.name""", ids);
		Map<Long, List<TripView.Ref>> merchantRefs = refs("""
				SELECT l.trip_id, m.id, m.name FROM trip_merchant l JOIN merchant m ON m.id = l.merchant_id
				WHERE l.trip_id IN (:ids) ORDER BY m.name""", ids);
		Map<Long, List<TripView.Ref>> clueRefs = refs("""
				SELECT l.trip_id, c.id, c.title FROM trip_clue l JOIN clue c ON c.id = l.clue_id
				WHERE l.trip_id IN (:ids) ORDER BY c.id""", ids);
		Map<Long, List<TripView.Ref>> projectRefs = refs("""
				SELECT l.trip_id, p.id, p.code || ' ' || p.name FROM trip_project l JOIN project p ON p.id = l.project_id
				WHERE l.trip_id IN (:ids) ORDER BY p.code""", ids);
		return heads.stream()
			.map(h -> new TripView(h.id(), h.unitId(), h.unitName(), h.from(), h.to(), h.destination(), h.purpose(),
					h.report(), h.status(), h.opinion(), h.reviewedBy(), h.reviewedAt(), h.createdBy(), h.version(),
					leaders.getOrDefault(h.id(), List.of()), staff.getOrDefault(h.id(), List.of()),
					merchantRefs.getOrDefault(h.id(), List.of()), clueRefs.getOrDefault(h.id(), List.of()),
					projectRefs.getOrDefault(h.id(), List.of())))
			.toList();
	}

	private Map<Long, List<TripView.Ref>> refs(String sql, List<Long> ids) {
		Map<Long, List<TripView.Ref>> map = new LinkedHashMap<>();
		jdbc.sql(sql).param("ids", ids).query((ResultSet rs) -> {
			map.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new TripView.Ref(rs.getLong(2), rs.getString(3)));
		});
		return map;
	}

	private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
		var t = rs.getObject(column, java.time.OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	/**
	 * What the trip list filters by; every part optional.
	 *
	 * @param month trips with at least one day in this month
	 */
	public record Filter(String q, Long unit, Long person, TripStatus status, java.time.YearMonth month) {
	}

	/** The ids of the trips that match, newest first. */
	public List<Long> find(Filter f) {
		StringBuilder sql = new StringBuilder("SELECT t.id FROM trip t WHERE 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		if (f.q() != null && !f.q().isBlank()) {
			sql.append(" AND (LOWER(t.destination) LIKE :q OR LOWER(t.purpose) LIKE :q"
					+ " OR EXISTS (SELECT 1 FROM trip_person l JOIN person p ON p.id = l.person_id"
					+ "   WHERE l.trip_id = t.id AND LOWER(p.name) LIKE :q)"
					+ " OR EXISTS (SELECT 1 FROM trip_merchant l JOIN merchant m ON m.id = l.merchant_id"
					+ "   WHERE l.trip_id = t.id AND LOWER(m.name) LIKE :q))");
			params.put("q", "%" + f.q().trim().toLowerCase().replace("%", "").replace("_", "") + "%");
		}
		if (f.unit() != null) {
			sql.append(" AND t.unit_id = :unit");
			params.put("unit", f.unit());
		}
		if (f.person() != null) {
			sql.append(" AND EXISTS (SELECT 1 FROM trip_person l WHERE l.trip_id = t.id AND l.person_id = :person)");
			params.put("person", f.person());
		}
		if (f.status() != null) {
			sql.append(" AND t.status = :status");
			params.put("status", f.status().name());
		}
		if (f.month() != null) {
			sql.append(" AND t.date_from <= :last AND t.date_to >= :first");
			params.put("first", f.month().atDay(1));
			params.put("last", f.month().atEndOfMonth());
		}
		sql.append(" ORDER BY t.date_from DESC, t.id DESC");
		var spec = jdbc.sql(sql.toString());
		for (var e : params.entrySet()) {
			spec = spec.param(e.getKey(), e.getValue());
		}
		return spec.query(Long.class).list();
	}

	/** One approved trip of one person: the dates it covers. */
	public record PersonTrip(long personId, long tripId, LocalDate from, LocalDate to) {
	}

	/** The approved trips of every person that touch the period, for the compliance table and the feeds. */
	public List<PersonTrip> approvedBetween(LocalDate first, LocalDate last) {
		return jdbc.sql("""
				SELECT l.person_id, t.id, t.date_from, t.date_to FROM trip t JOIN trip_person l ON l.trip_id = t.id
				WHERE t.status = 'APPROVED' AND t.date_from <= :last AND t.date_to >= :first""")
			.param("first", first)
			.param("last", last)
			.query((rs, n) -> new PersonTrip(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
					rs.getObject(4, LocalDate.class)))
			.list();
	}

	/** The approved trips of a person, newest first (the leader's page: what the leader did). */
	public List<TripView> approvedOf(PersonId person) {
		return load(find(new Filter(null, null, person.value(), TripStatus.APPROVED, null)));
	}

	/** The enterprises already chosen, by name (the form shows them as checked boxes). */
	public List<TripView.Ref> merchantChoices(List<Long> chosen) {
		if (chosen == null || chosen.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT id, name FROM merchant WHERE id IN (:ids) ORDER BY name")
			.param("ids", chosen)
			.query((rs, n) -> new TripView.Ref(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/**
	 * The clues the form offers: the chosen ones and the 200 newest the user's units own or the city pool holds,
	 * labelled with their enterprise.
	 */
	public List<TripView.Ref> clueChoices(DataScope scope, List<Long> chosen) {
		List<Long> ids = chosen == null ? List.of() : chosen;
		var rows = jdbc.sql("""
				SELECT id, title, enterprise_name, owner_unit_id FROM clue
				WHERE id IN (:chosen) OR status NOT IN ('INVALID')
				ORDER BY created_at DESC, id DESC LIMIT 400""")
			.param("chosen", ids.isEmpty() ? List.of(-1L) : ids)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, Long.class) })
			.list();
		List<TripView.Ref> refs = new ArrayList<>();
		for (Object[] r : rows) {
			Long owner = (Long) r[3];
			long id = (Long) r[0];
			if (ids.contains(id) || owner == null || scope.editAll() || scope.canEdit(new UnitId(owner))) {
				refs.add(new TripView.Ref(id, "#" + id + " " + r[1] + (r[2] == null ? "" : " / " + r[2])));
			}
			if (refs.size() >= 200) {
				break;
			}
		}
		return refs;
	}

	static String summary(TripView t) {
		return names(t.leaders()) + " " + t.destination() + " " + t.from() + "~" + t.to();
	}

	static String names(List<TripView.Ref> refs) {
		return refs.stream().map(TripView.Ref::label).collect(Collectors.joining("\u3001"));
	}

	private static Map<String, Object> auditView(TripView t) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("unitId", t.unitId());
		m.put("tripDates", t.from() + " ~ " + t.to());
		m.put("destination", t.destination());
		m.put("purpose", t.purpose());
		m.put("report", t.report());
		m.put("leaderIds", names(t.leaders()));
		m.put("staffIds", names(t.staff()));
		m.put("merchantIds", names(t.merchants()));
		m.put("clueIds", names(t.clues()));
		m.put("projectIds", names(t.projects()));
		m.put("tripStatus", t.status());
		m.put("opinion", t.reviewOpinion());
		return m;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
