package cn.zhaoshang.merchant.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.merchant.EnterpriseNames;
import cn.zhaoshang.merchant.MerchantId;
import cn.zhaoshang.merchant.MerchantLinks;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging a duplicate record into the one that stays, and undoing it (issue 4, ADR 0004). Administrators only.
 * <p>
 * A merge, in one transaction: every {@link MerchantLinks} provider moves its records (projects, clues …) from the
 * absorbed record to the survivor; the absorbed record's contacts and aliases move too; its name becomes an alias of
 * the survivor (so that the duplicate check and the search find the survivor under it); the absorbed record is kept
 * but marked merged, which hides it from lists and points its page to the survivor. What moved is stored per kind
 * with the merge, so that undoing it moves back exactly those records and restores the absorbed record.
 */
@Service
public class MerchantMerges {

	static final String CONTACT = "contact";
	static final String ALIAS = "alias";
	static final String MERGED_NAME = "mergedName";

	private final JdbcClient jdbc;
	private final List<MerchantLinks> links;
	private final MerchantReader reader;
	private final Auditor auditor;
	private final java.time.Clock clock;

	MerchantMerges(JdbcClient jdbc, List<MerchantLinks> links, MerchantReader reader, Auditor auditor,
			java.time.Clock clock) {
		this.jdbc = jdbc;
		this.links = links;
		this.reader = reader;
		this.auditor = auditor;
		this.clock = clock;
	}

	/** A stored merge, with the number of records moved per kind. */
	public record Merge(long id, long survivorId, String survivorName, long absorbedId, String absorbedName,
			String mergedBy, Instant mergedAt, String undoneBy, Instant undoneAt, Map<String, Integer> moved) {

		public boolean undone() {
			return undoneAt != null;
		}
	}

