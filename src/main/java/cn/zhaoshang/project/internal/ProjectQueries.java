package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.project.ContractType;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.project.Stage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The ledger's read model: plain SQL over the project table for the list (filters, sums, sort, paging), the
 * Kanban, the export, the detail page, the stage timeline and progress. Every query is limited to the units the
 * user may read.
 */
@Service
public class ProjectQueries {

	private final JdbcClient jdbc;

	ProjectQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A row of the ledger list (and of the export). */
	public record Row(long id, String code, String name, String investorName, long unitId, String unitName,
			long chainId, String chainName, ProjectType type, Stage stage, ProjectStatus status,
			BigDecimal plannedInvestment, BigDecimal foreignInvestment, BigDecimal contractedInvestment,
			BigDecimal paidInInvestment, boolean keyProject, boolean evidencePending, boolean pendingReview,
			boolean namesUnmatched, String leaderName, String chiefAttendantName, LocalDate signedDate,
			LocalDate commencedDate, LocalDate productionDate, String latestProgress, LocalDate latestProgressDate,
			String investorUscc, Instant updatedAt) {
	}

	/** Count and sums of the whole filtered set (not just the page). */
	public record Totals(long count, BigDecimal plannedInvestment, BigDecimal contractedInvestment,
			BigDecimal paidInInvestment) {
	}

	/** One page of the list with the filtered set's totals. */
	public record Page(List<Row> items, int page, int size, Totals totals) {

		public int pages() {
			return (int) Math.max(1, (totals.count() + size - 1) / size);
		}
	}

	private static final String SELECT = """
			SELECT p.id, p.code, p.name, p.investor_name, p.unit_id, u.name AS unit_name, p.chain_id,
			       c.name AS chain_name, p.type, p.stage, p.status, p.planned_investment, p.foreign_investment,
			       p.contracted_investment, p.paid_in_investment, p.key_project, p.evidence_pending,
			       p.pending_move_id, p.names_unmatched, p.leader_name, p.chief_attendant_name, p.signed_date,
			       p.commenced_date, p.production_date, p.latest_progress, p.latest_progress_date, m.uscc,
			       p.updated_at
			FROM project p
			JOIN unit u ON u.id = p.unit_id
			JOIN industry_chain c ON c.id = p.chain_id
			JOIN merchant m ON m.id = p.merchant_id
			""";

	/** A page of the list; a page number past the last shows the last page (what a person paging expects). */
	public Page list(ProjectFilter f, DataScope scope, int page, int size) {
		return list(f, scope, page, size, true);
	}

	/**
	 * Exactly the page asked for, empty past the last one: an API client that pages until it gets no items must
	 * not be served the last page forever.
	 */
	public Page listPage(ProjectFilter f, DataScope scope, int page, int size) {
		return list(f, scope, page, size, false);
	}

	private Page list(ProjectFilter f, DataScope scope, int page, int size, boolean clampToLastPage) {
		var where = where(f, scope);
		Totals totals = jdbc.sql("""
				SELECT COUNT(*), SUM(p.planned_investment), SUM(p.contracted_investment), SUM(p.paid_in_investment)
				FROM project p""" + where.sql())
			.params(where.params())
			.query((rs, n) -> new Totals(rs.getLong(1), zero(rs.getBigDecimal(2)), zero(rs.getBigDecimal(3)),
					zero(rs.getBigDecimal(4))))
			.single();
		int pages = (int) Math.max(1, (totals.count() + size - 1) / size);
		int p = clampToLastPage ? Math.min(Math.max(1, page), pages) : Math.max(1, page);
		if ((long) (p - 1) * size >= totals.count() && p > 1) {
			return new Page(List.of(), p, size, totals);
		}
		var params = new LinkedHashMap<>(where.params());
		params.put("limit", size);
		params.put("offset", (p - 1) * size);
		List<Row> rows = jdbc.sql(SELECT + where.sql() + orderBy(f) + " LIMIT :limit OFFSET :offset")
			.params(params)
			.query(this::row)
			.list();
		return new Page(rows, p, size, totals);
	}

