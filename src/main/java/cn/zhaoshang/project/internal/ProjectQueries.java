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

import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.list.Paging;
import cn.zhaoshang.platform.list.SqlFilter;
import cn.zhaoshang.platform.list.Sorting;
import cn.zhaoshang.platform.list.StreamedSort;
import cn.zhaoshang.project.ContractType;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.ProjectTypes;
import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.project.Stage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The ledger's read model: plain SQL over the project table for the list (filters, sums, sort, paging), the
 * Kanban, the grouped view and the export, each limited to the units the user may read ({@link ProjectWhere}); a
 * project's detail, stage timeline and progress are read by {@link ProjectRecordQueries}, with the same scope.
 * The value types of both live here, where pages and the API already name them.
 */
@Service
public class ProjectQueries {

	private final JdbcClient jdbc;
	private final ProjectRecordQueries records;
	private final SignedFundsSums signedFunds;

	ProjectQueries(JdbcClient jdbc, ProjectRecordQueries records, SignedFundsSums signedFunds) {
		this.jdbc = jdbc;
		this.records = records;
		this.signedFunds = signedFunds;
	}

	/** A row of the ledger list (and of the export). */
	public record Row(long id, String code, String name, String investorName, long unitId, String unitName,
			long chainId, String chainName, ProjectType type, Stage stage, ProjectStatus status,
			BigDecimal plannedInvestment, BigDecimal foreignInvestment, BigDecimal contractedInvestment,
			BigDecimal paidInInvestment, boolean keyProject, boolean evidencePending, boolean pendingReview,
			boolean namesUnmatched, String leaderName, String chiefAttendantName, LocalDate signedDate,
			LocalDate commencedDate, LocalDate productionDate, String latestProgress, LocalDate latestProgressDate,
			String investorUscc, Instant updatedAt, ProjectTypes types, LocalDate negotiationDate,
			LocalDate registeredDate, int stalledRounds, boolean stalled) {

		/** The types' labels joined by the separator, in canonical order. */
		public String typeLabels(java.util.function.Function<ProjectType, String> label, String separator) {
			return types.joined(label, separator);
		}
	}

	/** Count and sums of the whole filtered set (not just the page). */
	public record Totals(long count, BigDecimal plannedInvestment, BigDecimal contractedInvestment,
			BigDecimal paidInInvestment, BigDecimal fundsInPlace) {

		/**
		 * Without a separate sum of the funds rows: paid-in investment is their sum (ADR 0010), so a group's funds
		 * in place equal its paid-in.
		 */
		public Totals(long count, BigDecimal plannedInvestment, BigDecimal contractedInvestment,
				BigDecimal paidInInvestment) {
			this(count, plannedInvestment, contractedInvestment, paidInInvestment, paidInInvestment);
		}

		/** No project at all. */
		public static final Totals NONE = new Totals(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
				BigDecimal.ZERO);

		/** These totals and another set's (of other projects). */
		public Totals plus(Totals o) {
			return new Totals(count + o.count, plannedInvestment.add(o.plannedInvestment),
					contractedInvestment.add(o.contractedInvestment), paidInInvestment.add(o.paidInInvestment),
					fundsInPlace.add(o.fundsInPlace));
		}
	}

	/** One page of the list ({@link Paging}, the list kit's page type) with the filtered set's totals. */
	public record Listing(Paging<Row> paging, Totals totals) {

		public List<Row> items() {
			return paging.items();
		}

		public int page() {
			return paging.page();
		}

		public int size() {
			return paging.size();
		}
	}

	/** The columns of a {@link Row}; the detail adds its own ({@link ProjectRecordQueries}). */
	static final String ROW_COLUMNS = """
			p.id, p.code, p.name, p.investor_name, p.unit_id, u.name AS unit_name, p.chain_id,
			       c.name AS chain_name, p.type, p.stage, p.status, p.planned_investment, p.foreign_investment,
			       p.contracted_investment, p.paid_in_investment, p.key_project, p.evidence_pending,
			       p.pending_move_id, p.names_unmatched, p.leader_name, p.chief_attendant_name, p.signed_date,
			       p.commenced_date, p.production_date, p.latest_progress, p.latest_progress_date, m.uscc,
			       p.updated_at, p.types, p.negotiation_date, p.registered_date,
			       p.stalled_rounds, p.stalled""";

