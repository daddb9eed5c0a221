package cn.zhaoshang.dispatch.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.zhaoshang.dispatch.MajorForum;
import cn.zhaoshang.dispatch.ReportStatus;
import cn.zhaoshang.dispatch.RoundStatus;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.list.Paging;
import cn.zhaoshang.platform.list.SqlFilter;
import cn.zhaoshang.platform.list.Sorting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The dispatch rounds' read models, plain SQL over the rounds and the ledger: the rounds list with completion, a
 * round's completion per unit, its scope table (a unit sees its own projects only), a report with the project's
 * figures for the period (live while the round is open, frozen once it is closed), the problems of a round with the
 * overdue items of earlier rounds carried, and the major matters.
 */
@Service
public class RoundQueries {

	public static final Sorting ROUND_SORTING = Sorting.of("period", "period", "r.period_to", "name", "r.name", "deadline",
			"r.deadline", "status", "r.status")
		.ascendingFirst("name");

	static final Sorting SCOPE_SORTING = Sorting.of("unit", "unit", "u.sort_order", "code", "p.code", "name", "p.name",
			"stage", "p.stage", "report", "s.report_status", "submitted", "s.submitted_at")
		.ascendingFirst("unit", "code", "name", "report");

	/** A row of the rounds list: the header and how many reports are submitted of how many expected. */
	public record RoundRow(long id, String name, LocalDate periodFrom, LocalDate periodTo, LocalDate deadline,
			String chairName, RoundStatus status, long expected, long submitted) {

		public int percent() {
			return expected == 0 ? 0 : (int) (submitted * 100 / expected);
		}
	}

	/** Completion of one unit in a round. */
	public record Completion(long unitId, String unitName, long expected, long submitted, long draft,
			long returned) {

		public long missing() {
			return expected - submitted - draft - returned;
		}

		public int percent() {
			return expected == 0 ? 0 : (int) (submitted * 100 / expected);
		}
	}

	/**
	 * A project in a round: its ledger facts and report state; {@code fundsInPeriod} is the frozen figure once the
	 * round is closed, else the live sum of its funds rows in the period.
	 */
	public record ScopeItem(long projectId, String code, String name, long unitId, String unitName, String stage,
			ReportStatus reportStatus, Instant submittedAt, String returnComment, BigDecimal fundsInPeriod,
			int problems, boolean frozen, String stageAtClose, Integer stageMovesInPeriod, Boolean milestoneInPeriod,
			int version) {
	}

	/** A problem with its project and round for the problems and major-matters pages. */
	public record ProblemItem(DispatchProblem problem, String projectCode, String projectName, long unitId,
			String unitName, String roundName, String proposedOwner, String decisionOwner, boolean overdue,
			boolean carried) {
	}

	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final Clock clock;

	RoundQueries(JdbcClient jdbc, DataScopes scopes, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.clock = clock;
	}

	public static Sorting.Sort sort(RoundFilter f) {
		return ROUND_SORTING.resolve(f.sort(), f.dir());
	}

	public static Sorting.Sort sort(ScopeFilter f) {
		return SCOPE_SORTING.resolve(f.sort(), f.dir());
	}

	/** Rounds are read by every internal user (their header and overall completion name no project). */
	public Paging<RoundRow> list(RoundFilter f, int page, int size, boolean clamp) {
		SqlFilter where = SqlFilter.where()
			.contains("q", f.q(), "r.name", "r.chair_name")
			.eq("r.status", "status", f.status());
		if (f.year() != null) {
			where.range("r.period_to", "yFrom", LocalDate.of(f.year(), 1, 1), "yTo", LocalDate.of(f.year(), 12, 31));
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM dispatch_round r" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
		return Paging.fetch(total, page, size, clamp, (limit, offset) -> jdbc.sql("""
				SELECT r.id, r.name, r.period_from, r.period_to, r.deadline, r.chair_name, r.status,
				  (SELECT COUNT(*) FROM dispatch_scope s WHERE s.round_id = r.id) AS expected,
				  (SELECT COUNT(*) FROM dispatch_scope s WHERE s.round_id = r.id AND s.report_status = 'SUBMITTED')
				    AS submitted
				FROM dispatch_round r""" + where.sql() + ROUND_SORTING.orderBy(sort(f), "r.id")
				+ " LIMIT :limit OFFSET :offset")
			.params(where.params())
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new RoundRow(rs.getLong("id"), rs.getString("name"),
					rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
					rs.getObject("deadline", LocalDate.class), rs.getString("chair_name"),
					RoundStatus.valueOf(rs.getString("status")), rs.getLong("expected"), rs.getLong("submitted")))
			.list());
	}

