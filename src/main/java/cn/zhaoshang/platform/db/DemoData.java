package cn.zhaoshang.platform.db;

import java.util.ArrayList;
import java.util.Arrays;

import org.flywaydb.core.api.Location;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Puyang sample data ({@code db/demo}) is one more Flyway migration, added to the locations when
 * {@code zhaoshang.demo-data} is {@code true}, or {@code auto} (the default) and the database is H2. So it lands
 * only in a new database, once, in order with the schema migrations.
 */
@Configuration(proxyBeanMethods = false)
class DemoData {

	static final String LOCATION = "classpath:db/demo";

	@Bean
	FlywayConfigurationCustomizer demoDataLocation(@Value("${zhaoshang.demo-data:auto}") String demoData,
			@Value("${spring.datasource.url:}") String url) {
		return configuration -> {
			if (wanted(demoData, url)) {
				var locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
				locations.add(new Location(LOCATION));
				configuration.locations(locations.toArray(Location[]::new));
			}
		};
	}

	static boolean wanted(String setting, String url) {
		return switch (setting.trim().toLowerCase(java.util.Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> url != null && url.startsWith("jdbc:h2:");
		};
	}
}
