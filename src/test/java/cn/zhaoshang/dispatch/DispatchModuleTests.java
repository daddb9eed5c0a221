package cn.zhaoshang.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import cn.zhaoshang.dispatch.internal.CloseRound;
import cn.zhaoshang.dispatch.internal.OpenRound;
import cn.zhaoshang.dispatch.internal.RoundInput;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.Demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The dispatch module with the modules it depends on: closing a round publishes {@link DispatchRoundClosed} once
 * (closing again publishes nothing), and the public {@link DispatchRounds} reads the frozen facts.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class DispatchModuleTests {

	/** Offered by the audit module, which nobody depends on. */
	@MockitoBean
	RecordHistory history;

	@Autowired
	OpenRound open;

	@Autowired
	CloseRound close;

	@Autowired
	DispatchRounds rounds;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void closing_a_round_publishes_dispatch_round_closed_and_freezes_its_scope(Scenario scenario) {
		CurrentUser city = Demo.signIn(accounts, "city");
		long project = jdbc.sql("SELECT MIN(id) FROM project WHERE status = 'ACTIVE' AND stage = 'SIGNED'")
			.query(Long.class)
			.single();
		long id = open.execute(new RoundInput("module test round", LocalDate.of(2018, 1, 1), LocalDate.of(2018, 2, 28),
				LocalDate.of(2018, 3, 5), null, List.of(project)), city);

		scenario.stimulate(() -> close.close(id, city))
			.andWaitForEventOfType(DispatchRoundClosed.class)
			.matching(e -> e.roundId().value() == id)
			.toArriveAndVerify(event -> {
				var facts = rounds.scope(event.roundId());
				assertThat(facts).singleElement().satisfies(f -> {
					assertThat(f.closedSnapshot()).isTrue();
					assertThat(f.stageAtClose()).isEqualTo("SIGNED");
					assertThat(f.projectId().value()).isEqualTo(project);
				});
				assertThat(rounds.find(event.roundId()).orElseThrow().status()).isEqualTo(RoundStatus.CLOSED);
			});
	}

	@Test
	void closing_a_closed_round_publishes_nothing(PublishedEvents events) {
		CurrentUser city = Demo.signIn(accounts, "city");
		long id = open.execute(new RoundInput("module test round twice", LocalDate.of(2018, 3, 1),
				LocalDate.of(2018, 4, 30), LocalDate.of(2018, 5, 5), null, List.of()), city);

		assertThat(close.close(id, city)).isTrue();
		assertThat(close.close(id, city)).as("idempotent").isFalse();

		assertThat(events.ofType(DispatchRoundClosed.class).matching(e -> e.roundId().value() == id)).hasSize(1);
	}
}
