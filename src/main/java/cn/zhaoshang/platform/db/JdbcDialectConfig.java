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
 * Spring Data JDBC's H2 dialect quotes derived column names in upper case ({@code "ID"}), but our H2 runs with
 * {@code DATABASE_TO_LOWER=TRUE} (like PostgreSQL, see the datasource URL), so its columns are lower case and every
 * repository query would fail. On H2 the dialect therefore quotes in lower case; other databases keep the detected
 * dialect.
 */
@Configuration(proxyBeanMethods = false)
class JdbcDialectConfig {

	@Bean
	JdbcDialect jdbcDialect(NamedParameterJdbcOperations operations) {
		JdbcDialect detected = DialectResolver.getDialect(operations.getJdbcOperations());
		return detected instanceof JdbcH2Dialect ? LowerCaseH2Dialect.INSTANCE : detected;
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
