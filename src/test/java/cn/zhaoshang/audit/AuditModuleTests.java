package cn.zhaoshang.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import cn.zhaoshang.platform.RecordChanged;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.UnitDirectory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit module with the platform only (Spring Modulith module test): a {@link RecordChanged} from any module
 * becomes a row of the trail in the writer's transaction (so a rolled-back write leaves none), and the platform's
 * {@link RecordHistory} reads it back with the actor's name.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class AuditModuleTests {

	/** Offered by the org module, which nobody booted here. */
	@MockitoBean
	UnitDirectory units;

	@Autowired
	RecordHistory history;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void a_published_change_is_appended_to_the_trail_and_read_back_as_history(Scenario scenario) {
		var change = new RecordChanged(Instant.parse("2026-03-02T01:00:00Z"), "hualong.staff", null, "127.0.0.1",
				"widget", "41", "UPDATE", "模块测试", Map.of("name", "甲"), Map.of("name", "乙"));

		scenario.publish(change)
			.andWaitForStateChange(() -> rows("widget", "41"), n -> n > 0)
			.andVerify(n -> assertThat(n).isEqualTo(1));

		var entries = history.of("widget", 41L);
		assertThat(entries).singleElement().satisfies(e -> {
			assertThat(e.action()).isEqualTo("UPDATE");
			assertThat(e.actor()).isEqualTo("hualong.staff");
			assertThat(e.actorName()).as("the person's name beside the login").isEqualTo("刘洋");
		});
	}

	@Test
	void a_change_whose_write_rolls_back_leaves_no_trail() {
		transactions.executeWithoutResult(tx -> {
			events.publishEvent(new RecordChanged(Instant.now(), "city", null, null, "widget", "42", "CREATE",
					"回滚", Map.of(), Map.of("name", "丙")));
			tx.setRollbackOnly();
		});

		assertThat(rows("widget", "42")).isZero();
	}

	private long rows(String type, String id) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = ? AND record_id = ?")
			.params(type, id)
			.query(Long.class)
			.single();
	}
}
