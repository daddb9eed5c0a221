package cn.zhaoshang.clue.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import cn.zhaoshang.chain.PositioningSql;
import cn.zhaoshang.clue.ClueSource;
import cn.zhaoshang.clue.ClueStatus;
import cn.zhaoshang.clue.FollowUpKind;
import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.merchant.EnterpriseNames;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.list.Paging;
import cn.zhaoshang.platform.list.SqlFilter;
import cn.zhaoshang.platform.list.Sorting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The clue database's read model: plain SQL for the list (filters, sort, paging), the Kanban, the export, the
 * detail page, follow-ups and assignment history. Intermediaries only ever get the clues they submitted.
 */
@Service
public class ClueQueries {

	private final JdbcClient jdbc;

	ClueQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A row of the list (and of the export). {@code ownerUnitId} is {@code null} for the city pool. */
	public record Row(long id, String title, String enterpriseName, Long merchantId, Long chainId, String chainName,
			String chainLink, BigDecimal estimatedInvestment, PromotionMode promotionMode, ClueSource source,
			String sourceCredit, Long ownerUnitId, String ownerName, Long assigneeId, String assigneeName,
			ClueStatus status, LocalDate lastFollowUpAt, Instant createdAt, Long projectId, String projectCode,
			Instant updatedAt, Instant staleSince, boolean followedUp) {

		/** Flagged 久未跟进 by the stale-clue job ({@link StaleClues}). */
		public boolean stale() {
			return staleSince != null;
		}

		/**
		 * The latest follow-up's date, or null before the first: {@code lastFollowUpAt} starts at the registration
		 * date (so that a clue nobody follows up turns stale), which people must not read as a follow-up.
		 */
		public LocalDate lastFollowUp() {
			return followedUp ? lastFollowUpAt : null;
		}
	}

	private static final String SELECT = """
			SELECT c.id, c.title, c.enterprise_name, c.merchant_id, c.chain_id, ch.name AS chain_name, c.chain_link,
			       c.estimated_investment, c.promotion_mode, c.source, c.source_credit, c.owner_unit_id,
			       u.name AS owner_name, c.assignee_id, a.display_name AS assignee_name, c.status,
			       c.last_follow_up_at, c.created_at, c.project_id, c.project_code, c.updated_at, c.stale_since,
			       EXISTS (SELECT 1 FROM clue_follow_up f WHERE f.clue_id = c.id) AS followed_up
			FROM clue c
			LEFT JOIN industry_chain ch ON ch.id = c.chain_id
			LEFT JOIN unit u ON u.id = c.owner_unit_id
			LEFT JOIN app_user a ON a.id = c.assignee_id
			""";

	/** A page; past the last page shows the last when {@code clamp} (pages), else nothing (API paging). */
	public Paging<Row> list(ClueFilter f, CurrentUser user, int page, int size, boolean clamp) {
		SqlFilter where = where(f, user);
		long total = jdbc.sql("SELECT COUNT(*) FROM clue c" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
		return Paging.fetch(total, page, size, clamp,
				(limit, offset) -> jdbc.sql(SELECT + where.sql() + orderBy(f) + " LIMIT :limit OFFSET :offset")
					.params(where.params())
					.param("limit", limit)
					.param("offset", offset)
					.query(this::mapRow)
					.list());
	}

	/** Every row of the filtered set in list order (the export). */
	public void forEach(ClueFilter f, CurrentUser user, Consumer<Row> consumer) {
		SqlFilter where = where(f, user);
		try (var rows = jdbc.sql(SELECT + where.sql() + orderBy(f))
			.withFetchSize(500)
			.params(where.params())
			.query(this::mapRow)
			.stream()) {
			rows.forEach(consumer);
		}
	}

	/** A Kanban column: a status, how many clues have it, and the first cards in list order. */
	public record Column(ClueStatus status, long count, List<Row> cards) {
	}

	public List<Column> kanban(ClueFilter f, CurrentUser user, int cardsPerColumn) {
		List<Column> columns = new ArrayList<>();
		for (ClueStatus s : ClueStatus.values()) {
			if (f.status() != null && f.status() != s) {
				continue;
			}
			var page = list(f.withStatus(s), user, 1, cardsPerColumn, true);
			columns.add(new Column(s, page.total(), page.items()));
		}
		return columns;
	}

	public Row row(long id) {
		return jdbc.sql(SELECT + " WHERE c.id = :id").param("id", id).query(this::mapRow).single();
	}

	/** The detail page's extra facts. */
	public record Detail(Row row, String sourceUnitName, String invalidReason, String description, String createdBy,
			boolean submittedByIntermediary, int version) {
	}

	public Detail detail(long id) {
		Row row = row(id);
		return jdbc.sql("""
				SELECT su.name, c.invalid_reason, c.description, c.created_by, c.submitted_by_id, c.version
				FROM clue c LEFT JOIN unit su ON su.id = c.source_unit_id WHERE c.id = :id""")
			.param("id", id)
			.query((rs, n) -> new Detail(row, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5) != null, rs.getInt(6)))
			.single();
	}

