package cn.zhaoshang.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import cn.zhaoshang.clue.ClueId;
import cn.zhaoshang.clue.ClueStatus;
import cn.zhaoshang.clue.ClueStatusChanged;
import cn.zhaoshang.clue.Clues;
import cn.zhaoshang.platform.RecordChanged;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.project.internal.ConvertClue;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The project module with the modules it uses (platform, org, chain, merchant, clue; Spring Modulith module test):
 * converting a confirmed clue writes the project and marks the clue converted in one use case, audits both, and
 * publishes the clue's status change for the modules that listen.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class ProjectModuleTests {

	/** Offered by the audit module, which nobody depends on. */
	@MockitoBean
	RecordHistory history;

	@Autowired
	ConvertClue convert;

	@Autowired
	Clues clues;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_confirmed_clue_becomes_a_project_audited_and_announced(PublishedEvents events) {
		var manager = accounts.loadUserByUsername("hualong");
		ClueId clue = new ClueId(jdbc.sql("""
				SELECT c.id FROM clue c JOIN unit u ON u.id = c.owner_unit_id
				WHERE u.code = 'hualong' AND c.status = 'CONFIRMED' ORDER BY c.id""").query(Long.class).list().get(0));
		var parameters = new ConvertClue.Parameters(clue, "模块测试转化项目", manager.unitId().value(), ProjectType.NEW,
				new BigDecimal("52000.00"));

		var project = convert.execute(parameters, manager);

		var converted = clues.find(clue).orElseThrow();
		assertThat(converted.status()).isEqualTo(ClueStatus.CONVERTED);
		assertThat(converted.projectId().value()).isEqualTo(project.id().value());
		assertThat(jdbc.sql("SELECT stage FROM project WHERE id = ?").param(project.id().value()).query(String.class)
			.single()).isEqualTo(Stage.NEGOTIATING.name());
		assertThat(events.ofType(ClueStatusChanged.class).matching(e -> e.id().equals(clue))).hasSize(1);
		assertThat(events.ofType(RecordChanged.class).matching(e -> e.recordType().equals("project")
				&& e.recordId().equals(String.valueOf(project.id().value())) && e.action().equals("CREATE")))
			.hasSize(1);
		assertThat(events.ofType(RecordChanged.class).matching(e -> e.recordType().equals("clue")
				&& e.recordId().equals(String.valueOf(clue.value())))).isNotEmpty();
	}
}
