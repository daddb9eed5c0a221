package cn.zhaoshang.supervision.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.list.Paging;
import cn.zhaoshang.supervision.internal.WeeklyDynamics.Header;
import cn.zhaoshang.supervision.internal.WeeklyDynamics.Item;
import cn.zhaoshang.supervision.internal.WeeklyDynamics.Kind;
import cn.zhaoshang.supervision.internal.WeeklyDynamics.Section;
import cn.zhaoshang.supervision.internal.WeeklyDynamics.Status;
import cn.zhaoshang.supervision.internal.WeeklyDynamics.Week;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code weekly_dynamics} and {@code weekly_dynamics_item}. */
@Repository
public class WeeklyStore {

	private static final String HEADER = """
			SELECT id, week_key, week_start, week_end, status, note, compiled_at, compiled_by, published_at,
			       published_by, version FROM weekly_dynamics""";

	private final JdbcClient jdbc;
	private final UnitDirectory units;

	WeeklyStore(JdbcClient jdbc, UnitDirectory units) {
		this.jdbc = jdbc;
		this.units = units;
	}

	public Optional<Header> header(WeeklyKey key) {
		return jdbc.sql(HEADER + " WHERE week_key = :k").param("k", key.toString()).query(WeeklyStore::header).optional();
	}

	/** One page of weeks, the latest first; only the published ones when {@code publishedOnly}. */
	public Paging<Header> list(boolean publishedOnly, int page, int size) {
		String where = publishedOnly ? " WHERE status = 'PUBLISHED'" : "";
		long total = jdbc.sql("SELECT COUNT(*) FROM weekly_dynamics" + where).query(Long.class).single();
		return Paging.fetch(total, page, size, true, (limit, offset) -> jdbc
			.sql(HEADER + where + " ORDER BY week_start DESC LIMIT :limit OFFSET :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query(WeeklyStore::header)
			.list());
	}

	/** The latest published week, if any. */
	public Optional<Header> latestPublished() {
		return jdbc.sql(HEADER + " WHERE status = 'PUBLISHED' ORDER BY week_start DESC LIMIT 1")
			.query(WeeklyStore::header)
			.optional();
	}

	/** The week with its lines in sections: every active listed unit (empty ones too), then the city pool. */
	public Week week(Header h) {
		List<Item> items = jdbc.sql("""
				SELECT unit_id, kind, ref_id, code, title, from_stage, to_stage, from_status, to_status, item_date,
				       amount, funds_month, share_bp, rounds, end_date, people
				FROM weekly_dynamics_item WHERE weekly_id = :id ORDER BY id""")
			.param("id", h.id())
			.query(WeeklyStore::item)
			.list();
		Map<Long, List<Item>> byUnit = new LinkedHashMap<>();
		List<Item> pool = new ArrayList<>();
		for (Item i : items) {
			if (i.unitId() == null) {
				pool.add(i);
			}
			else {
				byUnit.computeIfAbsent(i.unitId(), u -> new ArrayList<>()).add(i);
			}
		}
		List<Section> sections = new ArrayList<>();
		for (UnitSummary u : units.all()) {
			List<Item> mine = byUnit.remove(u.id().value());
			boolean listed = u.active() && !"INTERMEDIARY".equals(u.type());
			if (mine == null && !listed) {
				continue;
			}
			sections.add(section(u.id().value(), u.name(), mine == null ? List.of() : mine));
		}
		byUnit.forEach((unit, mine) -> sections.add(section(unit, null, mine)));
		if (!pool.isEmpty()) {
			sections.add(section(null, null, pool));
		}
		int clues = 0;
		int moves = 0;
		int stalled = 0;
		int trips = 0;
		BigDecimal funds = BigDecimal.ZERO.setScale(2);
		for (Section s : sections) {
			clues += s.clues().size();
			moves += s.moves().size();
			stalled += s.stalled().size();
			trips += s.trips().size();
			funds = funds.add(s.fundsTotal());
		}
		return new Week(h, sections, clues, moves, funds, stalled, trips);
	}

	private static Section section(Long unit, String name, List<Item> items) {
		List<Item> clues = items.stream().filter(i -> i.kind() == Kind.CLUE).toList();
		List<Item> moves = items.stream().filter(i -> i.kind() == Kind.MOVE).toList();
		List<Item> funds = items.stream().filter(i -> i.kind() == Kind.FUNDS).toList();
		List<Item> stalled = items.stream().filter(i -> i.kind() == Kind.STALLED).toList();
		List<Item> trips = items.stream().filter(i -> i.kind() == Kind.TRIP).toList();
		BigDecimal total = funds.stream().map(Item::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
		return new Section(unit, name, clues, moves, funds, stalled, total, trips);
	}

	/** Creates the week as a draft, or replaces a draft's lines; answers its id. */
	long saveCompiled(WeeklyKey key, List<Item> items, Instant at, String by) {
		OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
		Optional<Header> existing = header(key);
		long id;
		if (existing.isPresent()) {
			id = existing.get().id();
			jdbc.sql("DELETE FROM weekly_dynamics_item WHERE weekly_id = :id").param("id", id).update();
			jdbc.sql("""
					UPDATE weekly_dynamics SET compiled_at = :at, compiled_by = :by, version = version + 1
					WHERE id = :id AND status = 'DRAFT'""")
				.param("at", when)
				.param("by", by)
				.param("id", id)
				.update();
		}
		else {
			jdbc.sql("""
					INSERT INTO weekly_dynamics (week_key, week_start, week_end, status, compiled_at, compiled_by)
					VALUES (:k, :s, :e, 'DRAFT', :at, :by)""")
				.param("k", key.toString())
				.param("s", key.start())
				.param("e", key.end())
				.param("at", when)
				.param("by", by)
				.update();
			id = header(key).orElseThrow().id();
		}
		for (Item i : items) {
			jdbc.sql("""
					INSERT INTO weekly_dynamics_item (weekly_id, unit_id, kind, ref_id, code, title, from_stage,
					    to_stage, from_status, to_status, item_date, amount, funds_month, share_bp, rounds, end_date, people)
					VALUES (:w, :u, :kind, :ref, :code, :title, :fs, :ts, :fst, :tst, :d, :amount, :fm, :bp, :rounds,
					    :end, :people)""")
				.param("w", id)
				.param("u", i.unitId())
				.param("kind", i.kind().name())
				.param("ref", i.refId())
				.param("code", i.code())
				.param("title", i.title().length() > 200 ? i.title().substring(0, 200) : i.title())
				.param("fs", i.fromStage())
				.param("ts", i.toStage())
				.param("fst", i.fromStatus())
				.param("tst", i.toStatus())
				.param("d", i.date())
				.param("amount", i.amount())
				.param("fm", i.fundsMonth())
				.param("bp", i.shareBp())
				.param("rounds", i.rounds())
				.param("end", i.endDate())
				.param("people", i.people() == null || i.people().length() <= 400 ? i.people() : i.people().substring(0, 400))
				.update();
		}
		return id;
	}

	/** Sets the note (and publishes when asked) at the version read; a stale version is refused. */
	void update(long id, String note, int version, boolean publish, Instant at, String by) {
		String set = publish
				? "note = :note, version = version + 1, status = 'PUBLISHED', published_at = :at, published_by = :by"
				: "note = :note, version = version + 1";
		var statement = jdbc
			.sql("UPDATE weekly_dynamics SET " + set + " WHERE id = :id AND version = :version AND status = 'DRAFT'")
			.param("note", note)
			.param("id", id)
			.param("version", version);
		if (publish) {
			statement = statement.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("by", by);
		}
		int changed = statement.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("weekly dynamics " + id + " changed since version " + version);
		}
	}

	private static Header header(ResultSet rs, int n) throws SQLException {
		OffsetDateTime published = rs.getObject("published_at", OffsetDateTime.class);
		return new Header(rs.getLong("id"), rs.getString("week_key"), rs.getObject("week_start", LocalDate.class),
				rs.getObject("week_end", LocalDate.class), Status.valueOf(rs.getString("status")), rs.getString("note"),
				rs.getObject("compiled_at", OffsetDateTime.class).toInstant(), rs.getString("compiled_by"),
				published == null ? null : published.toInstant(), rs.getString("published_by"), rs.getInt("version"));
	}

	private static Item item(ResultSet rs, int n) throws SQLException {
		long unit = rs.getLong("unit_id");
		Long unitId = rs.wasNull() ? null : unit;
		return new Item(unitId, Kind.valueOf(rs.getString("kind")), rs.getLong("ref_id"), rs.getString("code"),
				rs.getString("title"), rs.getString("from_stage"), rs.getString("to_stage"), rs.getString("from_status"),
				rs.getString("to_status"), rs.getObject("item_date", LocalDate.class), rs.getBigDecimal("amount"),
				rs.getObject("funds_month", LocalDate.class), (Integer) rs.getObject("share_bp"),
				(Integer) rs.getObject("rounds"), rs.getObject("end_date", LocalDate.class), rs.getString("people"));
	}
}
