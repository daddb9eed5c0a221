package cn.zhaoshang.audit.internal;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.zhaoshang.platform.HistoryEntry;
import cn.zhaoshang.platform.HistoryEntry.FieldChange;
import cn.zhaoshang.platform.RecordChanged;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.RecordsChanged;
import cn.zhaoshang.platform.list.Paging;
import cn.zhaoshang.platform.list.SqlFilter;

import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every {@link RecordChanged} (alone, or in a {@link RecordsChanged} batch) as one row, in the writer's transaction (a synchronous listener, so a change
 * never commits without its audit row), and reads rows back, readable ({@link HistoryReader}), for the admin search
 * and for record pages.
 */
@Service
public class AuditTrail implements RecordHistory {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JdbcOperations batch;
	private final JsonMapper json;
	private final HistoryReader reader;

	AuditTrail(JdbcClient jdbc, JdbcOperations batch, JsonMapper json, HistoryReader reader) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.json = json;
		this.reader = reader;
	}

	private static final String INSERT = """
			INSERT INTO audit_entry (occurred_at, actor, actor_id, remote_addr, record_type, record_id, action,
			                         summary, before_json, after_json)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	/** Rows per JDBC batch: large enough to save the round trips, small enough to bound the driver's buffers. */
	private static final int BATCH = 1000;

	/** Appends the change as one row of the trail, in the writer's transaction. */
	@EventListener
	@Transactional(propagation = Propagation.REQUIRED)
	public void on(RecordChanged e) {
		jdbc.sql(INSERT).params(values(e)).update();
	}

	/**
	 * Appends every change of a batch as its own row, the same row {@link #on(RecordChanged)} writes, with JDBC
	 * batches of a thousand, in the writer's transaction.
	 */
	@EventListener
	@Transactional(propagation = Propagation.REQUIRED)
	public void on(RecordsChanged e) {
		List<RecordChanged> all = e.changes();
		for (int from = 0; from < all.size(); from += BATCH) {
			List<Object[]> rows = all.subList(from, Math.min(all.size(), from + BATCH))
				.stream()
				.map(c -> values(c).toArray())
				.toList();
			batch.batchUpdate(INSERT, rows, TYPES);
		}
	}

	/** Every column typed, so the driver never asks the database what a null is. */
	private static final int[] TYPES = { Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.BIGINT, Types.VARCHAR,
			Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR };

	private List<Object> values(RecordChanged e) {
		// Texts are cut to their column's length: some come from outside (the user name typed on the sign-in
		// form), and an over-long one must not turn a refused sign-in into a server error or leave it unrecorded.
		return java.util.Arrays.asList(e.at().atOffset(ZoneOffset.UTC), truncate(e.actor(), 50), e.actorId(),
				truncate(e.remoteAddress(), 64), e.recordType(), truncate(e.recordId(), 64), e.action(),
				truncate(e.summary(), 200), e.before().isEmpty() ? null : json.writeValueAsString(e.before()),
				e.after().isEmpty() ? null : json.writeValueAsString(e.after()));
	}

	/** One stored row, as people read it: the actor's name beside the sign-in name, names and labels for values. */
	public record Entry(long id, Instant at, String actor, String actorName, String remoteAddress, String recordType,
			String recordId, String action, String summary, List<FieldChange> changes) {
	}

	/** Search criteria of the admin page; blank means any. */
	public record Criteria(String actor, String recordType, String recordId, String action, Instant from,
			Instant to) {
	}

	/**
	 * A page of the trail (1-based), newest first, readable in the request's language; past the last page it is
	 * empty.
	 */
	public Paging<Entry> search(Criteria c, int page, int size) {
		SqlFilter where = SqlFilter.where()
			.eq("actor", "actor", c.actor())
			.eq("record_type", "type", c.recordType())
			.eq("record_id", "rid", c.recordId())
			.eq("action", "action", c.action())
			.and("occurred_at >= :from", "from", c.from() == null ? null : c.from().atOffset(ZoneOffset.UTC))
			// the upper bound is exclusive: the caller passes the start of the day after the last one
			.and("occurred_at < :to", "to", c.to() == null ? null : c.to().atOffset(ZoneOffset.UTC));
		long total = jdbc.sql("SELECT COUNT(*) FROM audit_entry" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
		return Paging.fetch(total, page, size, false, (limit, offset) -> readable(jdbc
			.sql("SELECT * FROM audit_entry" + where.sql()
					+ " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
			.params(where.params())
			.param("limit", limit)
			.param("offset", offset)
			.query(this::raw)
			.list()));
	}

	private HistoryReader.Raw raw(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		String before = rs.getString("before_json");
		String after = rs.getString("after_json");
		return new HistoryReader.Raw(rs.getLong("id"),
				rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("actor"),
				rs.getString("remote_addr"), rs.getString("record_type"), rs.getString("record_id"),
				rs.getString("action"), rs.getString("summary"), before == null ? Map.of() : json.readValue(before, MAP),
				after == null ? Map.of() : json.readValue(after, MAP));
	}

	private List<Entry> readable(List<HistoryReader.Raw> rows) {
		return reader.read(rows, readerLocale())
			.stream()
			.map(r -> new Entry(r.raw().id(), r.raw().at(), r.raw().actor(), r.actorName(), r.remoteAddress(),
					r.raw().recordType(), r.raw().recordId(), r.raw().action(), r.raw().summary(), r.changes()))
			.toList();
	}

	/** The language of the page being rendered, as the layout resolves it (the user's choice), else the default. */
	private static Locale readerLocale() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return RequestContextUtils.getLocale(attributes.getRequest());
		}
		return LocaleContextHolder.getLocale();
	}

	public List<String> recordTypes() {
		return jdbc.sql("SELECT DISTINCT record_type FROM audit_entry ORDER BY record_type").query(String.class).list();
	}

	public List<String> actions() {
		return jdbc.sql("SELECT DISTINCT action FROM audit_entry ORDER BY action").query(String.class).list();
	}

	@Override
	public List<HistoryEntry> of(String recordType, Object recordId) {
		return search(new Criteria(null, recordType, String.valueOf(recordId), null, null, null), 1, LIMIT).items()
			.stream()
			.map(AuditTrail::entry)
			.toList();
	}

	@Override
	public List<HistoryEntry> of(String recordType, Object recordId, String partType, Collection<?> partIds) {
		if (partIds == null || partIds.isEmpty()) {
			return of(recordType, recordId);
		}
		List<HistoryReader.Raw> rows = jdbc.sql("""
				SELECT * FROM audit_entry
				WHERE (record_type = :type AND record_id = :id) OR (record_type = :partType AND record_id IN (:parts))
				ORDER BY occurred_at DESC, id DESC LIMIT :limit""")
			.param("type", recordType)
			.param("id", String.valueOf(recordId))
			.param("partType", partType)
			.param("parts", partIds.stream().map(String::valueOf).toList())
			.param("limit", LIMIT)
			.query(this::raw)
			.list();
		return readable(rows).stream().map(AuditTrail::entry).toList();
	}

	/** The most rows a record page shows. */
	private static final int LIMIT = 200;

	private static HistoryEntry entry(Entry e) {
		return new HistoryEntry(e.at(), e.actor(), e.actorName(), e.remoteAddress(), e.recordType(), e.action(),
				e.summary(), e.changes());
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
