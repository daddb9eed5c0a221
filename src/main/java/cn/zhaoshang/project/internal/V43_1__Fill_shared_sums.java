package cn.zhaoshang.project.internal;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Fills {@code project_shared_counted_sum} and {@code project_shared_funds_sum} (V43) from the projects that are not
 * plain, with the code the writers use ({@link SharedSums}). A Spring bean, so that Spring Boot hands it to Flyway.
 */
@Component
class V43_1__Fill_shared_sums extends BaseJavaMigration {

	@Override
	public void migrate(Context context) {
		var dataSource = new SingleConnectionDataSource(context.getConnection(), true);
		new SharedSums(new NamedParameterJdbcTemplate(new JdbcTemplate(dataSource))).rebuild();
	}
}
