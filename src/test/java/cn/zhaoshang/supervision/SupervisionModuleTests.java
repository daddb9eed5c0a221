package cn.zhaoshang.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import cn.zhaoshang.platform.RecordChanged;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.supervision.internal.SetTargets;
import cn.zhaoshang.supervision.internal.TargetQueries;
import cn.zhaoshang.supervision.internal.TargetValues;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The supervision module with the modules it depends on (Spring Modulith module test): the units come from the
 * platform's UnitDirectory (implemented by org); a target set by the city bureau is stored, read back with
 * the city total and audited (the {@link RecordChanged} the audit module would store is published). All
 * dependencies: the weekly dynamics read the clue and project modules (which need theirs).
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class SupervisionModuleTests {

	@MockitoBean
	RecordHistory history;

	@Autowired
	SetTargets targets;

	@Autowired
	TargetQueries queries;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void the_city_bureau_sets_a_target_which_is_read_back_and_audited(PublishedEvents events) {
		long id = jdbc.sql("SELECT id FROM unit WHERE code = 'nanle'").query(Long.class).single();

		var row = targets.set(2003, id, new TargetValues(Map.of(TargetIndicator.SIGNED_COUNT, BigDecimal.TEN)),
				null, accounts.loadUserByUsername("city"));

		assertThat(row.version()).isZero();
		var year = queries.forYear(2003);
		assertThat(year.lines()).filteredOn(l -> l.unitId() == id).singleElement()
			.satisfies(l -> assertThat(l.values().count(TargetIndicator.SIGNED_COUNT)).isEqualTo(10));
		assertThat(year.totals().count(TargetIndicator.SIGNED_COUNT)).isEqualTo(10);
		assertThat(events.ofType(RecordChanged.class)
			.matching(e -> e.recordType().equals("unit_target") && e.recordId().equals(String.valueOf(row.id()))))
			.isNotEmpty();
	}
}
