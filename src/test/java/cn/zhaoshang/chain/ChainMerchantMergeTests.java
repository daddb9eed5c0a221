package cn.zhaoshang.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import cn.zhaoshang.chain.internal.ChainStore;
import cn.zhaoshang.merchant.internal.MerchantMerges;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * An enterprise merge moves the chain rows that name the merged-away record (issue 13), on H2 and PostgreSQL: a
 * link's local enterprise or target moves to the survivor; on a link that holds both, the survivor's row stays, the
 * other is parked out of sight and a parked target's clues and projects are copied onto the survivor's; undoing the
 * merge puts back exactly what was there and removes the copies.
 */
@SpringBootTest
class ChainMerchantMergeTests {

	@Autowired
	MerchantMerges merges;

	@Autowired
	ChainStore store;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	long merchant(String name) {
		return cn.zhaoshang.support.MergeRows.merchant(jdbc, name);
	}

	long link(String name) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO chain_link (chain_id, name, link_position, sort_order, gap, created_at, updated_at)
				VALUES (?, ?, 'DOWNSTREAM', 99, 'EXTEND', ?, ?)""")
			.params(Demo.chain(jdbc, "chemical"), name, now, now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	long local(long link, long merchant, String strength) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO chain_local_enterprise (link_id, merchant_id, strength, note, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(link, merchant, strength, "合并测试", now, now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	long target(long link, long merchant, String status, long... clues) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO chain_target (link_id, merchant_id, priority, reason, tracker_unit_id, status,
				    created_by, created_at, updated_at)
				VALUES (?, ?, 'HIGH', '合并测试', ?, ?, 'city', ?, ?)""")
			.params(link, merchant, Demo.unit(jdbc, "etdz"), status, now, now)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		for (long clue : clues) {
			jdbc.sql("INSERT INTO chain_target_record (target_id, kind, record_id) VALUES (?, 'clue', ?)")
				.params(id, clue)
				.update();
		}
		return id;
	}

	List<String> locals(long link) {
		return store.locals(List.of(link)).stream().map(l -> l.id() + ":" + l.merchantId() + ":" + l.strength())
			.toList();
	}

	List<String> targets(long link) {
		return store.targets(List.of(link)).stream().map(t -> t.id() + ":" + t.merchantId() + ":" + t.status())
			.toList();
	}

	List<Long> records(long target) {
		return store.records(List.of(target)).stream().map(r -> r.recordId()).toList();
	}

	long one(String sql, long id) {
		return cn.zhaoshang.support.MergeRows.one(jdbc, sql, id);
	}

	long audits(String type, long id, String action) {
		return cn.zhaoshang.support.MergeRows.audits(jdbc, type, id, action);
	}

	@Test
	void a_merge_moves_local_enterprises_and_targets_parks_duplicates_and_undo_restores_them() {
		String m = Pages.unique("合并链");
		long survivor = merchant(m + "新材料（濮阳）有限公司");
		long absorbed = merchant("濮阳市" + m + "新材料有限公司");
		long shared = link(m + "可降解材料");
		long own = link(m + "电子化学品");
		long keptLocal = local(shared, survivor, "STRONG");
		long parkedLocal = local(shared, absorbed, "WEAK");
		long movedLocal = local(own, absorbed, "AVERAGE");
		long keptTarget = target(shared, survivor, "CONTACTED", 9_000_001L);
		long parkedTarget = target(shared, absorbed, "NEGOTIATING", 9_000_001L, 9_000_002L);
		long movedTarget = target(own, absorbed, "IDENTIFIED");
		long version = one("SELECT version FROM chain_local_enterprise WHERE id = :id", movedLocal);

		long merge = merges.merge(survivor, absorbed, Demo.signIn(accounts, "admin"));

		assertThat(locals(shared)).as("the link holds the survivor once, its own row kept")
			.containsExactly(keptLocal + ":" + survivor + ":STRONG");
		assertThat(locals(own)).containsExactly(movedLocal + ":" + survivor + ":AVERAGE");
		assertThat(targets(shared)).containsExactly(keptTarget + ":" + survivor + ":CONTACTED");
		assertThat(targets(own)).containsExactly(movedTarget + ":" + survivor + ":IDENTIFIED");
		assertThat(records(keptTarget)).as("the parked target's clues now count on the survivor's")
			.containsExactlyInAnyOrder(9_000_001L, 9_000_002L);
		assertThat(store.local(parkedLocal)).as("a parked row cannot be opened or edited").isEmpty();
		assertThat(store.target(parkedTarget)).isEmpty();
		assertThat(one("SELECT version FROM chain_local_enterprise WHERE id = :id", movedLocal))
			.as("an edit form opened before the merge is stale").isEqualTo(version + 1);
		assertThat(audits("chainLocal", movedLocal, "MERGE")).isEqualTo(1);
		assertThat(audits("chainLocal", parkedLocal, "MERGE")).isEqualTo(1);
		assertThat(audits("chainTarget", parkedTarget, "MERGE")).isEqualTo(1);
		assertThat(merges.find(merge).moved()).containsEntry("chainLocal", 2).containsEntry("chainTarget", 2);

		merges.undo(merge, Demo.signIn(accounts, "admin"));

		assertThat(locals(shared)).containsExactly(keptLocal + ":" + survivor + ":STRONG",
				parkedLocal + ":" + absorbed + ":WEAK");
		assertThat(locals(own)).containsExactly(movedLocal + ":" + absorbed + ":AVERAGE");
		assertThat(targets(shared)).containsExactlyInAnyOrder(keptTarget + ":" + survivor + ":CONTACTED",
				parkedTarget + ":" + absorbed + ":NEGOTIATING");
		assertThat(targets(own)).containsExactly(movedTarget + ":" + absorbed + ":IDENTIFIED");
		assertThat(records(keptTarget)).as("the copies are gone, the survivor's own clue stays")
			.containsExactly(9_000_001L);
		assertThat(records(parkedTarget)).containsExactly(9_000_001L, 9_000_002L);
		assertThat(audits("chainTarget", movedTarget, "UNMERGE")).isEqualTo(1);
		assertThat(audits("chainLocal", parkedLocal, "UNMERGE")).isEqualTo(1);
	}
}
