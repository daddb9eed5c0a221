package cn.zhaoshang.clue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.RecordChanged;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.user.AccountUserDetailsService;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The clue module with the modules it uses (platform, org, chain, merchant; Spring Modulith module test): through
 * its API a unit sends an open clue back to the city pool, which is written, audited and published as
 * {@link ClueAssigned} for the modules that react to hand-overs; a clue that is not yet confirmed cannot be
 * converted.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class ClueModuleTests {

	/** Offered by the audit module, which nobody depends on. */
	@MockitoBean
	RecordHistory history;

	@Autowired
	Clues clues;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_unit_returns_an_open_clue_to_the_city_pool_and_the_hand_over_is_published(Scenario scenario) {
		var manager = accounts.loadUserByUsername("hualong");
		ClueId id = openClueOf("hualong", "NEW");

		scenario.stimulate(() -> clues.returnToPool(id, "本单位无承接条件", manager))
			.andWaitForEventOfType(ClueAssigned.class)
			.matching(e -> e.id().equals(id))
			.toArriveAndVerify((event, clue) -> {
				assertThat(event.returnedToPool()).isTrue();
				assertThat(event.fromUnit()).isEqualTo(manager.unitId());
				assertThat(clue.owner()).as("in the city pool").isNull();
			});
		assertThat(jdbc.sql("SELECT owner_unit_id FROM clue WHERE id = ?").param(id.value()).query(Long.class)
			.optional()).isEmpty();
	}

	@Test
	void every_write_through_the_api_is_audited(PublishedEvents events) {
		var manager = accounts.loadUserByUsername("hualong");
		ClueId id = openClueOf("hualong", "NEW");

		clues.returnToPool(id, "重复线索", manager);

		assertThat(events.ofType(RecordChanged.class)
			.matching(e -> e.recordType().equals("clue") && e.recordId().equals(String.valueOf(id.value()))))
			.isNotEmpty();
	}

	@Test
	void only_a_confirmed_clue_is_convertible() {
		var manager = accounts.loadUserByUsername("hualong");
		ClueId following = openClueOf("hualong", "FOLLOWING");
		ClueId confirmed = openClueOf("hualong", "CONFIRMED");

		assertThatThrownBy(() -> clues.convertible(following, manager)).isInstanceOf(BusinessException.class);
		assertThat(clues.convertible(confirmed, manager).status()).isEqualTo(ClueStatus.CONFIRMED);
	}

	private ClueId openClueOf(String unit, String status) {
		return new ClueId(jdbc.sql("""
				SELECT c.id FROM clue c JOIN unit u ON u.id = c.owner_unit_id
				WHERE u.code = ? AND c.status = ? ORDER BY c.id DESC""")
			.params(unit, status)
			.query(Long.class)
			.list()
			.get(0));
	}
}
