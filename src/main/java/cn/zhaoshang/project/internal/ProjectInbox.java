package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.org.People;
import cn.zhaoshang.org.PersonId;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.HomeContributor;
import cn.zhaoshang.platform.HomeSection;
import cn.zhaoshang.platform.HomeSection.Figure;
import cn.zhaoshang.platform.HomeSection.Row;
import cn.zhaoshang.platform.HomeSection.Task;
import cn.zhaoshang.platform.SettingDefinition;
import cn.zhaoshang.platform.Settings;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.project.Stage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger's part of the home page (issue 8). Unit users: projects of their unit without a progress update for
 * {@code project.updateAfterDays} days, stage moves the reviewer returned, evidence still pending, moves awaiting
 * review; a unit manager also the unit's figures. The city bureau: moves awaiting review, evidence pending, units
 * behind on updates, the city's figures. A leader: the projects they lead (their people record is linked to their
 * account) with stage and problems. Figures count active and on-hold projects (dropped ones are not counted).
 * Each item links to the ledger filtered to the same set; a few COUNT/LIMIT queries in all.
 */
@Component
class ProjectInbox implements HomeContributor {

	static final String UPDATE_AFTER_DAYS = "project.updateAfterDays";

	private static final int ROWS = 5;

	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final Settings settings;
	private final People people;
	private final Clock clock;

	ProjectInbox(JdbcClient jdbc, DataScopes scopes, Settings settings, People people, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.settings = settings;
		this.people = people;
		this.clock = clock;
	}

	@Override
	public List<HomeSection> sections(CurrentUser user) {
		return switch (user.role()) {
			case UNIT_STAFF -> user.unitId() == null ? List.of() : unit(user, false);
			case UNIT_MANAGER -> user.unitId() == null ? List.of() : unit(user, true);
			case ADMIN, CITY_SUPERVISOR -> city();
			case LEADER -> leader(user);
			case VIEWER -> List.of(figures("project-figures", 40, "home.project.cityFigures", null));
			case INTERMEDIARY -> List.of();
		};
	}

	private LocalDate cutoff() {
		return LocalDate.now(clock).minusDays(settings.intValue(UPDATE_AFTER_DAYS));
	}

	private List<HomeSection> unit(CurrentUser user, boolean manager) {
		if (!scopes.of(user).canEdit(user.unitId())) {
			return List.of();
		}
		long unit = user.unitId().value();
		String u = "unit=" + unit;
		long toUpdate = jdbc.sql("""
				SELECT COUNT(*) FROM project WHERE unit_id = :unit AND status = 'ACTIVE'
				AND (latest_progress_date IS NULL OR latest_progress_date < :cutoff)""")
			.param("unit", unit)
			.param("cutoff", cutoff())
			.query(Long.class)
			.single();
		long evidence = count("SELECT COUNT(*) FROM project WHERE unit_id = :unit AND evidence_pending = TRUE "
				+ "AND status <> 'DROPPED'", unit);
		long review = count("SELECT COUNT(*) FROM project WHERE unit_id = :unit AND pending_move_id IS NOT NULL", unit);
		List<Row> returned = returned(unit, manager ? null : user.getUsername());
		long returnedCount = returnedCount(unit, manager ? null : user.getUsername());
		List<Task> tasks = new ArrayList<>();
		tasks.add(new Task("project-update", "home.project.toUpdate", toUpdate,
				"/projects?" + u + "&status=ACTIVE&sort=progress&dir=asc"));
		tasks.add(new Task("project-returned", manager ? "home.project.returnedUnit" : "home.project.returned",
				returnedCount, "#home-project-returned"));
		tasks.add(new Task("project-evidence", "home.project.evidence", evidence,
				"/projects?" + u + "&pending=evidence"));
		tasks.add(new Task("project-review", "home.project.awaitingReview", review,
				"/projects?" + u + "&pending=review"));
		List<HomeSection> sections = new ArrayList<>();
		sections.add(HomeSection.tasks("project-tasks", 10, manager ? "home.project.unitTasks" : "home.project.tasks",
				tasks));
		if (!returned.isEmpty()) {
			sections.add(new HomeSection("project-returned", 11, "home.project.returnedTitle", List.of(), List.of(),
					returned, null));
		}
		if (manager) {
			sections.add(figures("project-figures", 40, "home.project.unitFigures", user.unitId()));
		}
		return sections;
	}

