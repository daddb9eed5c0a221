package cn.zhaoshang.merchant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.UnitId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one way for a downstream module to let its plain-SQL links to an enterprise follow a merge: moved when an
 * administrator merges two enterprise records and moved back exactly when the merge is undone (issue 13). A module
 * describes each kind of link by a {@link Spec} and declares the bean itself (activity: events, trips, joint teams,
 * team logs; service: service days, their problems, appeals). A kind with a {@link Spec#listed} statement is also a
 * card of the enterprise's page for internal users (restricted further by a read rule when one is given); the
 * merge's own history counts them all per kind.
 * <p>
 * Three shapes of link:
 * <ul>
 * <li>a column of the record itself ({@code team_log.merchant_id}, {@code joint_team.anchor_merchant_id}): every
 * record moves; the ids returned are the records';</li>
 * <li>a column of rows a record owns ({@code service_day_problem.merchant_id} of a {@code service_day}): every row
 * moves, two rows may name the same enterprise; the ids returned are the rows', the owning record is versioned and
 * audited;</li>
 * <li>a link table with one row per record and enterprise ({@code activity_event_merchant}, {@code trip_merchant},
 * {@code joint_team_target}): a record linked to the absorbed enterprise only moves its link (its id returned as is);
 * a record linked to both — or, for a joint team's target, anchored at the survivor — would hold the survivor twice,
 * so its link to the absorbed enterprise is dropped (returned negative, with the value of the link's extra column,
 * e.g. a target's direction, encoded as {@code -(record × values + index)}), and undoing the merge puts it back.</li>
 * </ul>
 * Every record touched is audited on its own history ({@code MERGE}, then {@code UNMERGE}: 关联客商 absorbed →
 * survivor) and its version moves on, so that an edit form opened before the merge does not put the old enterprise
 * back.
 */
public final class MergedMerchantLinks implements MerchantLinks {

	/** A kind of link: where it is stored and how its record is named in the audit trail. */
	public record Spec(String kind, String recordType, String recordTable, String summaryColumn, String linkTable,
			String recordColumn, String merchantColumn, String extraColumn, List<String> extraValues,
			String alsoLinkedSql, String listSql, String statusPrefix, String pathPrefix, boolean ownedRows) {

		/**
		 * The same kind listed on the enterprise's page for internal users: {@code listSql} selects id, title,
		 * status value, unit id and date of the records linked to {@code :merchant}, newest first, at most
		 * {@code :limit}; the status reads through {@code statusPrefix}, the record opens at {@code pathPrefix + id}.
		 */
		public Spec listed(String sql, String status, String path) {
			return new Spec(kind, recordType, recordTable, summaryColumn, linkTable, recordColumn, merchantColumn,
					extraColumn, extraValues, alsoLinkedSql, sql, status, path, ownedRows);
		}

		/** A column of the record itself. */
		public static Spec column(String kind, String recordType, String table, String summaryColumn,
				String merchantColumn) {
			return new Spec(kind, recordType, table, summaryColumn, null, "id", merchantColumn, null, List.of(), null,
					null, null, null, false);
		}

		/**
		 * A {@code merchant_id} column of rows ({@code rowTable}, keyed by {@code id}) that a record owns through
		 * {@code ownerColumn}: each row moves on its own, nothing collapses.
		 */
		public static Spec ownedRows(String kind, String recordType, String recordTable, String summaryColumn,
				String rowTable, String ownerColumn) {
			return new Spec(kind, recordType, recordTable, summaryColumn, rowTable, ownerColumn, "merchant_id", null,
					List.of(), null, null, null, null, true);
		}

		/**
		 * A link table; {@code alsoLinkedSql}, when given, selects further records (as {@code :into} for the
		 * survivor) that hold the survivor in another way and must not gain it as a link too.
		 */
		public static Spec table(String kind, String recordType, String recordTable, String summaryColumn,
				String linkTable, String recordColumn, String extraColumn, List<String> extraValues,
				String alsoLinkedSql) {
			return new Spec(kind, recordType, recordTable, summaryColumn, linkTable, recordColumn, "merchant_id",
					extraColumn, extraValues, alsoLinkedSql, null, null, null, false);
		}

		int base() {
			return Math.max(1, extraValues.size());
		}
	}

	static final String FIELD = "merchantId";

	private final JdbcClient jdbc;
	private final Auditor auditor;
	private final Spec spec;

	private final BiPredicate<CurrentUser, UnitId> canRead;

	/** Listed records (if any) are shown to every internal user. */
	public MergedMerchantLinks(JdbcClient jdbc, Auditor auditor, Spec spec) {
		this(jdbc, auditor, spec, (user, unit) -> true);
	}

	/** Listed records are shown to internal users for whom {@code canRead} accepts the record's unit. */
	public MergedMerchantLinks(JdbcClient jdbc, Auditor auditor, Spec spec, BiPredicate<CurrentUser, UnitId> canRead) {
		this.jdbc = jdbc;
		this.auditor = auditor;
		this.spec = spec;
		this.canRead = canRead;
	}

	@Override
	public String kind() {
		return spec.kind();
	}

	@Override
	public boolean listed() {
		return spec.listSql() != null;
	}

	/**
	 * These records are for internal users (intermediaries and the public never read them); the statement reads a
	 * few more than asked so that the read rule leaves enough.
	 */
	@Override
	public List<MerchantLink> linksOf(MerchantId merchant, CurrentUser user, int limit) {
		if (spec.listSql() == null || user == null || !user.role().isInternal()) {
			return List.of();
		}
		return jdbc.sql(spec.listSql())
			.param("merchant", merchant.value())
			.param("limit", limit * 4)
			.query((rs, n) -> new MerchantLink(kind(), rs.getLong(1), rs.getString(2), spec.statusPrefix()
					+ rs.getString(3), new UnitId(rs.getLong(4)), rs.getObject(5, java.time.LocalDate.class),
					spec.pathPrefix() + rs.getLong(1)))
			.list()
			.stream()
			.filter(l -> canRead.test(user, l.unit()))
			.limit(limit)
			.toList();
	}

	@Override
	public Set<UnitId> unitsPursuing(MerchantId merchant) {
		return Set.of();
	}

	@Override
	public List<Long> move(MerchantId from, MerchantId into) {
		if (spec.ownedRows()) {
			List<Long> rows = recordsOf(spec.linkTable(), "id", "merchant_id", from);
			setMerchant(spec.linkTable(), "id", rows, from, into);
			touch(owners(rows), from, into, "MERGE");
			return rows;
		}
		if (spec.linkTable() == null) {
			List<Long> ids = recordsOf(spec.recordTable(), "id", spec.merchantColumn(), from);
			setMerchant(spec.recordTable(), "id", ids, from, into);
			touch(ids, from, into, "MERGE");
			return ids;
		}
		List<Long> linked = recordsOf(spec.linkTable(), spec.recordColumn(), "merchant_id", from);
		List<Long> both = new ArrayList<>(recordsOf(spec.linkTable(), spec.recordColumn(), "merchant_id", into));
		if (spec.alsoLinkedSql() != null) {
			both.addAll(jdbc.sql(spec.alsoLinkedSql()).param("into", into.value()).query(Long.class).list());
		}
		List<Long> moved = linked.stream().filter(id -> !both.contains(id)).toList();
		List<Long> dropped = linked.stream().filter(both::contains).toList();
		setMerchant(spec.linkTable(), spec.recordColumn(), moved, from, into);
		List<Long> result = new ArrayList<>(moved);
		for (Long record : dropped) {
			int index = 0;
			if (spec.extraColumn() != null) {
				String value = jdbc.sql("SELECT " + spec.extraColumn() + " FROM " + spec.linkTable() + " WHERE "
						+ spec.recordColumn() + " = :r AND merchant_id = :m")
					.param("r", record)
					.param("m", from.value())
					.query(String.class)
					.single();
				index = spec.extraValues().indexOf(value);
			}
			result.add(-(record * spec.base() + index));
		}
		if (!dropped.isEmpty()) {
			jdbc.sql("DELETE FROM " + spec.linkTable() + " WHERE merchant_id = :m AND " + spec.recordColumn()
					+ " IN (:ids)")
				.param("m", from.value())
				.param("ids", dropped)
				.update();
		}
		touch(linked, from, into, "MERGE");
		return result;
	}

	@Override
	public void moveBack(List<Long> ids, MerchantId from) {
		// called while the absorbed record still points at the survivor (MerchantMerges undoes that afterwards)
		Long survivor = jdbc.sql("SELECT merged_into_id FROM merchant WHERE id = :id")
			.param("id", from.value())
			.query(Long.class)
			.optional()
			.orElse(null);
		if (survivor == null) {
			return;
		}
		MerchantId into = new MerchantId(survivor);
		if (spec.ownedRows()) {
			setMerchant(spec.linkTable(), "id", ids, into, from);
			touch(owners(ids), into, from, "UNMERGE");
			return;
		}
		List<Long> moved = ids.stream().filter(id -> id > 0).toList();
		List<Long> records = new ArrayList<>(moved);
		if (spec.linkTable() == null) {
			setMerchant(spec.recordTable(), "id", moved, into, from);
		}
		else {
			setMerchant(spec.linkTable(), spec.recordColumn(), moved, into, from);
			for (Long id : ids) {
				if (id < 0) {
					long record = -id / spec.base();
					int index = (int) (-id % spec.base());
					restore(record, index, from);
					records.add(record);
				}
			}
		}
		touch(records, into, from, "UNMERGE");
	}

	private void restore(long record, int index, MerchantId from) {
		boolean exists = jdbc.sql("SELECT COUNT(*) FROM " + spec.recordTable() + " WHERE id = :r")
			.param("r", record)
			.query(Long.class)
			.single() > 0;
		if (!exists) {
			return;
		}
		if (spec.extraColumn() == null) {
			jdbc.sql("INSERT INTO " + spec.linkTable() + " (" + spec.recordColumn() + ", merchant_id) VALUES (:r, :m)")
				.param("r", record)
				.param("m", from.value())
				.update();
		}
		else {
			jdbc.sql("INSERT INTO " + spec.linkTable() + " (" + spec.recordColumn() + ", merchant_id, "
					+ spec.extraColumn() + ") VALUES (:r, :m, :x)")
				.param("r", record)
				.param("m", from.value())
				.param("x", spec.extraValues().get(index))
				.update();
		}
	}

	/** The records owning these rows (a shape of {@link Spec#ownedRows}). */
	private List<Long> owners(List<Long> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT DISTINCT " + spec.recordColumn() + " FROM " + spec.linkTable() + " WHERE id IN (:ids)"
				+ " ORDER BY " + spec.recordColumn())
			.param("ids", rows)
			.query(Long.class)
			.list();
	}

	private List<Long> recordsOf(String table, String recordColumn, String merchantColumn, MerchantId merchant) {
		return jdbc.sql("SELECT " + recordColumn + " FROM " + table + " WHERE " + merchantColumn + " = :m ORDER BY "
				+ recordColumn)
			.param("m", merchant.value())
			.query(Long.class)
			.list();
	}

	private void setMerchant(String table, String recordColumn, List<Long> records, MerchantId from, MerchantId to) {
		if (!records.isEmpty()) {
			String column = spec.linkTable() == null ? spec.merchantColumn() : "merchant_id";
			jdbc.sql("UPDATE " + table + " SET " + column + " = :to WHERE " + column + " = :from AND " + recordColumn
					+ " IN (:ids)")
				.param("to", to.value())
				.param("from", from.value())
				.param("ids", records)
				.update();
		}
	}

	/** Moves the records' versions on and writes one history line on each: 关联客商 before → after. */
	private void touch(List<Long> records, MerchantId before, MerchantId after, String action) {
		if (records.isEmpty()) {
			return;
		}
		jdbc.sql("UPDATE " + spec.recordTable() + " SET version = version + 1 WHERE id IN (:ids)")
			.param("ids", records)
			.update();
		Map<Long, String> names = new LinkedHashMap<>();
		jdbc.sql("SELECT id, " + spec.summaryColumn() + " FROM " + spec.recordTable() + " WHERE id IN (:ids)")
			.param("ids", records)
			.query((rs, n) -> names.put(rs.getLong(1), abbreviate(rs.getString(2))))
			.list();
		List<Auditor.Change> changes = new ArrayList<>();
		for (Long record : records) {
			changes.add(new Auditor.Change(spec.recordType(), record, action, names.getOrDefault(record, ""),
					Map.of(FIELD, before.value()), Map.of(FIELD, after.value())));
		}
		auditor.recordAll(changes);
	}

	private static String abbreviate(String summary) {
		return summary == null || summary.length() <= 200 ? summary : summary.substring(0, 200);
	}
}
