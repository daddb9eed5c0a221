package cn.zhaoshang.service.appeal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import cn.zhaoshang.platform.list.Paging;
import cn.zhaoshang.platform.list.Sorting;
import cn.zhaoshang.platform.list.SqlFilter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read model of appeals. Who reads which appeal is decided once, in {@link AppealScope}.
 * The public reads one appeal's status by its tracking number and nothing else ({@link #publicStatus}).
 */
@Service
public class AppealQueries {

	static final Sorting SORTING = Sorting
		.of("created", "created", "a.created_at", "due", "a.due_at", "enterprise", "a.enterprise_name", "status",
				"a.status")
		.ascendingFirst("due", "enterprise", "status");

	private static final String SELECT = """
			SELECT a.id, a.tracking_no, a.channel, a.category, a.merchant_id, a.enterprise_name, a.contact_name,
			    a.contact, a.project_id, p.code AS project_code, p.name AS project_name, a.content, a.status,
			    a.assigned_unit_id, u.name AS unit_name, a.ack_due_at, a.due_at, a.acknowledged_at, a.answered_at,
			    a.answer, a.answered_by, a.satisfaction, a.escalation_level, a.escalated_at, a.reopen_count, a.version,
			    a.created_at, a.created_by
			FROM appeal a
			LEFT JOIN unit u ON u.id = a.assigned_unit_id
			LEFT JOIN project p ON p.id = a.project_id""";

	/** An appeal as the internal pages and the API show it. */
	public record Row(long id, String trackingNo, AppealChannel channel, AppealCategory category, Long merchantId,
			String enterpriseName, String contactName, String contact, Long projectId, String projectCode,
			String projectName, String content, AppealStatus status, Long assignedUnitId, String unitName,
			Instant ackDueAt, Instant dueAt, Instant acknowledgedAt, Instant answeredAt, String answer,
			String answeredBy, Satisfaction satisfaction, int escalationLevel, Instant escalatedAt, int reopenCount,
			int version, Instant createdAt, String createdBy) {

		/** Whether an answer is owed past its due date at {@code now}. */
		public boolean overdue(Instant now) {
			return status.open() && dueAt.isBefore(now);
		}
	}

	/** What the public may read of an appeal: status, and the answer once given. */
	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
	public record PublicStatus(AppealStatus status, Instant answeredAt, String answer) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	AppealQueries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public static Sorting.Sort sort(AppealFilter f) {
		return SORTING.resolve(f.sort(), f.dir());
	}

	public Paging<Row> list(AppealFilter f, AppealScope scope, int page, int size, boolean clamp) {
		SqlFilter where = where(f, scope);
		long total = jdbc.sql("SELECT COUNT(*) FROM appeal a" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
		return Paging.fetch(total, page, size, clamp, (limit, offset) -> jdbc
			.sql(SELECT + where.sql() + SORTING.orderBy(sort(f), "a.id") + " LIMIT :limit OFFSET :offset")
			.params(where.params())
			.param("limit", limit)
			.param("offset", offset)
			.query(AppealQueries::row)
			.list());
	}

	/** Every appeal of the filter in list order (the export), at most {@code limit}. */
	public java.util.List<Row> all(AppealFilter f, AppealScope scope, int limit) {
		SqlFilter where = where(f, scope);
		return jdbc.sql(SELECT + where.sql() + SORTING.orderBy(sort(f), "a.id") + " LIMIT :limit")
			.params(where.params())
			.param("limit", limit)
			.query(AppealQueries::row)
			.list();
	}

	public Optional<Row> find(long id, AppealScope scope) {
		SqlFilter where = readable(SqlFilter.where(), scope).eq("a.id", "id", id);
		return jdbc.sql(SELECT + where.sql()).params(where.params()).query(AppealQueries::row).optional();
	}

	/** The public tracking answer; nothing about the enterprise, the unit or the people. */
	public Optional<PublicStatus> publicStatus(String trackingNo) {
		if (trackingNo == null || trackingNo.length() > 24) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT status, answered_at, answer FROM appeal WHERE tracking_no = :t")
			.param("t", trackingNo.strip().toUpperCase(java.util.Locale.ROOT))
			.query((rs, n) -> {
				AppealStatus s = AppealStatus.valueOf(rs.getString(1));
				boolean answered = s == AppealStatus.ANSWERED || s == AppealStatus.CLOSED;
				return new PublicStatus(s, answered ? instant(rs.getTimestamp(2)) : null,
						answered ? rs.getString(3) : null);
			})
			.optional();
	}

	private SqlFilter where(AppealFilter f, AppealScope scope) {
		SqlFilter where = readable(SqlFilter.where(), scope)
			.containsIgnoringCase("q", f.q(), "a.tracking_no", "a.enterprise_name", "a.content")
			.eq("a.status", "status", f.status())
			.eq("a.channel", "channel", f.channel())
			.eq("a.category", "category", f.category())
			.eq("a.assigned_unit_id", "unit", f.unit());
		if (Boolean.TRUE.equals(f.overdue())) {
			where.and("a.status IN ('RECEIVED', 'ACKNOWLEDGED', 'REOPENED') AND a.due_at < :now")
				.param("now", Timestamp.from(clock.instant()));
		}
		return where;
	}

	private static SqlFilter readable(SqlFilter where, AppealScope scope) {
		return scope.apply(where);
	}

	static Row row(ResultSet rs, int n) throws SQLException {
		String satisfaction = rs.getString("satisfaction");
		return new Row(rs.getLong("id"), rs.getString("tracking_no"), AppealChannel.valueOf(rs.getString("channel")),
				AppealCategory.valueOf(rs.getString("category")), rs.getObject("merchant_id", Long.class),
				rs.getString("enterprise_name"), rs.getString("contact_name"), rs.getString("contact"),
				rs.getObject("project_id", Long.class), rs.getString("project_code"), rs.getString("project_name"),
				rs.getString("content"), AppealStatus.valueOf(rs.getString("status")),
				rs.getObject("assigned_unit_id", Long.class), rs.getString("unit_name"),
				instant(rs.getTimestamp("ack_due_at")), instant(rs.getTimestamp("due_at")),
				instant(rs.getTimestamp("acknowledged_at")), instant(rs.getTimestamp("answered_at")),
				rs.getString("answer"), rs.getString("answered_by"),
				satisfaction == null ? null : Satisfaction.valueOf(satisfaction), rs.getInt("escalation_level"),
				instant(rs.getTimestamp("escalated_at")), rs.getInt("reopen_count"), rs.getInt("version"),
				instant(rs.getTimestamp("created_at")), rs.getString("created_by"));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
