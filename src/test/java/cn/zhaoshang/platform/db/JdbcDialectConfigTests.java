package cn.zhaoshang.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.dialect.JdbcMySqlDialect;
import org.springframework.data.jdbc.core.dialect.JdbcPostgresDialect;

/**
 * The dialect comes from the configured URL without a connection (ADR 0020: Spring's build-time processing must not
 * open one); only another database's URL asks the connection.
 */
class JdbcDialectConfigTests {

	private final AtomicInteger detections = new AtomicInteger();

	private JdbcDialect detect() {
		detections.incrementAndGet();
		return JdbcMySqlDialect.INSTANCE;
	}

	@Test
	void h2_urls_get_the_lower_case_dialect_without_a_connection() {
		JdbcDialect dialect = JdbcDialectConfig.forUrl(
				"jdbc:h2:file:./data/zhaoshang;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", this::detect);

		assertThat(dialect).isSameAs(JdbcDialectConfig.LowerCaseH2Dialect.INSTANCE);
		assertThat(dialect.getIdentifierProcessing().standardizeLetterCase("ID")).isEqualTo("id");
		assertThat(dialect.getIdentifierProcessing().quote("id")).isEqualTo("\"id\"");
		assertThat(detections).hasValue(0);
	}

	@Test
	void postgresql_urls_get_the_postgres_dialect_without_a_connection() {
		assertThat(JdbcDialectConfig.forUrl("jdbc:postgresql://127.0.0.1:5432/zhaoshang", this::detect))
			.isSameAs(JdbcPostgresDialect.INSTANCE);
		assertThat(detections).hasValue(0);
	}

	@Test
	void other_or_missing_urls_are_resolved_from_the_connection() {
		assertThat(JdbcDialectConfig.forUrl("jdbc:mysql://127.0.0.1/zhaoshang", this::detect))
			.isSameAs(JdbcMySqlDialect.INSTANCE);
		assertThat(JdbcDialectConfig.forUrl(null, this::detect)).isSameAs(JdbcMySqlDialect.INSTANCE);
		assertThat(detections).hasValue(2);
	}
}