	/**
	 * Every row of the filtered set, in list order, streamed to the consumer (for the Excel export). Rows are
	 * fetched 500 at a time (PostgreSQL uses a cursor for that inside a transaction, so call it in a read-only one)
	 * and the stream is closed, which releases the result set and, outside a transaction, the connection.
	 */
	public void forEach(ProjectFilter f, DataScope scope, Consumer<Row> consumer) {
		var where = where(f, scope);
		try (var rows = jdbc.sql(SELECT + where.sql() + orderBy(f))
			.withFetchSize(500)
			.params(where.params())
			.query(this::row)
			.stream()) {
			rows.forEach(consumer);
		}
	}

	/** One group of the grouped ledger: the unit, chain or stage, and its count and sums. */
	public record Group(String key, String label, Totals totals) {
	}

	/** The groups of the grouped ledger, in the pages' order, and the total of the whole filtered set. */
	public record Grouped(String by, List<Group> groups, Totals total) {
	}

	/** What the ledger may be grouped by. */
	public static final List<String> GROUP_BY = List.of("unit", "chain", "stage");

	/**
	 * The filtered set (same filters and scope as the list) grouped by landing unit, chain or stage, with each
	 * group's count and sums; the total is computed by the same query as the list's, so it equals the sum of the
	 * groups. Stage labels are left to the page (the key is the stage's name).
	 */
	public Grouped grouped(ProjectFilter f, DataScope scope, String by) {
		var where = where(f, scope);
		String sums = "COUNT(*), SUM(p.planned_investment), SUM(p.contracted_investment), SUM(p.paid_in_investment)";
		String sql = switch (by) {
			case "chain" -> "SELECT CAST(c.id AS VARCHAR(20)), c.name, " + sums
					+ " FROM project p JOIN industry_chain c ON c.id = p.chain_id" + where.sql()
					+ " GROUP BY c.id, c.name, c.sort_order ORDER BY c.sort_order, c.id";
			case "stage" -> "SELECT p.stage, p.stage, " + sums + " FROM project p" + where.sql()
					+ " GROUP BY p.stage ORDER BY MIN(" + STAGE_ORDER + ")";
			default -> "SELECT CAST(u.id AS VARCHAR(20)), u.name, " + sums
					+ " FROM project p JOIN unit u ON u.id = p.unit_id" + where.sql()
					+ " GROUP BY u.id, u.name, u.sort_order ORDER BY u.sort_order, u.id";
		};
		List<Group> groups = jdbc.sql(sql)
			.params(where.params())
			.query((rs, n) -> new Group(rs.getString(1), rs.getString(2), totals(rs, 3)))
			.list();
		Totals total = jdbc.sql("SELECT " + sums + " FROM project p" + where.sql())
			.params(where.params())
			.query((rs, n) -> totals(rs, 1))
			.single();
		return new Grouped(GROUP_BY.contains(by) ? by : "unit", groups, total);
	}

	/** The filtered set's count and sums alone (for the export's totals). */
	public Totals totals(ProjectFilter f, DataScope scope) {
		var where = where(f, scope);
		return jdbc.sql("SELECT COUNT(*), SUM(p.planned_investment), SUM(p.contracted_investment), "
				+ "SUM(p.paid_in_investment) FROM project p" + where.sql())
			.params(where.params())
			.query((rs, n) -> totals(rs, 1))
			.single();
	}

	private static Totals totals(ResultSet rs, int first) throws SQLException {
		return new Totals(rs.getLong(first), zero(rs.getBigDecimal(first + 1)), zero(rs.getBigDecimal(first + 2)),
				zero(rs.getBigDecimal(first + 3)));
	}

	/** A column of the Kanban: its stage, how many projects and how much, and the most recently updated cards. */
	public record Column(Stage stage, long count, BigDecimal plannedInvestment, List<Row> cards) {
	}

	public List<Column> kanban(ProjectFilter f, DataScope scope, int cardsPerColumn) {
		List<Column> columns = new ArrayList<>();
		for (Stage s : Stage.values()) {
			if (f.stage() != null && f.stage() != s) {
				continue;
			}
			ProjectFilter byStage = f.withStage(s);
			var where = where(byStage, scope);
			var totals = jdbc.sql("SELECT COUNT(*), SUM(p.planned_investment) FROM project p" + where.sql())
				.params(where.params())
				.query((rs, n) -> new Object[] { rs.getLong(1), zero(rs.getBigDecimal(2)) })
				.single();
			var params = new LinkedHashMap<>(where.params());
			params.put("limit", cardsPerColumn);
			List<Row> cards = jdbc.sql(SELECT + where.sql() + orderBy(f) + " LIMIT :limit")
				.params(params)
				.query(this::row)
				.list();
			columns.add(new Column(s, (Long) totals[0], (BigDecimal) totals[1], cards));
		}
		return columns;
	}