	/** The tables of a {@link Row}. */
	static final String ROW_FROM = """
			 FROM project p
			JOIN unit u ON u.id = p.unit_id
			JOIN industry_chain c ON c.id = p.chain_id
			JOIN merchant m ON m.id = p.merchant_id""";

	private static final String SELECT = "SELECT " + ROW_COLUMNS + ROW_FROM;

	/** The sort the filter asks for, resolved against the ledger's whitelist (for the column headers). */
	public static Sorting.Sort sort(ProjectFilter f) {
		return ProjectWhere.sort(f);
	}

	/** A page of the list; a page number past the last shows the last page (what a person paging expects). */
	public Listing list(ProjectFilter f, DataScope scope, int page, int size) {
		return list(f, scope, page, size, true);
	}

	/**
	 * Exactly the page asked for, empty past the last one: an API client that pages until it gets no items must
	 * not be served the last page forever.
	 */
	public Listing listPage(ProjectFilter f, DataScope scope, int page, int size) {
		return list(f, scope, page, size, false);
	}

	private Listing list(ProjectFilter f, DataScope scope, int page, int size, boolean clampToLastPage) {
		SqlFilter where = ProjectWhere.of(f, scope);
		Totals totals = totals(where, fundsPeriod(ProjectWhere.of(f, scope), f));
		Paging<Row> rows = Paging.fetch(totals.count(), page, size, clampToLastPage,
				// the page's ids first, from the filter's index alone, then their rows (a deferred join): the rows
				// before the page are skipped without reading their columns and joins (page 50 of a county: 95 → 8 ms)
				(limit, offset) -> jdbc.sql(SELECT + " WHERE p.id IN (SELECT p.id FROM project p"
						+ " JOIN unit u ON u.id = p.unit_id" + where.sql() + ProjectWhere.orderBy(f)
						+ " LIMIT :limit OFFSET :offset)" + ProjectWhere.orderBy(f))
					.params(where.params())
					.param("limit", limit)
					.param("offset", offset)
					.query(ProjectQueries::row)
					.list());
		return new Listing(rows, totals);
	}

