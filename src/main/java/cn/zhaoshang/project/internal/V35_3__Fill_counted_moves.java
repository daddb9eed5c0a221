package cn.zhaoshang.project.internal;

import java.time.Clock;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Fills {@code project_counted_move} (V35) for the stage moves that exist, the demo data's included, with the same
 * code the writers use ({@link CountedMoves}). A Spring bean, so that Spring Boot hands it to Flyway.
 */
@Component
class V35_3__Fill_counted_moves extends BaseJavaMigration {

	private final Clock clock;

	V35_3__Fill_counted_moves(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void migrate(Context context) {
		var dataSource = new SingleConnectionDataSource(context.getConnection(), true);
		new CountedMoves(new NamedParameterJdbcTemplate(new JdbcTemplate(dataSource)), clock.getZone()).rebuild();
	}
}
