package cn.zhaoshang.activity.event;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import cn.zhaoshang.clue.ClueId;
import cn.zhaoshang.clue.Clues;
import cn.zhaoshang.merchant.MerchantId;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.list.Paging;
import cn.zhaoshang.platform.list.SqlFilter;
import cn.zhaoshang.platform.list.Sorting;
import cn.zhaoshang.project.ContractedAmounts;
import cn.zhaoshang.project.ContractedAmounts.Contracted;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Investment promotion events (活动): expos, fairs, festivals, signing ceremonies, cloud promotion, matchmaking and
 * delegation visits, with the units taking part, the enterprises met, and the clues and projects they produced. A
 * signing ceremony lists its projects with their contracted investment as the ledger records it and totals them.
 * Every internal role reads every event; the organising unit's editors (and the city bureau) write them; every write
 * audited as {@code activity_event}.
 */
@Service
public class Events {

	public static final String RECORD = "activity_event";

	static final Sorting SORTING = Sorting.of("date", "date", "e.start_date", "name", "e.name", "kind", "e.kind",
			"unit", "u.name")
		.ascendingFirst("name", "kind", "unit");

	private static final String SELECT = """
			SELECT e.id, e.kind, e.name, e.start_date, e.end_date, e.place, e.online_link, e.organiser_unit_id,
			       u.name AS unit_name, e.summary, e.version, e.updated_by, e.updated_at,
			       (SELECT COUNT(*) FROM activity_event_clue c WHERE c.event_id = e.id) AS clues,
			       (SELECT COUNT(*) FROM activity_event_project p WHERE p.event_id = e.id) AS projects,
			       (SELECT COUNT(*) FROM activity_event_merchant m WHERE m.event_id = e.id) AS merchants
			FROM activity_event e JOIN unit u ON u.id = e.organiser_unit_id""";

	/** A line of the list (and the export). {@code contracted} is the total of its projects' contracted investment. */
	public record Row(long id, EventKind kind, String name, LocalDate startDate, LocalDate endDate, String place,
			String onlineLink, long organiserUnitId, String organiserName, String summary, int version,
			long clues, long projects, long merchants, BigDecimal contracted) {
	}

	/** A named record the event points at. */
	public record Ref(long id, String name) {
	}

	/** An event with everything it links to. */
	public record Event(Row row, List<Ref> participants, List<Ref> merchants, List<Ref> clues,
			List<Contracted> projects, BigDecimal contractedTotal) {
	}

	/** A place of the ranking: what the event produced. */
	public record Ranked(int rank, Row row) {
	}

	private final JdbcClient jdbc;
	private final Auditor auditor;
	private final DataScopes scopes;
	private final ContractedAmounts amounts;
	private final Clues clueBook;
	private final Merchants merchantBook;
	private final Clock clock;

	Events(JdbcClient jdbc, Auditor auditor, DataScopes scopes, ContractedAmounts amounts, Clues clues,
			Merchants merchants, Clock clock) {
		this.jdbc = jdbc;
		this.auditor = auditor;
		this.scopes = scopes;
		this.amounts = amounts;
		this.clueBook = clues;
		this.merchantBook = merchants;
		this.clock = clock;
	}

	public static Sorting.Sort sort(EventFilter f) {
		return SORTING.resolve(f.sort(), f.dir());
	}

	// ------------------------------------------------------------------ reading

	public Paging<Row> list(EventFilter f, int page, int size, boolean clamp) {
		SqlFilter where = where(f);
		long total = jdbc.sql("SELECT COUNT(*) FROM activity_event e JOIN unit u ON u.id = e.organiser_unit_id"
				+ where.sql()).params(where.params()).query(Long.class).single();
		return Paging.fetch(total, page, size, clamp, (limit, offset) -> withAmounts(jdbc
			.sql(SELECT + where.sql() + SORTING.orderBy(sort(f), "e.id") + " LIMIT :limit OFFSET :offset")
			.params(where.params())
			.param("limit", limit)
			.param("offset", offset)
			.query(Events::row)
			.list()));
	}

