package cn.zhaoshang.support;

import java.util.HashMap;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every Spring application context started by a test its own empty database (registered in
 * {@code META-INF/spring.factories} of the test class path). Demo data is loaded on both databases so that tests can
 * sign in as the documented demo accounts; a test that needs an empty database sets
 * {@code zhaoshang.demo-data=false}.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		var env = context.getEnvironment();
		var props = new HashMap<String, Object>(TestDatabases.freshDatabase());
		if (!env.containsProperty("zhaoshang.demo-data")
				|| "auto".equals(env.getProperty("zhaoshang.demo-data"))) {
			props.put("zhaoshang.demo-data", "true");
		}
		props.put("zhaoshang.data-dir", "./target/test-data");
		if (TestDatabases.postgres()) {
			// Small pools that shrink when idle: the test run keeps many Spring contexts (each with its own pool) open
			// on one PostgreSQL server, whose max_connections (100 by default) a pool of 10 per context soon exhausts.
			// Not on H2: a file database closes with its last connection, and the tests keep theirs open.
			props.put("spring.datasource.hikari.maximum-pool-size", "5");
			props.put("spring.datasource.hikari.minimum-idle", "1");
			props.put("spring.datasource.hikari.idle-timeout", "10000");
		}
		else {
			// A file database closes with its last connection, and one that is closing refuses the sessions opened
			// meanwhile ("The database has been closed"). Hikari retires every connection after 30 minutes; on a
			// slow, shared machine a context lives longer than that and its pool may briefly hold none. Connections
			// of the tests' H2 pools are kept for the context's life, which closes them (and so the database).
			props.put("spring.datasource.hikari.max-lifetime", "0");
		}
		// Scheduled jobs do not fire at random during tests; tests call the job methods directly.
		props.put("zhaoshang.jobs.enabled", "false");
		env.getPropertySources().addFirst(new MapPropertySource("zsTestDatabase", props));
	}
}