	@Transactional
	public long merge(long survivorId, long absorbedId, CurrentUser user) {
		requireAdmin(user);
		if (survivorId == absorbedId) {
			throw new BusinessException("merchant.merge.same");
		}
		MerchantRecord survivor = reader.get(survivorId);
		MerchantRecord absorbed = reader.get(absorbedId);
		if (survivor.merged() || absorbed.merged()) {
			throw new BusinessException(409, "merchant.merge.alreadyMerged");
		}
		var now = clock.instant().atOffset(ZoneOffset.UTC);
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO merchant_merge (survivor_id, absorbed_id, merged_by, merged_at)
				VALUES (:survivor, :absorbed, :by, :now)""")
			.param("survivor", survivorId)
			.param("absorbed", absorbedId)
			.param("by", user.getUsername())
			.param("now", now)
			.update(keys, "id");
		long mergeId = keys.getKey().longValue();
		Map<String, Integer> moved = new LinkedHashMap<>();
		for (MerchantLinks provider : links) {
			List<Long> ids;
			try {
				ids = provider.move(new MerchantId(absorbedId), new MerchantId(survivorId));
			}
			catch (org.springframework.dao.DataIntegrityViolationException e) {
				// e.g. both have a project of the same name: the transaction rolls back, nothing is merged
				throw new BusinessException(409, "merchant.merge.conflict", provider.kind());
			}
			items(mergeId, provider.kind(), ids);
			moved.put(provider.kind(), ids.size());
		}
		moved.put(CONTACT, moveRows("merchant_contact", mergeId, CONTACT, absorbedId, survivorId));
		moved.put(ALIAS, moveRows("merchant_alias", mergeId, ALIAS, absorbedId, survivorId));
		var aliasKey = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO merchant_alias (merchant_id, name, normalized_name, kind)
				VALUES (:survivor, :name, :normalized, 'MERGED')""")
			.param("survivor", survivorId)
			.param("name", absorbed.name())
			.param("normalized", EnterpriseNames.normalize(absorbed.name()))
			.update(aliasKey, "id");
		items(mergeId, MERGED_NAME, List.of(aliasKey.getKey().longValue()));
		jdbc.sql("""
				UPDATE merchant SET merged_into_id = :survivor, version = version + 1, updated_at = :now
				WHERE id = :absorbed""")
			.param("survivor", survivorId)
			.param("absorbed", absorbedId)
			.param("now", now)
			.update();
		touch(survivorId, now);
		Map<String, Object> what = new LinkedHashMap<>();
		what.put("absorbed", absorbed.name() + " (" + absorbedId + ")");
		moved.forEach((kind, count) -> what.put("moved." + kind, count));
		auditor.recordAll(List.of(
				new Auditor.Change("merchant", survivorId, "MERGE", survivor.name(), Map.of(), what),
				new Auditor.Change("merchant", absorbedId, "MERGED_INTO", absorbed.name(), Map.of(),
						Map.of("survivor", survivor.name() + " (" + survivorId + ")")),
				new Auditor.Change("merchant_merge", mergeId, "CREATE", absorbed.name() + " → " + survivor.name(),
						Map.of(), what)));
		return mergeId;
	}

	@Transactional
	public void undo(long mergeId, CurrentUser user) {
		requireAdmin(user);
		Merge merge = find(mergeId);
		if (merge.undone()) {
			throw new BusinessException(409, "merchant.merge.alreadyUndone");
		}
		MerchantRecord survivor = reader.get(merge.survivorId());
		MerchantRecord absorbed = reader.get(merge.absorbedId());
		if (survivor.merged() || absorbed.mergedIntoId() == null || absorbed.mergedIntoId() != merge.survivorId()) {
			// the survivor was itself merged since: undo that merge first, or the links would go astray
			throw new BusinessException(409, "merchant.merge.undoOrder");
		}
		Map<String, List<Long>> items = items(mergeId);
		var absorbedId = new MerchantId(merge.absorbedId());
		for (MerchantLinks provider : links) {
			List<Long> ids = items.getOrDefault(provider.kind(), List.of());
			if (!ids.isEmpty()) {
				provider.moveBack(ids, absorbedId);
			}
		}
		moveBack("merchant_contact", items.getOrDefault(CONTACT, List.of()), merge.survivorId(), merge.absorbedId());
		moveBack("merchant_alias", items.getOrDefault(ALIAS, List.of()), merge.survivorId(), merge.absorbedId());
		for (Long alias : items.getOrDefault(MERGED_NAME, List.of())) {
			jdbc.sql("DELETE FROM merchant_alias WHERE id = :id").param("id", alias).update();
		}
		var now = clock.instant().atOffset(ZoneOffset.UTC);
		jdbc.sql("UPDATE merchant SET merged_into_id = NULL, version = version + 1, updated_at = :now WHERE id = :id")
			.param("id", merge.absorbedId())
			.param("now", now)
			.update();
		touch(merge.survivorId(), now);
		jdbc.sql("UPDATE merchant_merge SET undone_by = :by, undone_at = :now WHERE id = :id")
			.param("by", user.getUsername())
			.param("now", now)
			.param("id", mergeId)
			.update();
		Map<String, Object> what = new LinkedHashMap<>();
		what.put("absorbed", absorbed.name() + " (" + merge.absorbedId() + ")");
		items.forEach((kind, ids) -> what.put("moved." + kind, ids.size()));
		auditor.recordAll(List.of(
				new Auditor.Change("merchant", merge.survivorId(), "UNMERGE", survivor.name(), what, Map.of()),
				new Auditor.Change("merchant", merge.absorbedId(), "UNMERGE", absorbed.name(),
						Map.of("survivor", survivor.name() + " (" + merge.survivorId() + ")"), Map.of()),
				new Auditor.Change("merchant_merge", mergeId, "UNMERGE", absorbed.name() + " → " + survivor.name(),
						what, Map.of())));
	}

	/** The merges in which the enterprise took part, as survivor or absorbed, newest first. */
	public List<Merge> of(long merchantId) {
		List<Long> ids = jdbc.sql("""
				SELECT id FROM merchant_merge WHERE survivor_id = :id OR absorbed_id = :id ORDER BY id DESC""")
			.param("id", merchantId)
			.query(Long.class)
			.list();
		return ids.stream().map(this::find).toList();
	}

	public Merge find(long mergeId) {
		var merge = jdbc.sql("""
				SELECT g.id, g.survivor_id, s.name, g.absorbed_id, a.name, g.merged_by, g.merged_at, g.undone_by,
				       g.undone_at
				FROM merchant_merge g JOIN merchant s ON s.id = g.survivor_id JOIN merchant a ON a.id = g.absorbed_id
				WHERE g.id = :id""")
			.param("id", mergeId)
			.query((rs, n) -> new Merge(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
					rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
					rs.getString(8), rs.getObject(9, OffsetDateTime.class) == null ? null
							: rs.getObject(9, OffsetDateTime.class).toInstant(),
					new LinkedHashMap<>()))
			.optional()
			.orElseThrow(cn.zhaoshang.platform.NotFoundException::new);
		items(mergeId).forEach((kind, ids) -> merge.moved().put(kind, ids.size()));
		return merge;
	}

	private Map<String, List<Long>> items(long mergeId) {
		Map<String, List<Long>> items = new LinkedHashMap<>();
		jdbc.sql("SELECT kind, record_id FROM merchant_merge_item WHERE merge_id = :id ORDER BY kind, record_id")
			.param("id", mergeId)
			.query((rs, n) -> items.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2)))
			.list();
		return items;
	}

	private void items(long mergeId, String kind, List<Long> ids) {
		for (Long id : ids) {
			jdbc.sql("INSERT INTO merchant_merge_item (merge_id, kind, record_id) VALUES (:merge, :kind, :id)")
				.param("merge", mergeId)
				.param("kind", kind)
				.param("id", id)
				.update();
		}
	}

	/** Moves a child table's rows (contacts, aliases) to the survivor and records their ids. */
	private int moveRows(String table, long mergeId, String kind, long from, long into) {
		String filter = table.equals("merchant_alias") ? " AND kind <> 'MERGED'" : "";
		List<Long> ids = jdbc.sql("SELECT id FROM " + table + " WHERE merchant_id = :from" + filter + " ORDER BY id")
			.param("from", from)
			.query(Long.class)
			.list();
		if (!ids.isEmpty()) {
			jdbc.sql("UPDATE " + table + " SET merchant_id = :into WHERE id IN (:ids)")
				.param("into", into)
				.param("ids", ids)
				.update();
		}
		items(mergeId, kind, ids);
		return ids.size();
	}

	/** Puts rows back on the absorbed record; rows deleted or moved elsewhere since stay where they are. */
	private void moveBack(String table, List<Long> ids, long survivor, long absorbed) {
		if (!ids.isEmpty()) {
			jdbc.sql("UPDATE " + table + " SET merchant_id = :absorbed WHERE merchant_id = :survivor AND id IN (:ids)")
				.param("absorbed", absorbed)
				.param("survivor", survivor)
				.param("ids", ids)
				.update();
		}
	}

	private void touch(long id, OffsetDateTime now) {
		jdbc.sql("UPDATE merchant SET version = version + 1, updated_at = :now WHERE id = :id")
			.param("id", id)
			.param("now", now)
			.update();
	}

	private static void requireAdmin(CurrentUser user) {
		if (user == null || user.role() != Role.ADMIN) {
			throw new BusinessException(403, "error.forbidden");
		}
	}
}
