package cn.zhaoshang.activity.training;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.activity.event.Checks;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.DocumentOwner;
import cn.zhaoshang.platform.Documents;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.StoredDocument;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.list.Paging;
import cn.zhaoshang.platform.list.SqlFilter;
import cn.zhaoshang.platform.list.Sorting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training sessions (policy clause XII): topic, kind, lecturer, date, class hours, attendees (people records) and
 * materials (the document store, owner {@code training}); every attendee is credited the session's hours, summed
 * per person and year and per unit. Every internal role reads the sessions; the organising unit's editors and the
 * city bureau write them; every write audited as {@code training_session}.
 */
@Service
public class Trainings {

	public static final String RECORD = "training_session";

	public static final String OWNER = "training";

	static final BigDecimal MAX_HOURS = new BigDecimal("100");

	static final Sorting SORTING = Sorting.of("date", "date", "t.session_date", "topic", "t.topic", "kind", "t.kind",
			"unit", "u.name", "hours", "t.hours")
		.ascendingFirst("topic", "kind", "unit");

	private static final String SELECT = """
			SELECT t.id, t.topic, t.kind, t.lecturer, t.session_date, t.hours, t.unit_id, u.name AS unit_name, t.place,
			       t.version, (SELECT COUNT(*) FROM training_attendee a WHERE a.session_id = t.id) AS attendees
			FROM training_session t JOIN unit u ON u.id = t.unit_id""";

	public record Filter(String q, TrainingKind kind, Long unit, Integer year, String sort, String dir) {

		public static final Filter NONE = new Filter(null, null, null, null, null, null);
	}

	public record Row(long id, String topic, TrainingKind kind, String lecturer, LocalDate date, BigDecimal hours,
			long unitId, String unitName, String place, int version, long attendees) {
	}

	public record Attendee(long personId, String name, long unitId, String unitName) {
	}

	public record Session(Row row, List<Attendee> attendees, List<StoredDocument> materials) {
	}

	/** A person's training in a year: sessions attended and class hours. */
	public record PersonHours(long personId, String name, String title, long unitId, String unitName, long sessions,
			BigDecimal hours) {
	}

	/** A unit's training in a year: its people, those trained, sessions organised, person-hours and the average. */
	public record UnitReport(long unitId, String unitName, long people, long trained, long organised,
			BigDecimal personHours, BigDecimal average) {
	}

	private final JdbcClient jdbc;
	private final Auditor auditor;
	private final DataScopes scopes;
	private final Documents documents;
	private final Clock clock;

	Trainings(JdbcClient jdbc, Auditor auditor, DataScopes scopes, Documents documents, Clock clock) {
		this.jdbc = jdbc;
		this.auditor = auditor;
		this.scopes = scopes;
		this.documents = documents;
		this.clock = clock;
	}

	public static Sorting.Sort sort(Filter f) {
		return SORTING.resolve(f.sort(), f.dir());
	}

	// ------------------------------------------------------------------ reading

