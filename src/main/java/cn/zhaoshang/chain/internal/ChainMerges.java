package cn.zhaoshang.chain.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhaoshang.chain.ChainEnterprise;
import cn.zhaoshang.chain.ChainEnterpriseMoves;
import cn.zhaoshang.platform.Auditor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Local enterprises and targets following an enterprise merge (see {@link ChainEnterpriseMoves} for the rules). Runs
 * inside the merge's transaction; plain SQL on the chain's own tables, the parked rows marked by
 * {@code merged_into_id} (V45) and hidden by {@link ChainStore}'s reads.
 */
@Service
class ChainMerges implements ChainEnterpriseMoves {

	static final String FIELD = "merchantId";

	private final JdbcClient jdbc;
	private final Enterprises enterprises;
	private final Auditor auditor;
	private final Clock clock;

	ChainMerges(JdbcClient jdbc, Enterprises enterprises, Auditor auditor, Clock clock) {
		this.jdbc = jdbc;
		this.enterprises = enterprises;
		this.auditor = auditor;
		this.clock = clock;
	}

	private static String table(Kind kind) {
		return kind == Kind.LOCAL ? "chain_local_enterprise" : "chain_target";
	}

	@Override
	public List<Long> move(Kind kind, long from, long into) {
		List<long[]> rows = jdbc.sql("SELECT id, link_id FROM " + table(kind)
				+ " WHERE merchant_id = :m AND merged_into_id IS NULL ORDER BY id")
			.param("m", from)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		List<Long> result = new ArrayList<>();
		List<Long> touched = new ArrayList<>();
		for (long[] row : rows) {
			long id = row[0];
			Optional<Long> kept = jdbc.sql("SELECT id FROM " + table(kind)
					+ " WHERE link_id = :l AND merchant_id = :m AND merged_into_id IS NULL")
				.param("l", row[1])
				.param("m", into)
				.query(Long.class)
				.optional();
			if (kept.isEmpty()) {
				jdbc.sql("UPDATE " + table(kind) + " SET merchant_id = :into WHERE id = :id")
					.param("into", into)
					.param("id", id)
					.update();
				result.add(id);
			}
			else {
				jdbc.sql("UPDATE " + table(kind) + " SET merged_into_id = :kept WHERE id = :id")
					.param("kept", kept.get())
					.param("id", id)
					.update();
				if (kind == Kind.TARGET) {
					jdbc.sql("""
							INSERT INTO chain_target_record (target_id, kind, record_id, copied_from_id)
							SELECT :kept, r.kind, r.record_id, r.target_id FROM chain_target_record r
							WHERE r.target_id = :parked AND NOT EXISTS (SELECT 1 FROM chain_target_record s
							  WHERE s.target_id = :kept AND s.kind = r.kind AND s.record_id = r.record_id)""")
						.param("kept", kept.get())
						.param("parked", id)
						.update();
				}
				result.add(-id);
			}
			touched.add(id);
		}
		touch(kind, touched, from, into, "MERGE");
		return result;
	}

	@Override
	public void moveBack(Kind kind, List<Long> ids, long from, long into) {
		List<Long> touched = new ArrayList<>();
		for (Long id : ids) {
			if (id > 0) {
				int n = jdbc.sql("UPDATE " + table(kind) + " SET merchant_id = :from WHERE id = :id AND merchant_id = :into")
					.param("from", from)
					.param("into", into)
					.param("id", id)
					.update();
				if (n > 0) {
					touched.add(id);
				}
			}
			else {
				long parked = -id;
				int n = jdbc.sql("UPDATE " + table(kind) + " SET merged_into_id = NULL WHERE id = :id")
					.param("id", parked)
					.update();
				if (kind == Kind.TARGET) {
					jdbc.sql("DELETE FROM chain_target_record WHERE copied_from_id = :parked")
						.param("parked", parked)
						.update();
				}
				if (n > 0) {
					touched.add(parked);
				}
			}
		}
		touch(kind, touched, into, from, "UNMERGE");
	}

	/** Moves the rows' versions on and writes one history line on each: 企业 before → after. */
	private void touch(Kind kind, List<Long> ids, long before, long after, String action) {
		if (ids.isEmpty()) {
			return;
		}
		jdbc.sql("UPDATE " + table(kind) + " SET version = version + 1, updated_at = :now WHERE id IN (:ids)")
			.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.param("ids", ids)
			.update();
		var merchantIds = new HashSet<Long>(List.of(before, after));
		Map<Long, ChainEnterprise> names = enterprises.find(merchantIds);
		List<Auditor.Change> changes = new ArrayList<>();
		jdbc.sql("SELECT t.id, l.name FROM " + table(kind) + " t JOIN chain_link l ON l.id = t.link_id"
				+ " WHERE t.id IN (:ids) ORDER BY t.id")
			.param("ids", ids)
			.query((rs, n) -> changes.add(new Auditor.Change(kind.key(), rs.getLong(1), action,
					rs.getString(2) + " · " + Enterprises.name(names, after), Map.of(FIELD, before),
					Map.of(FIELD, after))))
			.list();
		auditor.recordAll(changes);
	}
}