	public record FollowUp(long id, LocalDate date, FollowUpKind kind, String peopleMet, String content,
			String nextStep, LocalDate nextDate, String createdBy, Instant createdAt) {
	}

	/** Newest first. */
	public List<FollowUp> followUps(long clueId) {
		return jdbc.sql("""
				SELECT id, follow_up_date, kind, people_met, content, next_step, next_date, created_by, created_at
				FROM clue_follow_up WHERE clue_id = :c ORDER BY follow_up_date DESC, id DESC""")
			.param("c", clueId)
			.query((rs, n) -> new FollowUp(rs.getLong(1), rs.getObject(2, LocalDate.class),
					FollowUpKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
					rs.getObject(7, LocalDate.class), rs.getString(8), instant(rs, 9)))
			.list();
	}

	public record Assignment(String kind, String fromUnit, String fromUser, String toUnit, String toUser,
			String reason, String by, Instant at) {

		/**
		 * What happened, as people say it: a hand-over to the first person within the same unit is 指派 even where
		 * older rows stored it as 改派 (they read "改派 自 华龙区 至 华龙区（刘洋）").
		 */
		public String shownKind() {
			boolean firstInUnit = fromUser == null && fromUnit != null && fromUnit.equals(toUnit);
			return "REASSIGN".equals(kind) && firstInUnit ? "ASSIGN" : kind;
		}

		/** Whether the line names where the clue came from: only a reassignment or a return does. */
		public boolean showsFrom() {
			String shown = shownKind();
			return ("REASSIGN".equals(shown) || "RETURN".equals(shown)) && (fromUnit != null || fromUser != null);
		}
	}