	private long count(String sql, long unit) {
		return jdbc.sql(sql).param("unit", unit).query(Long.class).single();
	}

	/** Projects whose latest move the reviewer returned (and nothing was submitted since). */
	private static final String RETURNED = """
			FROM project p JOIN project_stage_move m ON m.project_id = p.id
			WHERE p.unit_id = :unit AND p.pending_move_id IS NULL AND m.state = 'RETURNED'
			AND NOT EXISTS (SELECT 1 FROM project_stage_move n WHERE n.project_id = p.id AND n.id > m.id)""";

	private long returnedCount(long unit, String by) {
		var query = jdbc.sql("SELECT COUNT(*) " + RETURNED + (by == null ? "" : " AND m.submitted_by = :by"))
			.param("unit", unit);
		return (by == null ? query : query.param("by", by)).query(Long.class)
			.single();
	}

	private List<Row> returned(long unit, String by) {
		var query = jdbc.sql("SELECT p.id, p.code, p.name, m.to_stage, m.opinion " + RETURNED
				+ (by == null ? "" : " AND m.submitted_by = :by") + " ORDER BY m.reviewed_at DESC, m.id DESC LIMIT "
				+ ROWS)
			.param("unit", unit);
		return (by == null ? query : query.param("by", by)).query((rs, n) -> new Row(rs.getString(2) + " " + rs.getString(3),
					Stage.valueOf(rs.getString(4)).messageKey(), "home.project.opinion", rs.getString(5),
					"/projects/" + rs.getLong(1)))
			.list();
	}

	private List<HomeSection> city() {
		long review = jdbc.sql("SELECT COUNT(*) FROM project WHERE pending_move_id IS NOT NULL").query(Long.class)
			.single();
		long evidence = jdbc
			.sql("SELECT COUNT(*) FROM project WHERE evidence_pending = TRUE AND status <> 'DROPPED'")
			.query(Long.class)
			.single();
		String behindSql = """
				FROM project p JOIN unit u ON u.id = p.unit_id
				WHERE p.status = 'ACTIVE' AND (p.latest_progress_date IS NULL OR p.latest_progress_date < :cutoff)""";
		long behindUnits = jdbc.sql("SELECT COUNT(DISTINCT p.unit_id) " + behindSql)
			.param("cutoff", cutoff())
			.query(Long.class)
			.single();
		List<Row> behind = jdbc.sql("SELECT p.unit_id, u.name, COUNT(*) AS n " + behindSql
				+ " GROUP BY p.unit_id, u.name ORDER BY n DESC, u.name LIMIT " + ROWS)
			.param("cutoff", cutoff())
			.query((rs, n) -> new Row(rs.getString(2), null, "home.project.behindCount",
					Long.toString(rs.getLong(3)),
					"/projects?unit=" + rs.getLong(1) + "&status=ACTIVE&sort=progress&dir=asc"))
			.list();
		List<Task> tasks = List.of(new Task("project-review", "home.project.reviewQueue", review, "/projects/review"),
				new Task("project-evidence", "home.project.evidenceCity", evidence, "/projects?pending=evidence"),
				new Task("project-behind", "home.project.unitsBehind", behindUnits, "#home-project-behind"));
		List<HomeSection> sections = new ArrayList<>();
		sections.add(HomeSection.tasks("project-tasks", 10, "home.project.cityTasks", tasks));
		if (!behind.isEmpty()) {
			sections.add(new HomeSection("project-behind", 12, "home.project.behindTitle", List.of(), List.of(),
					behind, null));
		}
		sections.add(figures("project-figures", 40, "home.project.cityFigures", null));
		return sections;
	}