	/** Completion per unit (every unit with projects in the round), in the units' configured order. */
	public List<Completion> completion(long roundId) {
		return jdbc.sql("""
				SELECT s.unit_id, u.name, COUNT(*) AS expected,
				  SUM(CASE WHEN s.report_status = 'SUBMITTED' THEN 1 ELSE 0 END) AS submitted,
				  SUM(CASE WHEN s.report_status = 'DRAFT' THEN 1 ELSE 0 END) AS draft,
				  SUM(CASE WHEN s.report_status = 'RETURNED' THEN 1 ELSE 0 END) AS returned
				FROM dispatch_scope s JOIN unit u ON u.id = s.unit_id
				WHERE s.round_id = :r
				GROUP BY s.unit_id, u.name, u.sort_order
				ORDER BY u.sort_order, s.unit_id""")
			.param("r", roundId)
			.query((rs, n) -> new Completion(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6)))
			.list();
	}

	/** The scope table: a unit's users see their own projects, the bureau, leaders and viewers all. */
	public Paging<ScopeItem> scope(DispatchRound round, ScopeFilter f, CurrentUser user, int page, int size,
			boolean clamp) {
		SqlFilter where = scopeWhere(round, f, user);
		long total = jdbc.sql("SELECT COUNT(*) FROM dispatch_scope s JOIN project p ON p.id = s.project_id"
				+ " JOIN unit u ON u.id = s.unit_id" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
		return Paging.fetch(total, page, size, clamp, (limit, offset) -> jdbc
			.sql(SCOPE_SELECT + where.sql() + SCOPE_SORTING.orderBy(sort(f), "s.project_id")
					+ " LIMIT :limit OFFSET :offset")
			.params(where.params())
			.param("month", round.firstMonth())
			.param("to", round.periodTo())
			.param("limit", limit)
			.param("offset", offset)
			.query(RoundQueries::item)
			.list());
	}

	/** One project's row in a round (the caller has checked the user may read it). */
	public ScopeItem item(DispatchRound round, long projectId) {
		return jdbc.sql(SCOPE_SELECT + " WHERE s.round_id = :r AND s.project_id = :p")
			.param("r", round.id())
			.param("p", projectId)
			.param("month", round.firstMonth())
			.param("to", round.periodTo())
			.query(RoundQueries::item)
			.single();
	}

	private SqlFilter scopeWhere(DispatchRound round, ScopeFilter f, CurrentUser user) {
		SqlFilter where = SqlFilter.where().and("s.round_id = :r", "r", round.id());
		if (!DispatchAccess.readsAll(user)) {
			var scope = scopes.of(user);
			if (!scope.editAll()) {
				where.in("s.unit_id", "scope", scope.editable().stream().map(UnitId::value).toList());
			}
		}
		return where.containsIgnoringCase("q", f.q(), "p.code", "p.name")
			.eq("s.unit_id", "unit", f.unit())
			.eq("s.report_status", "report", f.report());
	}

	private static final String SCOPE_SELECT = """
			SELECT s.project_id, p.code, p.name, s.unit_id, u.name AS unit_name, p.stage, s.report_status,
			  s.submitted_at, s.return_comment, s.closed_snapshot, s.stage_at_close, s.stage_moves_in_period,
			  s.milestone_in_period, s.version,
			  CASE WHEN s.closed_snapshot THEN s.funds_in_period ELSE COALESCE((SELECT SUM(f.funds_in_place)
			    FROM project_funds f WHERE f.project_id = s.project_id AND f.funds_month BETWEEN :month AND :to), 0)
			  END AS funds,
			  (SELECT COUNT(*) FROM dispatch_problem q WHERE q.round_id = s.round_id AND q.project_id = s.project_id)
			    AS problems
			FROM dispatch_scope s JOIN project p ON p.id = s.project_id JOIN unit u ON u.id = s.unit_id""";

	private static ScopeItem item(ResultSet rs, int n) throws SQLException {
		return new ScopeItem(rs.getLong("project_id"), rs.getString("code"), rs.getString("name"),
				rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("stage"),
				ReportStatus.valueOf(rs.getString("report_status")), RoundStore.instant(rs, "submitted_at"),
				rs.getString("return_comment"), rs.getBigDecimal("funds"), rs.getInt("problems"),
				rs.getBoolean("closed_snapshot"), rs.getString("stage_at_close"),
				(Integer) rs.getObject("stage_moves_in_period", Integer.class),
				(Boolean) rs.getObject("milestone_in_period", Boolean.class), rs.getInt("version"));
	}

	/**
	 * A round's problems (of the projects the user may read) followed by the carried ones: open problems of earlier
	 * rounds past their due date.
	 */
	public List<ProblemItem> problems(DispatchRound round, CurrentUser user) {
		LocalDate today = LocalDate.now(clock);
		SqlFilter where = problemScope(user).and("q.round_id = :r", "r", round.id());
		List<ProblemItem> own = problemItems(where, " ORDER BY u.sort_order, p.code, q.sort_order, q.id", today, false);
		SqlFilter carried = problemScope(user).and("r.period_to < :from", "from", round.periodFrom())
			.and("q.status = 'OPEN'")
			.and("COALESCE(q.decision_due, q.due) < :today", "today", today);
		List<ProblemItem> old = problemItems(carried, " ORDER BY COALESCE(q.decision_due, q.due), q.id", today, true);
		return java.util.stream.Stream.concat(own.stream(), old.stream()).toList();
	}

	/** The problems of one project in one round. */
	public List<ProblemItem> problems(long roundId, long projectId) {
		SqlFilter where = SqlFilter.where().and("q.round_id = :r", "r", roundId).and("q.project_id = :p", "p",
				projectId);
		return problemItems(where, " ORDER BY q.sort_order, q.id", LocalDate.now(clock), false);
	}

	/** One problem with its project and round (the caller has checked the user may read it). */
	public java.util.Optional<ProblemItem> problem(long problemId) {
		SqlFilter where = SqlFilter.where().and("q.id = :id", "id", problemId);
		return problemItems(where, "", LocalDate.now(clock), false).stream().findFirst();
	}

	/** The major matters (of the projects the user may read), optionally of one forum. */
	public List<ProblemItem> majors(MajorForum forum, CurrentUser user) {
		SqlFilter where = problemScope(user).and("q.major = TRUE").eq("q.major_forum", "forum", forum);
		return problemItems(where, " ORDER BY r.period_to DESC, u.sort_order, p.code, q.id", LocalDate.now(clock),
				false);
	}

	private SqlFilter problemScope(CurrentUser user) {
		SqlFilter where = SqlFilter.where();
		if (!DispatchAccess.readsAll(user)) {
			var scope = scopes.of(user);
			if (!scope.editAll()) {
				where.in("p.unit_id", "scope", scope.editable().stream().map(UnitId::value).toList());
			}
		}
		return where;
	}

	private List<ProblemItem> problemItems(SqlFilter where, String order, LocalDate today, boolean carried) {
		return jdbc.sql("SELECT " + ProblemStore.COLUMNS + """
				, p.code AS p_code, p.name AS p_name, p.unit_id AS p_unit, u.name AS u_name, r.name AS r_name,
				  ou.name AS ou_name, du.name AS du_name
				FROM dispatch_problem q JOIN dispatch_round r ON r.id = q.round_id JOIN project p ON p.id = q.project_id
				JOIN unit u ON u.id = p.unit_id LEFT JOIN unit ou ON ou.id = q.owner_unit_id
				LEFT JOIN unit du ON du.id = q.decision_owner_unit_id""" + where.sql() + order)
			.params(where.params())
			.query((rs, n) -> {
				DispatchProblem q = ProblemStore.row(rs, n);
				return new ProblemItem(q, rs.getString("p_code"), rs.getString("p_name"), rs.getLong("p_unit"),
						rs.getString("u_name"), rs.getString("r_name"), owner(rs.getString("ou_name"), q.ownerName()),
						owner(rs.getString("du_name"), q.decisionOwnerName()), q.overdue(today), carried);
			})
			.list();
	}

	private static String owner(String unitName, String name) {
		if (unitName != null && name != null) {
			return unitName + " " + name;
		}
		return unitName != null ? unitName : name;
	}
}
