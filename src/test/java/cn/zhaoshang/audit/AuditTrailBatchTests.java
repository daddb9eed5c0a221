package cn.zhaoshang.audit;

import static cn.zhaoshang.support.Pages.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.user.AccountUserDetailsService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Auditor#recordAll}: a batch of changes (the ledger import's) becomes one audit row per change, each the
 * same row {@link Auditor#record} writes, in the writer's transaction.
 */
@SpringBootTest
class AuditTrailBatchTests {

	@Autowired
	Auditor auditor;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	AccountUserDetailsService accounts;

	CurrentUser signIn(String username) {
		CurrentUser user = accounts.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		return user;
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	static final String COLUMNS = "actor, actor_id, remote_addr, record_type, action, summary, before_json, after_json";

	Map<String, Object> row(String type, String id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry WHERE record_type = :t AND record_id = :id")
			.param("t", type)
			.param("id", id)
			.query()
			.singleRow();
	}

	@Test
	void a_batch_writes_one_row_per_change_with_the_content_a_single_record_writes() {
		CurrentUser city = signIn("city");
		String one = unique("single-");
		String created = unique("batch-a-");
		String updated = unique("batch-b-");
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("name", "旧名称");
		before.put("plannedInvestment", 100);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("name", "新名称");
		after.put("plannedInvestment", 250.5);
		tx.executeWithoutResult(s -> {
			auditor.record("batchtest", one, "IMPORT", "项目 " + one, before, after);
			auditor.recordAll(List.of(new Auditor.Change("batchtest", created, "IMPORT", "项目 " + created, Map.of(),
					after), new Auditor.Change("batchtest", updated, "IMPORT", "项目 " + updated, before, after)));
		});

		var single = row("batchtest", one);
		var changed = row("batchtest", updated);
		assertThat(changed).containsEntry("actor", "city")
			.containsEntry("actor_id", city.id().value())
			.containsEntry("action", "IMPORT")
			.containsEntry("summary", "项目 " + updated);
		changed.remove("summary");
		single.remove("summary");
		assertThat(changed).isEqualTo(single);
		var creation = row("batchtest", created);
		assertThat(creation.get("before_json")).isNull();
		assertThat(creation.get("after_json")).isEqualTo(single.get("after_json"));
	}

	@Test
	void a_batch_larger_than_one_jdbc_batch_writes_every_row() {
		signIn("city");
		String prefix = unique("bulk-");
		List<Auditor.Change> changes = new ArrayList<>();
		for (int i = 0; i < 2_345; i++) {
			changes.add(new Auditor.Change("batchtest", prefix + i, "IMPORT", "第 " + i + " 行", Map.of(),
					Map.of("row", i)));
		}
		tx.executeWithoutResult(s -> auditor.recordAll(changes));
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT record_id) FROM audit_entry WHERE record_id LIKE :p")
			.param("p", prefix + "%")
			.query(Long.class)
			.single()).isEqualTo(2_345);
		assertThat(row("batchtest", prefix + 1234)).containsEntry("summary", "第 1234 行")
			.containsEntry("after_json", "{\"row\":1234}");
	}

	@Test
	void a_batch_rolls_back_with_the_writer() {
		signIn("city");
		String id = unique("rolled-back-");
		tx.executeWithoutResult(s -> {
			auditor.recordAll(List.of(new Auditor.Change("batchtest", id, "IMPORT", "x", Map.of(), Map.of("a", 1))));
			s.setRollbackOnly();
		});
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_id = :id").param("id", id)
			.query(Long.class)
			.single()).isZero();
	}
}
