package cn.zhaoshang.platform.db;

import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.jdbc.core.dialect.DialectResolver;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.dialect.JdbcH2Dialect;
import org.springframework.data.jdbc.core.dialect.JdbcPostgresDialect;
import org.springframework.data.relational.core.sql.IdentifierProcessing;
import org.springframework.data.relational.core.sql.IdentifierProcessing.LetterCasing;
import org.springframework.data.relational.core.sql.IdentifierProcessing.Quoting;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

/**
 * The SQL dialect of Spring Data JDBC, chosen from the configured datasource URL, without a connection (so that the
 * dialect bean neither waits for the database nor starts Flyway, and Spring's build-time AOT processing can run
 * without one; ADR 0020). Spring Data JDBC's H2 dialect quotes derived column names in upper case ({@code "ID"}),
 * but our H2 runs with {@code DATABASE_TO_LOWER=TRUE} (like PostgreSQL, see the datasource URL), so its columns are
 * lower case and every repository query would fail: on H2 the dialect quotes in lower case. A URL of another
 * database is resolved from a connection, as Spring Data does by default.
 */
@Configuration(proxyBeanMethods = false)
class JdbcDialectConfig {

	@Bean
	JdbcDialect jdbcDialect(Environment environment, ObjectProvider<NamedParameterJdbcOperations> operations) {
		return forUrl(environment.getProperty("spring.datasource.url"), () -> {
			JdbcDialect detected = DialectResolver.getDialect(operations.getObject().getJdbcOperations());
			return detected instanceof JdbcH2Dialect ? LowerCaseH2Dialect.INSTANCE : detected;
		});
	}

	/** The dialect for a JDBC URL: H2 and PostgreSQL by the URL, any other database by {@code detect}. */
	static JdbcDialect forUrl(String url, Supplier<JdbcDialect> detect) {
		DatabaseDriver driver = url == null ? DatabaseDriver.UNKNOWN : DatabaseDriver.fromJdbcUrl(url);
		return switch (driver) {
			case H2 -> LowerCaseH2Dialect.INSTANCE;
			case POSTGRESQL -> JdbcPostgresDialect.INSTANCE;
			default -> detect.get();
		};
	}

	/** H2 in PostgreSQL mode with lower-case identifiers. */
	static final class LowerCaseH2Dialect extends JdbcH2Dialect {

		static final LowerCaseH2Dialect INSTANCE = new LowerCaseH2Dialect();

		private static final IdentifierProcessing LOWER_CASE = IdentifierProcessing.create(Quoting.ANSI,
				LetterCasing.LOWER_CASE);

		@Override
		public IdentifierProcessing getIdentifierProcessing() {
			return LOWER_CASE;
		}
	}
}