	/**
	 * Every row of the filtered set, in list order, streamed to the consumer (for the Excel export). Rows are
	 * fetched 500 at a time (PostgreSQL uses a cursor for that inside a transaction, so call it in a read-only one)
	 * and the stream is closed, which releases the result set and, outside a transaction, the connection.
	 */
	public void forEach(ProjectFilter f, DataScope scope, Consumer<Row> consumer) {
		SqlFilter where = ProjectWhere.of(f, scope);
		StreamedSort.allow(jdbc); // the cursor's sort in memory, not on disk (issue 15)
		try (var rows = jdbc.sql(SELECT + where.sql() + ProjectWhere.orderBy(f))
			.withFetchSize(500)
			.params(where.params())
			.query(ProjectQueries::row)
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
		SqlFilter where = ProjectWhere.of(f, scope);
		String sums = SUMS;
		String sql = switch (by) {
			case "chain" -> "SELECT CAST(c.id AS VARCHAR(20)), c.name, " + sums
					+ " FROM project p JOIN industry_chain c ON c.id = p.chain_id" + where.sql()
					+ " GROUP BY c.id, c.name, c.sort_order ORDER BY c.sort_order, c.id";
			case "stage" -> "SELECT p.stage, p.stage, " + sums + " FROM project p" + where.sql()
					+ " GROUP BY p.stage ORDER BY MIN(" + ProjectWhere.STAGE_ORDER + ")";
			default -> "SELECT CAST(u.id AS VARCHAR(20)), u.name, " + sums
					+ " FROM project p JOIN unit u ON u.id = p.unit_id" + where.sql()
					+ " GROUP BY u.id, u.name, u.sort_order ORDER BY u.sort_order, u.id";
		};
		// each group's funds in place: the sum of its projects' monthly funds rows in the filter's period
		String key = switch (by) {
			case "chain" -> "CAST(p.chain_id AS VARCHAR(20))";
			case "stage" -> "p.stage";
			default -> "CAST(p.unit_id AS VARCHAR(20))";
		};
		SqlFilter fundsWhere = fundsPeriod(ProjectWhere.of(f, scope), f);
		// projects signed in whole months, grouped by unit: their funds from the signed-month sums (issue 15)
		java.util.Optional<Map<Long, BigDecimal>> signed = "unit".equals(by) || !GROUP_BY.contains(by)
				? signedFunds.byUnit(f, scope) : java.util.Optional.empty();
		Map<String, BigDecimal> funds = new java.util.HashMap<>();
		if (signed.isPresent()) {
			signed.get().forEach((unit, sum) -> funds.put(String.valueOf(unit), sum));
		}
		else if (fundsWhere != null) {
			jdbc.sql("SELECT " + key + ", SUM(f.funds_in_place) FROM project_funds f JOIN project p ON p.id = f.project_id"
					+ fundsWhere.sql() + " GROUP BY " + key)
				.params(fundsWhere.params())
				.query((ResultSet rs) -> {
					funds.put(rs.getString(1), rs.getBigDecimal(2));
				});
		}
		List<Group> groups = jdbc.sql(sql)
			.params(where.params())
			.query((rs, n) -> {
				Totals t = totals(rs, 3);
				// without a period a group's funds in place are its paid-in sum (ADR 0010)
				BigDecimal inPlace = fundsWhere == null ? t.paidInInvestment() : zero(funds.get(rs.getString(1)));
				return new Group(rs.getString(1), rs.getString(2), new Totals(t.count(), t.plannedInvestment(),
						t.contractedInvestment(), t.paidInInvestment(), inPlace));
			})
			.list();
		// every project has a landing unit and a stage, so those groups partition the set and add up to its total;
		// chains are optional, so the chain grouping's total is read on its own
		Totals total = "chain".equals(by) ? totals(where, fundsPeriod(ProjectWhere.of(f, scope), f))
				: groups.stream().map(Group::totals).reduce(Totals.NONE, Totals::plus);
		return new Grouped(GROUP_BY.contains(by) ? by : "unit", groups, total);
	}

	/**
	 * The funds rows of the filter's period: when the filter has a date range ({@code from}, {@code to}), only the
	 * months it touches (the month of {@code from} to the month of {@code to}, either end open); else every month.
	 */
	static SqlFilter fundsPeriod(SqlFilter where, ProjectFilter f) {
		if (f.from() == null && f.to() == null) {
			return null; // every month: the paid-in sums (ADR 0010)
		}
		return where.range("f.funds_month", "fundsFrom", f.from() == null ? null : f.from().withDayOfMonth(1),
				"fundsTo", f.to() == null ? null : f.to().withDayOfMonth(1));
	}

	/** The filtered set's count and sums alone (for the export's totals). */
	public Totals totals(ProjectFilter f, DataScope scope) {
		SqlFilter where = ProjectWhere.of(f, scope);
		var signed = signedFunds.byUnit(f, scope);
		if (signed.isPresent()) {
			Totals t = totals(where, null);
			return new Totals(t.count(), t.plannedInvestment(), t.contractedInvestment(), t.paidInInvestment(),
					signed.get().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
		}
		return totals(where, fundsPeriod(ProjectWhere.of(f, scope), f));
	}

	/**
	 * The set's count and sums by {@code where}; funds in place from the rows selected by {@code fundsWhere}, or,
	 * when that is {@code null} (no period), the paid-in sum.
	 */
	private Totals totals(SqlFilter where, SqlFilter fundsWhere) {
		Totals t = jdbc.sql("SELECT " + SUMS + " FROM project p" + where.sql())
			.params(where.params())
			.query((rs, n) -> totals(rs, 1))
			.single();
		// funds in place from the monthly rows (issue 10), over the same filtered set and the filter's period; without
		// a period that is the paid-in sum already read (ADR 0010: paid-in is kept equal to the rows' sum in every
		// writer's transaction), so the rows are not read again (issue 15: 424 ms for a county of 22,000 projects)
		BigDecimal funds = fundsWhere == null ? t.paidInInvestment()
				: jdbc.sql("SELECT SUM(f.funds_in_place) FROM project_funds f JOIN project p ON p.id = f.project_id"
						+ fundsWhere.sql())
					.params(fundsWhere.params())
					.query(BigDecimal.class)
					.optional()
					.orElse(null);
		return new Totals(t.count(), t.plannedInvestment(), t.contractedInvestment(), t.paidInInvestment(),
				zero(funds));
	}

	private static final String SUMS = "COUNT(*), SUM(p.planned_investment), SUM(p.contracted_investment), "
			+ "SUM(p.paid_in_investment)";

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
			SqlFilter where = ProjectWhere.of(byStage, scope);
			var totals = jdbc.sql("SELECT COUNT(*), SUM(p.planned_investment) FROM project p" + where.sql())
				.params(where.params())
				.query((rs, n) -> new Object[] { rs.getLong(1), zero(rs.getBigDecimal(2)) })
				.single();
			var params = new LinkedHashMap<>(where.params());
			params.put("limit", cardsPerColumn);
			List<Row> cards = jdbc.sql(SELECT + where.sql() + ProjectWhere.orderBy(f) + " LIMIT :limit")
				.params(params)
				.query(ProjectQueries::row)
				.list();
			columns.add(new Column(s, (Long) totals[0], (BigDecimal) totals[1], cards));
		}
		return columns;
	}

