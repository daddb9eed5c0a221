package cn.zhaoshang.project.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** On a database without units (no demo data) the generator refuses and says what to do. */
@SpringBootTest(properties = "zhaoshang.demo-data=false")
class LedgerGeneratorWithoutUnitsTests {

	@Autowired
	LedgerGenerator generator;

	@Autowired
	JdbcClient jdbc;

	@Test
	void refuses_to_generate_without_units_and_writes_nothing() {
		assertThatThrownBy(() -> generator.generate(10, 1)).isInstanceOf(LedgerGenerator.NoUnits.class)
			.hasMessageContaining("ZHAOSHANG_DEMO_DATA=true")
			.hasMessageContaining("Units");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM project").query(Long.class).single()).isZero();
	}
}