	/** Oldest first: the clue's path from unit to unit. */
	public List<Assignment> assignments(long clueId) {
		return jdbc.sql("""
				SELECT h.kind, fu.name, fus.display_name, tu.name, tus.display_name, h.reason,
				       COALESCE(bu.display_name, h.assigned_by), h.assigned_at
				FROM clue_assignment h
				LEFT JOIN app_user bu ON bu.username = h.assigned_by
				LEFT JOIN unit fu ON fu.id = h.from_unit_id
				LEFT JOIN app_user fus ON fus.id = h.from_user_id
				LEFT JOIN unit tu ON tu.id = h.to_unit_id
				LEFT JOIN app_user tus ON tus.id = h.to_user_id
				WHERE h.clue_id = :c ORDER BY h.assigned_at, h.id""")
			.param("c", clueId)
			.query((rs, n) -> new Assignment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), instant(rs, 8)))
			.list();
	}

	/** A merchant that may be the enterprise a clue names: same normalised name. */
	public record Candidate(long id, String name, String uscc) {
	}

	/**
	 * Enterprises of the merchant database whose normalised name equals the clue's (濮阳市某某化工有限公司 and
	 * 某某化工（濮阳）有限公司): offered on the page of a clue not yet linked, for a person to confirm.
	 */
	public List<Candidate> candidates(String enterpriseName) {
		String normalized = EnterpriseNames.normalize(enterpriseName);
		if (normalized == null || normalized.isBlank()) {
			return List.of();
		}
		return jdbc.sql("SELECT id, name, uscc FROM merchant WHERE normalized_name = :n ORDER BY name LIMIT 5")
			.param("n", normalized)
			.query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/**
	 * Enterprises whose name, normalised name or alias contains the text (up to 10, shortest names first), for
	 * linking a clue by hand when the automatic candidates miss it. Merged records are left out.
	 */
	public List<Candidate> searchEnterprises(String text) {
		String like = SqlFilter.contains(text.toLowerCase(java.util.Locale.ROOT));
		String normalized = EnterpriseNames.normalize(text);
		return jdbc.sql("""
				SELECT id, name, uscc FROM merchant
				WHERE merged_into_id IS NULL
				  AND (LOWER(name) LIKE :like ESCAPE '\\' OR normalized_name LIKE :normalized ESCAPE '\\' OR uscc = :text)
				ORDER BY LENGTH(name), name LIMIT 10""")
			.param("like", like)
			.param("normalized", SqlFilter.contains(normalized == null || normalized.isBlank() ? text : normalized))
			.param("text", text.toUpperCase(java.util.Locale.ROOT))
			.query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** What the list may be sorted by; text columns and the status ascend by default, the rest start newest. */
	static final Sorting SORTING = Sorting.of("updated", "title", "c.title", "enterprise", "c.enterprise_name",
			"owner", "u.name", "status", "CASE c.status WHEN 'NEW' THEN 0 WHEN 'FOLLOWING' THEN 1 WHEN 'CONFIRMED' THEN 2 "
					+ "WHEN 'CONVERTED' THEN 3 ELSE 4 END",
			"investment", "c.estimated_investment", "lastFollowUp", "c.last_follow_up_at", "created", "c.created_at",
			"updated", "c.updated_at")
		.ascendingFirst("title", "enterprise", "owner", "status");

	/** The sort the filter asks for (for the column headers). */
	public static Sorting.Sort sort(ClueFilter f) {
		return SORTING.resolve(f.sort(), f.dir());
	}

	SqlFilter where(ClueFilter f, CurrentUser user) {
		SqlFilter where = SqlFilter.where();
		if (user == null) {
			where.nothing();
		}
		else if (user.role() == Role.INTERMEDIARY) {
			// intermediaries only ever get the clues they submitted
			where.and("c.submitted_by_id = :me", "me", user.id().value());
		}
		where.contains("q", f.q(), "c.title", "c.enterprise_name")
			.eq("c.status", "status", f.status())
			.andIf(f.pool(), "c.owner_unit_id IS NULL");
		if (!f.pool()) {
			where.eq("c.owner_unit_id", "unit", f.unitId());
		}
		return where.eq("c.chain_id", "chain", f.chain())
			.eq("c.source", "source", f.source())
			.eq("c.promotion_mode", "mode", f.mode())
			.eq("c.assignee_id", "assignee", f.assignee())
			.andIf(Boolean.TRUE.equals(f.stale()), "c.stale_since IS NOT NULL")
			.andIf(f.openOnly(), "c.status IN ('NEW', 'FOLLOWING', 'CONFIRMED')")
			.andIf(f.unassignedOnly(), "c.assignee_id IS NULL")
			.andIf(f.outsidePositioningOnly(), PositioningSql.outside("c.owner_unit_id", "c.chain_id"))
			.range("CAST(c.created_at AS DATE)", "from", f.from(), "to", f.to());
	}

	private static String orderBy(ClueFilter f) {
		return SORTING.orderBy(sort(f), "c.id");
	}

	private Row mapRow(ResultSet rs, int n) throws SQLException {
		String mode = rs.getString("promotion_mode");
		return new Row(rs.getLong("id"), rs.getString("title"), rs.getString("enterprise_name"),
				rs.getObject("merchant_id", Long.class), rs.getObject("chain_id", Long.class),
				rs.getString("chain_name"), rs.getString("chain_link"), rs.getBigDecimal("estimated_investment"),
				mode == null ? null : PromotionMode.valueOf(mode), ClueSource.valueOf(rs.getString("source")),
				rs.getString("source_credit"), rs.getObject("owner_unit_id", Long.class), rs.getString("owner_name"),
				rs.getObject("assignee_id", Long.class), rs.getString("assignee_name"),
				ClueStatus.valueOf(rs.getString("status")), rs.getObject("last_follow_up_at", LocalDate.class),
				instant(rs, "created_at"), rs.getObject("project_id", Long.class), rs.getString("project_code"),
				instant(rs, "updated_at"), instant(rs, "stale_since"), rs.getBoolean("followed_up"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}
}