	/** The export: the same filter and order, at most 20,000 events. */
	public void forEach(EventFilter f, Consumer<Row> rows) {
		SqlFilter where = where(f);
		withAmounts(jdbc.sql(SELECT + where.sql() + SORTING.orderBy(sort(f), "e.id") + " LIMIT 20000")
			.params(where.params())
			.query(Events::row)
			.list()).forEach(rows);
	}

	/**
	 * The events of a year ranked by what they produced: contracted investment of their projects first, then the
	 * number of projects, then of clues (ties share no place: the earlier event comes first).
	 */
	public List<Ranked> ranking(int year, EventKind kind) {
		SqlFilter where = SqlFilter.where()
			.range("e.start_date", "from", LocalDate.of(year, 1, 1), "to", LocalDate.of(year, 12, 31))
			.eq("e.kind", "kind", kind == null ? null : kind.name());
		List<Row> rows = new ArrayList<>(withAmounts(jdbc.sql(SELECT + where.sql() + " ORDER BY e.start_date, e.id")
			.params(where.params())
			.query(Events::row)
			.list()));
		rows.sort(java.util.Comparator.comparing(Row::contracted).reversed()
			.thenComparing(java.util.Comparator.comparingLong(Row::projects).reversed())
			.thenComparing(java.util.Comparator.comparingLong(Row::clues).reversed()));
		List<Ranked> ranked = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			ranked.add(new Ranked(i + 1, rows.get(i)));
		}
		return ranked;
	}

	public Event get(long id) {
		Row row = withAmounts(jdbc.sql(SELECT + " WHERE e.id = :id").param("id", id).query(Events::row).list())
			.stream()
			.findFirst()
			.orElseThrow(NotFoundException::new);
		List<Ref> units = jdbc.sql("""
				SELECT u.id, u.name FROM activity_event_unit x JOIN unit u ON u.id = x.unit_id
				WHERE x.event_id = :id ORDER BY u.sort_order, u.id""")
			.param("id", id)
			.query((rs, n) -> new Ref(rs.getLong(1), rs.getString(2)))
			.list();
		List<Ref> merchants = links("activity_event_merchant", "merchant_id", id).stream()
			.map(m -> new Ref(m, merchantBook.find(new MerchantId(m)).map(Merchants.Merchant::name)
				.orElse(String.valueOf(m))))
			.sorted(java.util.Comparator.comparing(Ref::name))
			.toList();
		List<Ref> clues = links("activity_event_clue", "clue_id", id).stream()
			.map(c -> new Ref(c, clueBook.find(new ClueId(c)).map(s -> s.title()).orElse(String.valueOf(c))))
			.toList();
		List<Contracted> projects = amounts.of(links("activity_event_project", "project_id", id).stream()
			.map(ProjectId::new)
			.toList());
		return new Event(row, units, merchants, clues, projects, total(projects));
	}

	/** The events that list this clue or project, oldest first (their pages show what produced them). */
	public List<Row> producing(String table, String column, long id) {
		return jdbc.sql(SELECT + " WHERE e.id IN (SELECT event_id FROM " + table + " WHERE " + column
				+ " = :id) ORDER BY e.start_date, e.id")
			.param("id", id)
			.query(Events::row)
			.list();
	}

	/** The sum of the contracted amounts, those without one counting as nothing. */
	public static BigDecimal total(Collection<Contracted> projects) {
		return projects.stream()
			.map(Contracted::amount)
			.filter(java.util.Objects::nonNull)
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.setScale(2, java.math.RoundingMode.HALF_UP);
	}

	public boolean canEdit(Row row, CurrentUser user) {
		return user.role().isEditor() && scopes.of(user).canEdit(new cn.zhaoshang.platform.UnitId(row.organiserUnitId()));
	}

	// ------------------------------------------------------------------ writing

	@Transactional
	public Event create(EventInput in, CurrentUser user) {
		Checked c = check(in, scopes.of(user));
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO activity_event (kind, name, start_date, end_date, place, online_link, organiser_unit_id,
				    summary, version, created_by, updated_by, created_at, updated_at)
				VALUES (:kind, :name, :start, :end, :place, :link, :unit, :summary, 0, :by, :by, :now, :now)""")
			.params(params(c))
			.param("by", Checks.by(user))
			.param("now", now())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		writeLinks(id, c);
		Event saved = get(id);
		auditor.record(RECORD, id, "CREATE", saved.row().name(), Map.of(), audit(saved));
		return saved;
	}

	@Transactional
	public Event update(long id, EventInput in, CurrentUser user) {
		Event before = get(id);
		DataScope scope = scopes.of(user);
		Checks.requireEditable(scope, before.row().organiserUnitId());
		Checked c = check(in, scope);
		int n = jdbc.sql("""
				UPDATE activity_event SET kind = :kind, name = :name, start_date = :start, end_date = :end,
				    place = :place, online_link = :link, organiser_unit_id = :unit, summary = :summary,
				    version = version + 1, updated_by = :by, updated_at = :now
				WHERE id = :id AND version = :v""")
			.params(params(c))
			.param("by", Checks.by(user))
			.param("now", now())
			.param("id", id)
			.param("v", in.version() == null ? -1 : in.version())
			.update();
		Checks.requireOne(n, "event", id);
		clearLinks(id);
		writeLinks(id, c);
		Event after = get(id);
		auditor.record(RECORD, id, "UPDATE", after.row().name(), audit(before), audit(after));
		return after;
	}

	@Transactional
	public void delete(long id, Integer version, CurrentUser user) {
		Event before = get(id);
		Checks.requireEditable(scopes.of(user), before.row().organiserUnitId());
		if (version == null || version != before.row().version()) {
			Checks.requireOne(0, "event", id);
		}
		clearLinks(id);
		int n = jdbc.sql("DELETE FROM activity_event WHERE id = :id AND version = :v")
			.param("id", id)
			.param("v", version)
			.update();
		Checks.requireOne(n, "event", id);
		auditor.record(RECORD, id, "DELETE", before.row().name(), audit(before), Map.of());
	}

	private record Checked(EventInput in, String name, LocalDate end, String place, String link, String summary,
			List<Long> units, List<Long> merchants, List<Long> clues, List<Long> projects) {
	}

	private Checked check(EventInput in, DataScope scope) {
		List<Violation> problems = new ArrayList<>();
		Checks.required("kind", in.kind(), problems);
		String name = Checks.text("name", in.name(), 200, true, problems);
		LocalDate start = Checks.date("startDate", in.startDate(), true, problems);
		LocalDate end = Checks.date("endDate", in.endDate() == null ? start : in.endDate(), false, problems);
		if (start != null && end != null && end.isBefore(start)) {
			problems.add(new Violation("endDate", "activity.rule.endBeforeStart"));
		}
		String place = Checks.text("place", in.place(), 200, false, problems);
		String link = Checks.text("onlineLink", in.onlineLink(), 500, false, problems);
		if (place == null && link == null) {
			problems.add(new Violation("place", "event.rule.placeOrLink"));
		}
		if (link != null && !link.matches("(?i)https?://\\S+")) {
			problems.add(new Violation("onlineLink", "event.rule.link"));
		}
		String summary = Checks.text("overview", in.overview(), 4000, false, problems);
		List<Long> units = Checks.ids(jdbc, "participantUnitIds", "unit", in.participantUnitIds(), problems);
		List<Long> merchants = Checks.ids(jdbc, "merchantIds", "merchant", in.merchantIds(), problems);
		List<Long> clues = Checks.ids(jdbc, "clueIds", "clue", in.clueIds(), problems);
		List<Long> projects = Checks.ids(jdbc, "projectIds", "project", in.projectIds(), problems);
		if (in.kind() == EventKind.SIGNING_CEREMONY && (in.projectIds() == null || in.projectIds().isEmpty())) {
			problems.add(new Violation("projectIds", "event.rule.signingProjects"));
		}
		Checks.editableUnit(jdbc, "organiserUnitId", in.organiserUnitId(), scope, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Checked(in, name, end, place, link, summary,
				units.stream().filter(u -> !u.equals(in.organiserUnitId())).toList(), merchants, clues, projects);
	}

	private static Map<String, Object> params(Checked c) {
		Map<String, Object> p = new HashMap<>();
		p.put("kind", c.in().kind().name());
		p.put("name", c.name());
		p.put("start", c.in().startDate());
		p.put("end", c.end());
		p.put("place", c.place());
		p.put("link", c.link());
		p.put("unit", c.in().organiserUnitId());
		p.put("summary", c.summary());
		return p;
	}

	private void writeLinks(long id, Checked c) {
		insert("activity_event_unit", "unit_id", id, c.units());
		insert("activity_event_merchant", "merchant_id", id, c.merchants());
		insert("activity_event_clue", "clue_id", id, c.clues());
		insert("activity_event_project", "project_id", id, c.projects());
	}

	private void insert(String table, String column, long id, List<Long> ids) {
		for (Long other : ids) {
			jdbc.sql("INSERT INTO " + table + " (event_id, " + column + ") VALUES (:e, :o)")
				.param("e", id)
				.param("o", other)
				.update();
		}
	}

	private void clearLinks(long id) {
		for (String table : List.of("activity_event_unit", "activity_event_merchant", "activity_event_clue",
				"activity_event_project")) {
			jdbc.sql("DELETE FROM " + table + " WHERE event_id = :id").param("id", id).update();
		}
	}

	private List<Long> links(String table, String column, long id) {
		return jdbc.sql("SELECT " + column + " FROM " + table + " WHERE event_id = :id ORDER BY " + column)
			.param("id", id)
			.query(Long.class)
			.list();
	}

	/** The rows with the contracted total of their projects (one look-up for the whole page). */
	private List<Row> withAmounts(List<Row> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, List<Long>> byEvent = new HashMap<>();
		jdbc.sql("SELECT event_id, project_id FROM activity_event_project WHERE event_id IN (:ids)")
			.param("ids", rows.stream().map(Row::id).toList())
			.query((rs, n) -> byEvent.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
			.list();
		Map<Long, Contracted> projects = new HashMap<>();
		amounts.of(byEvent.values().stream().flatMap(List::stream).distinct().map(ProjectId::new).toList())
			.forEach(p -> projects.put(p.id().value(), p));
		return rows.stream()
			.map(r -> new Row(r.id(), r.kind(), r.name(), r.startDate(), r.endDate(), r.place(), r.onlineLink(),
					r.organiserUnitId(), r.organiserName(), r.summary(), r.version(), r.clues(), r.projects(),
					r.merchants(), total(byEvent.getOrDefault(r.id(), List.of()).stream()
						.map(projects::get)
						.filter(java.util.Objects::nonNull)
						.toList())))
			.toList();
	}

	private static SqlFilter where(EventFilter f) {
		return SqlFilter.where()
			.containsIgnoringCase("q", f.q() == null || f.q().isBlank() ? null : f.q().strip(), "e.name", "e.place",
					"e.summary")
			.eq("e.kind", "kind", f.kind() == null ? null : f.kind().name())
			.eq("e.organiser_unit_id", "unit", f.unit())
			.and("e.end_date >= :from", "from", f.from())
			.and("e.start_date <= :to", "to", f.to());
	}

	private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Row(rs.getLong("id"), EventKind.valueOf(rs.getString("kind")), rs.getString("name"),
				rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
				rs.getString("place"), rs.getString("online_link"), rs.getLong("organiser_unit_id"),
				rs.getString("unit_name"), rs.getString("summary"), rs.getInt("version"), rs.getLong("clues"),
				rs.getLong("projects"), rs.getLong("merchants"), BigDecimal.ZERO);
	}

	private static Map<String, Object> audit(Event e) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("eventKind", e.row().kind().name());
		m.put("name", e.row().name());
		m.put("startDate", e.row().startDate().toString());
		m.put("endDate", e.row().endDate().toString());
		m.put("place", e.row().place());
		m.put("onlineLink", e.row().onlineLink());
		m.put("organiserUnitId", e.row().organiserUnitId());
		m.put("participantUnitIds", e.participants().stream().map(Ref::id).toList().toString());
		m.put("merchantIds", e.merchants().stream().map(Ref::id).sorted().toList().toString());
		m.put("clueIds", e.clues().stream().map(Ref::id).toList().toString());
		m.put("projectIds", e.projects().stream().map(p -> p.id().value()).sorted().toList().toString());
		m.put("overview", e.row().summary());
		return m;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}
}
