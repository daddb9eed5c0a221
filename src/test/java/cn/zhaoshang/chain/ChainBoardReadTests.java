package cn.zhaoshang.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.zhaoshang.chain.internal.ChainData.Link;
import cn.zhaoshang.chain.internal.ChainData.Local;
import cn.zhaoshang.chain.internal.ChainStore;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.Demo;
import cn.zhaoshang.support.TestDatabases;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain map's and the director board's faster reads give what the old rules gave (issue 12, docs/benchmarks.md
 * "Chain map and director board"): the map's local enterprise counts (now counted by the database) equal the rows
 * read and counted, and the board's projects by stage and key-project pool (now answered from the indexes of V46 on
 * PostgreSQL) equal the rule computed here from every project row of the chain: not dropped, counted and summed by
 * stage; key and not dropped, largest of contracted (else planned) investment first, then by id, the first 50. On
 * PostgreSQL the reads run once more with sequential and bitmap scans switched off, so the index paths are the ones
 * checked.
 */
@SpringBootTest
class ChainBoardReadTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ChainStore store;

	@Autowired
	List<ChainRecords> providers;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	PlatformTransactionManager transactions;

	record P(long id, String stage, String status, BigDecimal contracted, BigDecimal planned, boolean key) {
	}

	@Test
	void the_board_s_sums_and_key_pool_and_the_map_s_counts_equal_the_old_rules() {
		long chain = Demo.chain(jdbc, "chemical");
		String tag = "看板读" + UUID.randomUUID().toString().substring(0, 8);
		String[] stages = { "NEGOTIATING", "SIGNED", "COMMENCED", "IN_PRODUCTION" };
		String[] statuses = { "ACTIVE", "ACTIVE", "ON_HOLD", "DROPPED" };
		for (int i = 0; i < 90; i++) {
			// amounts with ties (contracted, or planned where contracted is missing; planned is required); key on most
			BigDecimal contracted = i % 5 == 0 ? null : BigDecimal.valueOf(100 + (i % 7) * 25, 1);
			BigDecimal planned = BigDecimal.valueOf(500 + (i % 3) * 100);
			jdbc.sql("""
					INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
					    planned_investment, contracted_investment, key_project)
					VALUES (?, ?, (SELECT MIN(id) FROM merchant), '看板测试投资有限公司', ?, ?, 'NEW', ?, ?, ?, ?, ?)""")
				.params(tag + i, tag + i, Demo.unit(jdbc, i % 2 == 0 ? "qingfeng" : "nanle"), chain, stages[i % 4],
						statuses[(i / 4) % 4], planned, contracted, i % 3 != 0)
				.update();
		}
		var city = accounts.loadUserByUsername("city");
		ChainRecords projects = providers.stream().filter(p -> p.kind().equals("project")).findFirst().orElseThrow();
		List<Long> links = store.links(chain).stream().map(Link::id).toList();

		List<P> rows = jdbc.sql("SELECT id, stage, status, contracted_investment, planned_investment, key_project"
				+ " FROM project WHERE chain_id = ?")
			.params(chain)
			.query((rs, n) -> new P(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
					rs.getBigDecimal(5), rs.getBoolean(6)))
			.list();
		Map<String, Long> counts = new TreeMap<>();
		Map<String, BigDecimal> sums = new TreeMap<>();
		rows.stream().filter(p -> !p.status().equals("DROPPED")).forEach(p -> {
			counts.merge(p.stage(), 1L, Long::sum);
			sums.merge(p.stage(), p.contracted() == null ? BigDecimal.ZERO : p.contracted(), BigDecimal::add);
		});
		Comparator<P> largestFirst = Comparator.comparing(
				(P p) -> p.contracted() != null ? p.contracted() : p.planned(),
				Comparator.nullsFirst(Comparator.<BigDecimal>reverseOrder()))
			.thenComparing(P::id);
		List<Long> pool = rows.stream()
			.filter(p -> p.key() && !p.status().equals("DROPPED"))
			.sorted(largestFirst)
			.limit(50)
			.map(P::id)
			.toList();
		assertThat(pool).hasSize(50);
		Map<Long, Long> localCounts = store.locals(links)
			.stream()
			.collect(Collectors.groupingBy(Local::linkId, Collectors.counting()));

		List<Runnable> settings = new java.util.ArrayList<>();
		settings.add(() -> {
		});
		if (TestDatabases.postgres()) {
			settings.add(() -> {
				jdbc.sql("SET LOCAL enable_seqscan = off").update();
				jdbc.sql("SET LOCAL enable_bitmapscan = off").update();
			});
		}
		var tx = new TransactionTemplate(transactions);
		for (Runnable setting : settings) {
			tx.executeWithoutResult(status -> {
				setting.run();
				Map<String, Long> c = new TreeMap<>();
				Map<String, BigDecimal> s = new TreeMap<>();
				projects.byStage(new ChainId(chain)).forEach(f -> {
					c.put(f.stage(), f.count());
					s.put(f.stage(), f.amount());
				});
				assertThat(c).isEqualTo(counts);
				assertThat(s.keySet()).isEqualTo(sums.keySet());
				sums.forEach((stage, sum) -> assertThat(s.get(stage)).as(stage).isEqualByComparingTo(sum));
				assertThat(projects.keyRecords(new ChainId(chain), city, 50).stream().map(ChainRecord::id).toList())
					.isEqualTo(pool);
				assertThat(new HashMap<>(store.localCounts(links))).isEqualTo(localCounts);
			});
		}
	}
}