	record Where(String sql, Map<String, Object> params) {
	}

	Where where(ProjectFilter f, DataScope scope) {
		var sql = new StringBuilder(" WHERE 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		if (!scope.readAll()) {
			if (scope.readable().isEmpty()) {
				sql.append(" AND 1 = 0");
			}
			else {
				sql.append(" AND p.unit_id IN (:scopeUnits)");
				params.put("scopeUnits", scope.readable().stream().map(UnitId::value).collect(Collectors.toList()));
			}
		}
		if (f.q() != null && !f.q().isBlank()) {
			String q = f.q().trim();
			sql.append(" AND (p.name LIKE :q ESCAPE '\\' OR p.investor_name LIKE :q ESCAPE '\\' OR p.code = :code)");
			params.put("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			params.put("code", q.toUpperCase(java.util.Locale.ROOT));
		}
		eq(sql, params, "p.unit_id", "unit", f.unit());
		eq(sql, params, "p.stage", "stage", f.stage() == null ? null : f.stage().name());
		eq(sql, params, "p.status", "status", f.status() == null ? null : f.status().name());
		if (f.excludesDropped()) {
			sql.append(" AND p.status <> '").append(ProjectStatus.DROPPED.name()).append("'");
		}
		eq(sql, params, "p.chain_id", "chain", f.chain());
		eq(sql, params, "p.type", "type", f.type() == null ? null : f.type().name());
		eq(sql, params, "p.key_project", "key", f.key());
		eq(sql, params, "p.chief_attendant_id", "attendant", f.attendant());
		eq(sql, params, "p.leader_id", "leader", f.leader());
		String dateColumn = switch (f.dateOf() == null ? "" : f.dateOf()) {
			case "signed" -> "p.signed_date";
			case "commenced" -> "p.commenced_date";
			case "production" -> "p.production_date";
			case "created" -> "CAST(p.created_at AS DATE)";
			default -> null;
		};
		range(sql, params, dateColumn, "from", f.from(), "to", f.to());
		// Without a choice the bounds apply to planned investment, the ledger's headline figure; ignoring them
		// silently would show a list the user did not ask for.
		String amountColumn = switch (f.amountOf() == null ? "planned" : f.amountOf()) {
			case "contracted" -> "p.contracted_investment";
			case "paidIn" -> "p.paid_in_investment";
			case "planned" -> "p.planned_investment";
			default -> null;
		};
		range(sql, params, amountColumn, "min", f.min(), "max", f.max());
		if ("evidence".equals(f.pending())) {
			sql.append(" AND p.evidence_pending = TRUE");
		}
		else if ("review".equals(f.pending())) {
			sql.append(" AND p.pending_move_id IS NOT NULL");
		}
		return new Where(sql.toString(), params);
	}

	/** Inclusive bounds on a whitelisted column (none when the column is null); either bound may be absent. */
	private static void range(StringBuilder sql, Map<String, Object> params, String column, String lowName,
			Object low, String highName, Object high) {
		if (column != null && low != null) {
			sql.append(" AND ").append(column).append(" >= :").append(lowName);
			params.put(lowName, low);
		}
		if (column != null && high != null) {
			sql.append(" AND ").append(column).append(" <= :").append(highName);
			params.put(highName, high);
		}
	}

	private static void eq(StringBuilder sql, Map<String, Object> params, String column, String name, Object value) {
		if (value != null) {
			sql.append(" AND ").append(column).append(" = :").append(name);
			params.put(name, value);
		}
	}

	/**
	 * Only whitelisted columns reach the SQL; the id breaks ties so paging is stable. Stage sorts in the policy's
	 * order (not alphabetically: COMMENCED would come first) and unit in the unit tree's order, as the pages show
	 * them.
	 */
	static String orderBy(ProjectFilter f) {
		String column = switch (f.sort() == null ? "" : f.sort()) {
			case "code" -> "p.code";
			case "name" -> "p.name";
			case "unit" -> "u.sort_order";
			case "stage" -> STAGE_ORDER;
			case "planned" -> "p.planned_investment";
			case "contracted" -> "p.contracted_investment";
			case "paidIn" -> "p.paid_in_investment";
			case "progress" -> "p.latest_progress_date";
			default -> "p.updated_at";
		};
		boolean asc = "asc".equals(f.dir()) || (f.dir() == null && List.of("p.code", "p.name").contains(column));
		String direction = asc ? " ASC" : " DESC";
		return " ORDER BY " + column + direction + " NULLS LAST, p.id" + direction;
	}

	private static final String STAGE_ORDER = java.util.Arrays.stream(Stage.values())
		.map(s -> "WHEN '" + s.name() + "' THEN " + s.ordinal())
		.collect(Collectors.joining(" ", "CASE p.stage ", " END"));

	private Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("investor_name"),
				rs.getLong("unit_id"), rs.getString("unit_name"), rs.getLong("chain_id"), rs.getString("chain_name"),
				ProjectType.valueOf(rs.getString("type")), Stage.valueOf(rs.getString("stage")),
				ProjectStatus.valueOf(rs.getString("status")), rs.getBigDecimal("planned_investment"),
				rs.getBigDecimal("foreign_investment"), rs.getBigDecimal("contracted_investment"),
				rs.getBigDecimal("paid_in_investment"), rs.getBoolean("key_project"),
				rs.getBoolean("evidence_pending"), rs.getObject("pending_move_id") != null,
				rs.getBoolean("names_unmatched"), rs.getString("leader_name"), rs.getString("chief_attendant_name"),
				rs.getObject("signed_date", LocalDate.class), rs.getObject("commenced_date", LocalDate.class),
				rs.getObject("production_date", LocalDate.class), rs.getString("latest_progress"),
				rs.getObject("latest_progress_date", LocalDate.class), rs.getString("uscc"),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

	/** Everything the detail page shows. */
	public record Detail(Row row, String introUnitName, String introducers, String chainLink,
			PromotionMode promotionMode, BigDecimal actualInvestment, BigDecimal annualOutput, BigDecimal annualTax,
			Integer jobs, BigDecimal landNeedMu, BigDecimal factoryNeedM2, ContractType contractType,
			String statusReason, Long leaderId, Long chiefAttendantId, Long introUnitId, String problems,
			String description, Long pendingMoveId, String createdBy, Instant createdAt, int version,
			long merchantId) {
	}

	public Detail detail(long id) {
		return jdbc.sql(SELECT.replace("p.updated_at\n", """
				p.updated_at, iu.name AS intro_unit_name, p.introducers, p.chain_link, p.promotion_mode,
				       p.actual_investment, p.annual_output, p.annual_tax, p.jobs, p.land_need_mu, p.factory_need_m2,
				       p.contract_type, p.status_reason, p.leader_id, p.chief_attendant_id, p.intro_unit_id, p.problems,
				       p.description, p.created_by, p.created_at, p.version, p.merchant_id
				""") + " LEFT JOIN unit iu ON iu.id = p.intro_unit_id WHERE p.id = :id")
			.param("id", id)
			.query((rs, n) -> new Detail(row(rs, n), rs.getString("intro_unit_name"), rs.getString("introducers"),
					rs.getString("chain_link"),
					rs.getString("promotion_mode") == null ? null : PromotionMode.valueOf(rs.getString("promotion_mode")),
					rs.getBigDecimal("actual_investment"), rs.getBigDecimal("annual_output"),
					rs.getBigDecimal("annual_tax"), (Integer) rs.getObject("jobs", Integer.class),
					rs.getBigDecimal("land_need_mu"), rs.getBigDecimal("factory_need_m2"),
					rs.getString("contract_type") == null ? null : ContractType.valueOf(rs.getString("contract_type")),
					rs.getString("status_reason"), (Long) rs.getObject("leader_id", Long.class),
					(Long) rs.getObject("chief_attendant_id", Long.class),
					(Long) rs.getObject("intro_unit_id", Long.class), rs.getString("problems"),
					rs.getString("description"), (Long) rs.getObject("pending_move_id", Long.class),
					rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					rs.getInt("version"), rs.getLong("merchant_id")))
			.single();
	}

	/** A line of the stage timeline: who moved what, when, with which facts, evidence and review. */
	public record Move(long id, Stage fromStage, Stage toStage, ProjectStatus fromStatus, ProjectStatus toStatus,
			LocalDate date, ContractType contractType, BigDecimal amount, String reason, String state,
			String submittedBy, Instant submittedAt, String reviewedBy, Instant reviewedAt, String opinion,
			List<Attachments.Attachment> evidence) {

		public boolean statusChange() {
			return fromStage == toStage && fromStatus != toStatus;
		}
	}

	public List<Move> timeline(long projectId, Attachments attachments) {
		Map<Long, List<Attachments.Attachment>> evidence = linked("""
				SELECT e.move_id, e.attachment_id FROM project_stage_move_evidence e
				JOIN project_stage_move m ON m.id = e.move_id WHERE m.project_id = :p ORDER BY e.attachment_id""",
				projectId, attachments);
		return jdbc.sql("SELECT * FROM project_stage_move WHERE project_id = :p ORDER BY submitted_at DESC, id DESC")
			.param("p", projectId)
			.query((rs, n) -> new Move(rs.getLong("id"), Stage.valueOf(rs.getString("from_stage")),
					Stage.valueOf(rs.getString("to_stage")), ProjectStatus.valueOf(rs.getString("from_status")),
					ProjectStatus.valueOf(rs.getString("to_status")), rs.getObject("move_date", LocalDate.class),
					rs.getString("contract_type") == null ? null : ContractType.valueOf(rs.getString("contract_type")),
					rs.getBigDecimal("amount"), rs.getString("reason"), rs.getString("state"),
					rs.getString("submitted_by"), rs.getObject("submitted_at", OffsetDateTime.class).toInstant(),
					rs.getString("reviewed_by"), instant(rs, "reviewed_at"), rs.getString("opinion"),
					evidence.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	/**
	 * The project's attachments grouped by the owner id of a link table (move → evidence, progress → photos). Links
	 * only ever point at attachments claimed by this project, so one query for the project's attachments serves
	 * every link instead of one query per link.
	 */
	private Map<Long, List<Attachments.Attachment>> linked(String linkSql, long projectId, Attachments attachments) {
		Map<Long, Attachments.Attachment> byId = new LinkedHashMap<>();
		attachments.ofProject(projectId).forEach(a -> byId.put(a.id(), a));
		Map<Long, List<Attachments.Attachment>> grouped = new LinkedHashMap<>();
		jdbc.sql(linkSql).param("p", projectId).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list()
			.forEach(pair -> {
				var a = byId.get(pair[1]);
				if (a != null) {
					grouped.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(a);
				}
			});
		return grouped;
	}

	/** A progress update with its photos. */
	public record Progress(long id, LocalDate date, String text, BigDecimal paidInInvestment, String createdBy,
			Instant createdAt, List<Attachments.Attachment> photos) {
	}

	public List<Progress> progress(long projectId, Attachments attachments) {
		Map<Long, List<Attachments.Attachment>> photos = linked("""
				SELECT ph.progress_id, ph.attachment_id FROM project_progress_photo ph
				JOIN project_progress g ON g.id = ph.progress_id WHERE g.project_id = :p ORDER BY ph.attachment_id""",
				projectId, attachments);
		return jdbc.sql("""
				SELECT * FROM project_progress WHERE project_id = :p ORDER BY progress_date DESC, id DESC""")
			.param("p", projectId)
			.query((rs, n) -> new Progress(rs.getLong("id"), rs.getObject("progress_date", LocalDate.class),
					rs.getString("text"), rs.getBigDecimal("paid_in_investment"), rs.getString("created_by"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					photos.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	/** Moves awaiting review, for the city bureau's review queue. */
	public List<Row> pendingReview(DataScope scope) {
		return list(new ProjectFilter(null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, "review", "updated", "asc", null), scope, 1, 200).items();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var v = rs.getObject(column, OffsetDateTime.class);
		return v == null ? null : v.toInstant();
	}

	private static BigDecimal zero(BigDecimal v) {
		return v == null ? BigDecimal.ZERO.setScale(2) : v;
	}
}
