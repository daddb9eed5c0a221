package cn.zhaoshang.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;

import javax.sql.DataSource;

import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Adds the Puyang demo data ({@code classpath:db/demo}, migration 1.2) to Flyway's migrations according to
 * {@code zhaoshang.demo-data}: {@code auto} only into a new, empty H2 database, {@code true} into any new database
 * (PostgreSQL too, for evaluation), {@code false} never. A database that already holds the demo migration keeps the
 * location on every later start, so that Flyway's validation still finds the migration it applied.
 */
@Component
class DemoData implements FlywayConfigurationCustomizer {

	static final Location LOCATION = new Location("classpath:db/demo");
	private static final String HISTORY = "flyway_schema_history";

	private final String mode;

	DemoData(@Value("${zhaoshang.demo-data:auto}") String mode) {
		this.mode = mode == null ? "auto" : mode.trim().toLowerCase(Locale.ROOT);
	}

	@Override
	public void customize(FluentConfiguration configuration) {
		if (wanted(configuration.getDataSource())) {
			Location[] locations = Arrays.copyOf(configuration.getLocations(), configuration.getLocations().length + 1);
			locations[locations.length - 1] = LOCATION;
			configuration.locations(locations);
		}
	}

	private boolean wanted(DataSource dataSource) {
		try (Connection c = dataSource.getConnection()) {
			boolean fresh = !hasHistory(c);
			if (!fresh && demoApplied(c)) {
				return true;
			}
			return switch (mode) {
				case "true" -> fresh;
				case "false" -> false;
				default -> fresh && c.getMetaData().getDatabaseProductName().equals("H2");
			};
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot inspect the database for demo data", e);
		}
	}

	private static boolean hasHistory(Connection c) throws SQLException {
		try (var tables = c.getMetaData().getTables(c.getCatalog(), null, HISTORY, null)) {
			return tables.next();
		}
	}

	private static boolean demoApplied(Connection c) throws SQLException {
		try (var st = c.prepareStatement("SELECT COUNT(*) FROM " + HISTORY + " WHERE version = '1.2' AND success");
				var rs = st.executeQuery()) {
			return rs.next() && rs.getInt(1) > 0;
		}
	}
}
