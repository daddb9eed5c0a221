package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform module booted alone (Spring Modulith module test): it depends on no other module, so the two
 * interfaces other modules implement for it are stand-ins here — the unit tree ({@link UnitDirectory}, from org)
 * and the record history ({@link RecordHistory}, from audit).
 */
@ApplicationModuleTest
class PlatformModuleTests {

	@MockitoBean
	UnitDirectory units;

	@MockitoBean
	RecordHistory history;

	@Autowired
	DataScopes scopes;

	@Autowired
	Auditor auditor;

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void a_unit_managers_scope_is_the_unit_tree_the_directory_answers() {
		UnitId own = new UnitId(7);
		UnitId below = new UnitId(8);
		given(units.selfAndDescendants(own)).willReturn(Set.of(own, below));
		CurrentUser manager = user(Role.UNIT_MANAGER, own);

		DataScope scope = scopes.of(manager);

		assertThat(scope.canEdit(below)).isTrue();
		assertThat(scope.canEdit(new UnitId(9))).isFalse();
		assertThat(scope.canRead(new UnitId(9))).as("managers read the whole city's shared records").isTrue();
		assertThat(scopes.of(user(Role.INTERMEDIARY, own)).canRead(new UnitId(9))).isFalse();
	}

	@Test
	void every_write_recorded_through_the_auditor_is_published_for_the_audit_module(PublishedEvents events) {
		auditor.record("setting", "demo.key", "UPDATE", "demo.key", Map.of("value", "1"), Map.of("value", "2"));

		assertThat(events.ofType(RecordChanged.class)
			.matching(e -> e.recordType().equals("setting") && e.recordId().equals("demo.key")
					&& e.action().equals("UPDATE") && e.after().equals(Map.of("value", "2"))))
			.hasSize(1);
	}

	@Test
	void a_notice_is_written_for_its_recipient_and_counted_unread() {
		UserId city = notifications.user("city").orElseThrow();
		long before = notifications.unread(city);

		transactions.executeWithoutResult(tx -> notifications.notify(city, "setting.title", new Object[0],
				"/clues/1"));

		assertThat(notifications.unread(city)).isEqualTo(before + 1);
		assertThat(jdbc.sql("SELECT link FROM notification WHERE recipient_id = ? ORDER BY id DESC")
			.param(city.value()).query(String.class).list()).first().isEqualTo("/clues/1");
	}

	private static CurrentUser user(Role role, UnitId unit) {
		return new CurrentUser(1, "someone", "-", "某人", role, unit.value(), "某单位", java.util.Locale.CHINA, true,
				false);
	}
}
