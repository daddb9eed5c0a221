package cn.zhaoshang.clue.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.clue.ClueStatus;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.HomeContributor;
import cn.zhaoshang.platform.HomeSection;
import cn.zhaoshang.platform.HomeSection.Figure;
import cn.zhaoshang.platform.HomeSection.Row;
import cn.zhaoshang.platform.HomeSection.Task;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The clue database's part of the home page (issue 8). Unit staff: open clues assigned to them, follow-ups due (the
 * next-step date of a clue's latest follow-up has come), their stale clues. A unit manager: the same for the unit,
 * plus its unassigned open clues and new clues from intermediaries. The city bureau: open clues in the city pool and
 * stale clues city-wide. An intermediary: its own clues by status. Each item links to the clue list filtered to the
 * same set, or lists the clues themselves.
 */
@Component
class ClueInbox implements HomeContributor {

	private static final String OPEN = "c.status IN ('NEW', 'FOLLOWING', 'CONFIRMED')";

	private static final int ROWS = 5;

	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final Clock clock;

	ClueInbox(JdbcClient jdbc, DataScopes scopes, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.clock = clock;
	}

	@Override
	public List<HomeSection> sections(CurrentUser user) {
		return switch (user.role()) {
			case UNIT_STAFF -> user.unitId() == null ? List.of() : staff(user);
			case UNIT_MANAGER -> user.unitId() == null ? List.of() : manager(user);
			case ADMIN, CITY_SUPERVISOR -> city();
			case INTERMEDIARY -> intermediary(user);
			case LEADER, VIEWER -> List.of();
		};
	}

	private long count(String where, String name, Object value) {
		return jdbc.sql("SELECT COUNT(*) FROM clue c WHERE " + where).param(name, value).query(Long.class).single();
	}

	/** Open clues (of the condition) whose latest follow-up's next-step date is today or past. */
	private static String due(String where) {
		return " FROM clue c JOIN clue_follow_up f ON f.clue_id = c.id WHERE " + where + " AND " + OPEN
				+ " AND f.next_date <= :today"
				+ " AND f.id = (SELECT MAX(g.id) FROM clue_follow_up g WHERE g.clue_id = c.id)";
	}

	private long dueCount(String where, String name, Object value) {
		return jdbc.sql("SELECT COUNT(*)" + due(where))
			.param(name, value)
			.param("today", LocalDate.now(clock))
			.query(Long.class)
			.single();
	}

	private List<Row> dueRows(String where, String name, Object value) {
		return jdbc.sql("SELECT c.id, c.title, f.next_date, f.next_step" + due(where)
				+ " ORDER BY f.next_date, c.id LIMIT " + ROWS)
			.param(name, value)
			.param("today", LocalDate.now(clock))
			.query((rs, n) -> new Row(rs.getString(2), null, "home.clue.dueOn",
					rs.getObject(3, LocalDate.class) + (rs.getString(4) == null ? "" : " · " + rs.getString(4)),
					"/clues/" + rs.getLong(1)))
			.list();
	}

	private List<HomeSection> staff(CurrentUser user) {
		long me = user.id().value();
		String mine = "c.assignee_id = :me";
		List<Task> tasks = List.of(
				new Task("clue-assigned", "home.clue.assigned", count(mine + " AND " + OPEN, "me", me),
						"/clues?assignee=" + me + "&open=true&sort=lastFollowUp&dir=asc"),
				new Task("clue-due", "home.clue.due", dueCount(mine, "me", me), "#home-clue-due"),
				new Task("clue-stale", "home.clue.stale",
						count(mine + " AND " + OPEN + " AND c.stale_since IS NOT NULL", "me", me),
						"/clues?assignee=" + me + "&open=true&stale=true"));
		return withDue(HomeSection.tasks("clue-tasks", 20, "home.clue.tasks", tasks), dueRows(mine, "me", me));
	}

	private List<HomeSection> manager(CurrentUser user) {
		if (!scopes.of(user).canEdit(user.unitId())) {
			return List.of();
		}
		long unit = user.unitId().value();
		String ofUnit = "c.owner_unit_id = :unit";
		String u = "/clues?unit=" + unit;
		String open = u + "&open=true";
		List<Task> tasks = List.of(
				new Task("clue-unassigned", "home.clue.unassigned",
						count(ofUnit + " AND " + OPEN + " AND c.assignee_id IS NULL", "unit", unit),
						open + "&unassigned=true"),
				new Task("clue-submitted", "home.clue.submitted",
						count(ofUnit + " AND c.status = 'NEW' AND c.source = 'INTERMEDIARY'", "unit", unit),
						u + "&source=INTERMEDIARY&status=NEW"),
				new Task("clue-due", "home.clue.dueUnit", dueCount(ofUnit, "unit", unit), "#home-clue-due"),
				new Task("clue-stale", "home.clue.staleUnit",
						count(ofUnit + " AND " + OPEN + " AND c.stale_since IS NOT NULL", "unit", unit),
						open + "&stale=true"));
		return withDue(HomeSection.tasks("clue-tasks", 20, "home.clue.unitTasks", tasks),
				dueRows(ofUnit, "unit", unit));
	}

	private static List<HomeSection> withDue(HomeSection tasks, List<Row> due) {
		List<HomeSection> sections = new ArrayList<>();
		sections.add(tasks);
		if (!due.isEmpty()) {
			sections.add(new HomeSection("clue-due", 21, "home.clue.dueTitle", List.of(), List.of(), due, null));
		}
		return sections;
	}

	private List<HomeSection> city() {
		long pool = jdbc.sql("SELECT COUNT(*) FROM clue c WHERE c.owner_unit_id IS NULL AND " + OPEN)
			.query(Long.class)
			.single();
		long stale = jdbc.sql("SELECT COUNT(*) FROM clue c WHERE c.stale_since IS NOT NULL AND " + OPEN)
			.query(Long.class)
			.single();
		return List.of(HomeSection.tasks("clue-tasks", 20, "home.clue.cityTasks",
				List.of(new Task("clue-pool", "home.clue.pool", pool, "/clues?unit=pool&open=true"),
						new Task("clue-stale", "home.clue.staleCity", stale, "/clues?open=true&stale=true"))));
	}

	private List<HomeSection> intermediary(CurrentUser user) {
		Map<ClueStatus, Long> byStatus = new EnumMap<>(ClueStatus.class);
		jdbc.sql("SELECT status, COUNT(*) FROM clue WHERE submitted_by_id = :me GROUP BY status")
			.param("me", user.id().value())
			.query(rs -> {
				byStatus.put(ClueStatus.valueOf(rs.getString(1)), rs.getLong(2));
			});
		List<Figure> figures = new ArrayList<>();
		for (ClueStatus s : ClueStatus.values()) {
			figures.add(Figure.count("clue-" + s.name(), s.messageKey(), byStatus.getOrDefault(s, 0L),
					"/clues?status=" + s.name()));
		}
		return List.of(new HomeSection("clue-mine", 20, "home.clue.mine",
				List.of(), figures, List.of(), "/clues"));
	}
}
