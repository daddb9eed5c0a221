package cn.zhaoshang.platform.db;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.dialect.DialectResolver;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.dialect.JdbcH2Dialect;
import org.springframework.data.relational.core.sql.IdentifierProcessing;
import org.springframework.data.relational.core.sql.IdentifierProcessing.LetterCasing;
import org.springframework.data.relational.core.sql.IdentifierProcessing.Quoting;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

/**
 * Spring Data JDBC on both databases. It quotes every identifier; its stock H2 dialect upper-cases them
 * ({@code "app_user"."ID"}), but our H2 runs with {@code DATABASE_TO_LOWER=TRUE} (ADR 0002) so the schema's names are
 * lower case, as on PostgreSQL. On H2 we therefore use the H2 dialect with lower-case identifiers.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

	@Bean
	JdbcDialect jdbcDialect(NamedParameterJdbcOperations operations) {
		JdbcDialect detected = DialectResolver.getDialect(operations.getJdbcOperations());
		return detected instanceof JdbcH2Dialect ? new LowerCaseH2Dialect() : detected;
	}

	/** H2 in PostgreSQL mode with {@code DATABASE_TO_LOWER=TRUE}: quoted, lower-case identifiers. */
	static final class LowerCaseH2Dialect extends JdbcH2Dialect {

		private static final IdentifierProcessing LOWER_CASE = IdentifierProcessing.create(new Quoting("\""),
				LetterCasing.LOWER_CASE);

		@Override
		public IdentifierProcessing getIdentifierProcessing() {
			return LOWER_CASE;
		}
	}
}