	private List<HomeSection> leader(CurrentUser user) {
		List<PersonId> persons = people.ofUser(user.id());
		List<HomeSection> sections = new ArrayList<>();
		if (!persons.isEmpty()) {
			List<Long> ids = persons.stream().map(PersonId::value).toList();
			long led = jdbc.sql("SELECT COUNT(*) FROM project WHERE leader_id IN (:p) AND status <> 'DROPPED'")
				.param("p", ids)
				.query(Long.class)
				.single();
			long withProblems = jdbc.sql("""
					SELECT COUNT(*) FROM project WHERE leader_id IN (:p) AND status <> 'DROPPED'
					AND problems IS NOT NULL AND problems <> ''""")
				.param("p", ids)
				.query(Long.class)
				.single();
			List<Row> rows = jdbc.sql("""
					SELECT id, code, name, stage, problems FROM project WHERE leader_id IN (:p) AND status <> 'DROPPED'
					ORDER BY CASE WHEN problems IS NULL OR problems = '' THEN 1 ELSE 0 END, updated_at DESC, id
					LIMIT 10""")
				.param("p", ids)
				.query((rs, n) -> new Row(rs.getString(2) + " " + rs.getString(3),
						Stage.valueOf(rs.getString(4)).messageKey(),
						rs.getString(5) == null || rs.getString(5).isBlank() ? null : "home.project.problems",
						rs.getString(5) == null || rs.getString(5).isBlank() ? null : rs.getString(5),
						"/projects/" + rs.getLong(1)))
				.list();
			String more = "/projects?leader=" + ids.get(0);
			sections.add(new HomeSection("project-led", 10, "home.project.ledTitle",
					List.of(new Task("project-led", "home.project.led", led, more),
							new Task("project-problems", "home.project.withProblems", withProblems, more)),
					List.of(), rows, led > rows.size() ? more : null));
		}
		else {
			sections.add(new HomeSection("project-led", 10, "home.project.ledTitle", List.of(), List.of(), List.of(),
					null));
		}
		sections.add(figures("project-figures", 40, "home.project.cityFigures", null));
		return sections;
	}

	/**
	 * Projects by stage (active and on hold), signed this year with their contracted investment, and the paid-in
	 * investment the ledger records to date — of one unit, or of the city when {@code unit} is null.
	 */
	private HomeSection figures(String id, int order, String titleKey, UnitId unit) {
		String where = unit == null ? "status <> 'DROPPED'" : "status <> 'DROPPED' AND unit_id = :unit";
		String u = unit == null ? "" : "unit=" + unit.value() + "&";
		Map<Stage, Long> byStage = new EnumMap<>(Stage.class);
		var stageQuery = jdbc.sql("SELECT stage, COUNT(*) FROM project WHERE " + where + " GROUP BY stage");
		if (unit != null) {
			stageQuery = stageQuery.param("unit", unit.value());
		}
		stageQuery.query(rs -> {
			byStage.put(Stage.valueOf(rs.getString(1)), rs.getLong(2));
		});
		LocalDate yearStart = LocalDate.now(clock).withDayOfYear(1);
		var signedQuery = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(contracted_investment), 0) FROM project WHERE "
				+ where + " AND signed_date >= :from").param("from", yearStart);
		var paidQuery = jdbc.sql("SELECT COALESCE(SUM(paid_in_investment), 0) FROM project WHERE " + where);
		if (unit != null) {
			signedQuery = signedQuery.param("unit", unit.value());
			paidQuery = paidQuery.param("unit", unit.value());
		}
		Object[] signed = signedQuery.query((rs, n) -> new Object[] { rs.getLong(1), rs.getBigDecimal(2) }).single();
		BigDecimal paid = paidQuery.query(BigDecimal.class).single();
		List<Figure> figures = new ArrayList<>();
		for (Stage s : Stage.values()) {
			figures.add(Figure.count("stage-" + s.name(), s.messageKey(), byStage.getOrDefault(s, 0L),
					"/projects?" + u + "stage=" + s.name()));
		}
		String signedLink = "/projects?" + u + "dateOf=signed&from=" + yearStart;
		figures.add(Figure.count("signed-year", "home.project.signedYear", (Long) signed[0], signedLink));
		figures.add(Figure.amount("contracted-year", "home.project.contractedYear", (BigDecimal) signed[1],
				signedLink));
		figures.add(Figure.amount("paid-in", "home.project.paidIn", paid,
				"/projects?" + (u.isEmpty() ? "" : u) + "sort=paidIn&dir=desc"));
		return new HomeSection(id, order, titleKey, List.of(), figures, List.of(), null);
	}

	/** The setting behind "projects to update". */
	@Configuration(proxyBeanMethods = false)
	static class InboxSettings {

		@Bean
		SettingDefinition projectUpdateAfterDays() {
			return SettingDefinition.ofInt(UPDATE_AFTER_DAYS, "project.updateAfterDays",
					"project.updateAfterDays.help", 30, 1, 365);
		}
	}
}