	public Paging<Row> list(Filter f, int page, int size, boolean clamp) {
		SqlFilter where = where(f);
		long total = jdbc.sql("SELECT COUNT(*) FROM training_session t JOIN unit u ON u.id = t.unit_id" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
		return Paging.fetch(total, page, size, clamp, (limit, offset) -> jdbc
			.sql(SELECT + where.sql() + SORTING.orderBy(sort(f), "t.id") + " LIMIT :limit OFFSET :offset")
			.params(where.params())
			.param("limit", limit)
			.param("offset", offset)
			.query(Trainings::row)
			.list());
	}

	public List<Row> all(Filter f) {
		SqlFilter where = where(f);
		return jdbc.sql(SELECT + where.sql() + SORTING.orderBy(sort(f), "t.id") + " LIMIT 20000")
			.params(where.params())
			.query(Trainings::row)
			.list();
	}

	public Session get(long id) {
		Row row = jdbc.sql(SELECT + " WHERE t.id = :id").param("id", id).query(Trainings::row).optional()
			.orElseThrow(NotFoundException::new);
		List<Attendee> attendees = jdbc.sql("""
				SELECT p.id, p.name, u.id, u.name FROM training_attendee a JOIN person p ON p.id = a.person_id
				JOIN unit u ON u.id = p.unit_id WHERE a.session_id = :id ORDER BY u.sort_order, u.id, p.name, p.id""")
			.param("id", id)
			.query((rs, n) -> new Attendee(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
			.list();
		return new Session(row, attendees, documents.ofOwner(DocumentOwner.of(OWNER, id)));
	}

	/**
	 * Every active person of the units the reader may see, with the sessions attended and the hours in the year
	 * (people without training show 0): the city bureau, leaders and viewers see the city, a unit its own people.
	 */
	public List<PersonHours> hours(int year, Long unit, CurrentUser user) {
		SqlFilter where = SqlFilter.where().and("p.active = TRUE").eq("p.unit_id", "unit", unit);
		scope(where, user, "p.unit_id");
		return jdbc.sql("""
				SELECT p.id, p.name, p.title, u.id AS unit_id, u.name AS unit_name,
				       COALESCE(h.sessions, 0) AS sessions, COALESCE(h.hours, 0) AS hours
				FROM person p JOIN unit u ON u.id = p.unit_id
				LEFT JOIN (SELECT a.person_id, COUNT(*) AS sessions, SUM(t.hours) AS hours
				           FROM training_attendee a JOIN training_session t ON t.id = a.session_id
				           WHERE t.session_date BETWEEN :from AND :to GROUP BY a.person_id) h ON h.person_id = p.id"""
				+ where.sql() + " ORDER BY u.sort_order, u.id, COALESCE(h.hours, 0) DESC, p.name, p.id")
			.params(where.params())
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year, 12, 31))
			.query((rs, n) -> new PersonHours(rs.getLong("id"), rs.getString("name"), rs.getString("title"),
					rs.getLong("unit_id"), rs.getString("unit_name"), rs.getLong("sessions"),
					rs.getBigDecimal("hours").setScale(1, java.math.RoundingMode.HALF_UP)))
			.list();
	}

	/** One line per unit from the people's hours of the year, and the sessions each unit organised. */
	public List<UnitReport> report(int year, CurrentUser user) {
		Map<Long, long[]> counts = new LinkedHashMap<>();
		Map<Long, String> names = new LinkedHashMap<>();
		Map<Long, BigDecimal> hours = new HashMap<>();
		for (PersonHours p : hours(year, null, user)) {
			names.putIfAbsent(p.unitId(), p.unitName());
			long[] c = counts.computeIfAbsent(p.unitId(), k -> new long[2]);
			c[0]++;
			if (p.sessions() > 0) {
				c[1]++;
			}
			hours.merge(p.unitId(), p.hours(), BigDecimal::add);
		}
		Map<Long, Long> organised = new HashMap<>();
		jdbc.sql("SELECT unit_id, COUNT(*) FROM training_session WHERE session_date BETWEEN :from AND :to "
				+ "GROUP BY unit_id")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year, 12, 31))
			.query((rs, n) -> organised.put(rs.getLong(1), rs.getLong(2)))
			.list();
		List<UnitReport> out = new ArrayList<>();
		names.forEach((id, name) -> {
			long[] c = counts.get(id);
			BigDecimal total = hours.getOrDefault(id, BigDecimal.ZERO).setScale(1, java.math.RoundingMode.HALF_UP);
			out.add(new UnitReport(id, name, c[0], c[1], organised.getOrDefault(id, 0L), total,
					c[0] == 0 ? BigDecimal.ZERO
							: total.divide(BigDecimal.valueOf(c[0]), 1, java.math.RoundingMode.HALF_UP)));
		});
		return out;
	}

	public boolean canEdit(Row row, CurrentUser user) {
		return user.role().isEditor() && scopes.of(user).canEdit(new UnitId(row.unitId()));
	}

	// ------------------------------------------------------------------ writing

	@Transactional
	public Session create(TrainingInput in, CurrentUser user) {
		Checked c = check(in, scopes.of(user), user, null);
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO training_session (topic, kind, lecturer, session_date, hours, unit_id, place, version,
				    created_by, updated_by, created_at, updated_at)
				VALUES (:topic, :kind, :lecturer, :date, :hours, :unit, :place, 0, :by, :by, :now, :now)""")
			.params(params(c))
			.param("by", Checks.by(user))
			.param("now", now())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		writeAttendees(id, c.attendees());
		c.materials().forEach(m -> documents.claim(m, DocumentOwner.of(OWNER, id), "MATERIAL"));
		Session saved = get(id);
		auditor.record(RECORD, id, "CREATE", saved.row().topic(), Map.of(), audit(saved));
		return saved;
	}

	@Transactional
	public Session update(long id, TrainingInput in, CurrentUser user) {
		Session before = get(id);
		DataScope scope = scopes.of(user);
		Checks.requireEditable(scope, before.row().unitId());
		Checked c = check(in, scope, user, id);
		int n = jdbc.sql("""
				UPDATE training_session SET topic = :topic, kind = :kind, lecturer = :lecturer, session_date = :date,
				    hours = :hours, unit_id = :unit, place = :place, version = version + 1, updated_by = :by,
				    updated_at = :now
				WHERE id = :id AND version = :v""")
			.params(params(c))
			.param("by", Checks.by(user))
			.param("now", now())
			.param("id", id)
			.param("v", in.version() == null ? -1 : in.version())
			.update();
		Checks.requireOne(n, "training", id);
		jdbc.sql("DELETE FROM training_attendee WHERE session_id = :id").param("id", id).update();
		writeAttendees(id, c.attendees());
		c.materials().forEach(m -> documents.claim(m, DocumentOwner.of(OWNER, id), "MATERIAL"));
		Session after = get(id);
		auditor.record(RECORD, id, "UPDATE", after.row().topic(), audit(before), audit(after));
		return after;
	}

	@Transactional
	public void delete(long id, Integer version, CurrentUser user) {
		Session before = get(id);
		Checks.requireEditable(scopes.of(user), before.row().unitId());
		if (version == null || version != before.row().version()) {
			Checks.requireOne(0, "training", id);
		}
		jdbc.sql("DELETE FROM training_attendee WHERE session_id = :id").param("id", id).update();
		Checks.requireOne(jdbc.sql("DELETE FROM training_session WHERE id = :id AND version = :v")
			.param("id", id)
			.param("v", version)
			.update(), "training", id);
		auditor.record(RECORD, id, "DELETE", before.row().topic(), audit(before), Map.of());
	}

	/** Files a material uploaded on the session's page (stored and owned in one step). */
	@Transactional
	public StoredDocument attach(long id, String name, byte[] bytes, CurrentUser user) {
		Session s = get(id);
		Checks.requireEditable(scopes.of(user), s.row().unitId());
		return documents.store(name, bytes, user, DocumentOwner.of(OWNER, id), "MATERIAL", null);
	}

	private record Checked(TrainingInput in, String topic, String lecturer, String place, List<Long> attendees,
			List<Long> materials) {
	}

	private Checked check(TrainingInput in, DataScope scope, CurrentUser user, Long id) {
		List<Violation> problems = new ArrayList<>();
		String topic = Checks.text("topic", in.topic(), 200, true, problems);
		Checks.required("kind", in.kind(), problems);
		String lecturer = Checks.text("lecturer", in.lecturer(), 100, true, problems);
		Checks.date("date", in.date(), true, problems);
		Checks.positive("hours", in.hours(), MAX_HOURS, problems);
		String place = Checks.text("place", in.place(), 200, false, problems);
		List<Long> attendees = Checks.ids(jdbc, "attendeeIds", "person", in.attendeeIds(), problems);
		List<Long> materials = new ArrayList<>();
		for (Long m : in.materialIds() == null ? List.<Long>of() : in.materialIds()) {
			var doc = m == null ? java.util.Optional.<StoredDocument>empty() : documents.find(m);
			if (doc.isEmpty() || !doc.get().claimableBy(user, id == null ? null : DocumentOwner.of(OWNER, id))) {
				problems.add(new Violation("materialIds", "activity.rule.unknownIds", String.valueOf(m)));
			}
			else {
				materials.add(m);
			}
		}
		Checks.editableUnit(jdbc, "unitId", in.unitId(), scope, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Checked(in, topic, lecturer, place, attendees, materials);
	}

	private static Map<String, Object> params(Checked c) {
		Map<String, Object> p = new HashMap<>();
		p.put("topic", c.topic());
		p.put("kind", c.in().kind().name());
		p.put("lecturer", c.lecturer());
		p.put("date", c.in().date());
		p.put("hours", c.in().hours().setScale(1, java.math.RoundingMode.HALF_UP));
		p.put("unit", c.in().unitId());
		p.put("place", c.place());
		return p;
	}

	private void writeAttendees(long id, List<Long> people) {
		for (Long p : people) {
			jdbc.sql("INSERT INTO training_attendee (session_id, person_id) VALUES (:s, :p)")
				.param("s", id)
				.param("p", p)
				.update();
		}
	}

	/** A unit's manager and staff see their own units' people only; the city bureau, leaders and viewers all. */
	private void scope(SqlFilter where, CurrentUser user, String column) {
		if (user.role().isEditor() && !user.role().isCityWide()) {
			where.in(column, "scope", scopes.of(user).editable().stream().map(UnitId::value).toList());
		}
	}

	private static SqlFilter where(Filter f) {
		return SqlFilter.where()
			.containsIgnoringCase("q", f.q() == null || f.q().isBlank() ? null : f.q().strip(), "t.topic",
					"t.lecturer", "t.place")
			.eq("t.kind", "kind", f.kind() == null ? null : f.kind().name())
			.eq("t.unit_id", "unit", f.unit())
			.range("t.session_date", "from", f.year() == null ? null : LocalDate.of(f.year(), 1, 1), "to",
					f.year() == null ? null : LocalDate.of(f.year(), 12, 31));
	}

	private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Row(rs.getLong("id"), rs.getString("topic"), TrainingKind.valueOf(rs.getString("kind")),
				rs.getString("lecturer"), rs.getObject("session_date", LocalDate.class), rs.getBigDecimal("hours"),
				rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("place"), rs.getInt("version"),
				rs.getLong("attendees"));
	}

	private static Map<String, Object> audit(Session s) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("topic", s.row().topic());
		m.put("trainingKind", s.row().kind().name());
		m.put("lecturer", s.row().lecturer());
		m.put("date", s.row().date().toString());
		m.put("hours", s.row().hours().toPlainString());
		m.put("unitId", s.row().unitId());
		m.put("place", s.row().place());
		m.put("attendeeIds", s.attendees().stream().map(Attendee::personId).sorted().toList().toString());
		return m;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}
}