	static Row row(ResultSet rs, int n) throws SQLException {
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
				rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
				ProjectTypes.parse(rs.getString("types"), rs.getString("type")),
				rs.getObject("negotiation_date", LocalDate.class), rs.getObject("registered_date", LocalDate.class),
				rs.getInt("stalled_rounds"), rs.getBoolean("stalled"));
	}

	/** Everything the detail page shows. */
	public record Detail(Row row, String introUnitName, String introducers, String chainLink,
			PromotionMode promotionMode, BigDecimal actualInvestment, BigDecimal annualOutput, BigDecimal annualTax,
			Integer jobs, BigDecimal landNeedMu, BigDecimal factoryNeedM2, ContractType contractType,
			String statusReason, Long leaderId, Long chiefAttendantId, Long introUnitId, String problems,
			String description, Long pendingMoveId, String createdBy, Instant createdAt, int version,
			long merchantId) {

		public LocalDate negotiationDate() {
			return row.negotiationDate();
		}

		public LocalDate registeredDate() {
			return row.registeredDate();
		}
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

	/** A progress update with its photos. */
	public record Progress(long id, LocalDate date, String text, BigDecimal paidInInvestment, String createdBy,
			Instant createdAt, List<Attachments.Attachment> photos) {
	}

	/** Moves awaiting review, for the city bureau's review queue. */
	public List<Row> pendingReview(DataScope scope) {
		return list(new ProjectFilter(null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, "review", "updated", "asc", null), scope, 1, 200).items();
	}

	/**
	 * The detail without a read scope, for handlers that change the project and have checked the right to edit it
	 * (a stricter check than reading: {@code StageController}, {@code AttachmentController}, the edit form). Pages
	 * and the API that only show a project use {@link ProjectRecordQueries#detail(long, DataScope)}.
	 */
	public Detail detail(long id) {
		return records.detailUnscoped(id);
	}

	private static BigDecimal zero(BigDecimal v) {
		return v == null ? BigDecimal.ZERO.setScale(2) : v;
	}
}
