package cn.zhaoshang.project.internal;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Fills {@code project_counted_sum} (V39_1) from the counted moves that exist, with the code the writers use
 * ({@link CountedSums}). A Spring bean, so that Spring Boot hands it to Flyway.
 */
@Component
class V39_3__Fill_counted_sums extends BaseJavaMigration {

	@Override
	public void migrate(Context context) {
		var dataSource = new SingleConnectionDataSource(context.getConnection(), true);
		new CountedSums(new NamedParameterJdbcTemplate(new JdbcTemplate(dataSource))).rebuild();
	}
}
