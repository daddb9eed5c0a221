package cn.zhaoshang.support;

import java.io.IOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Where the tests' database lives. The suite runs twice (see the surefire executions in pom.xml): with
 * {@code zs.test.db=h2} on a fresh H2 file database per Spring context, and with {@code zs.test.db=postgresql} on a
 * fresh database of the PostgreSQL server named by {@code ZS_TEST_POSTGRES_URL} (user/password from
 * {@code ZS_TEST_POSTGRES_USERNAME}/{@code _PASSWORD}), or, when that is not set, of an embedded PostgreSQL started
 * once per test JVM. Either way every context gets an empty database that Flyway builds from scratch.
 */
public final class TestDatabases {

	private static EmbeddedPostgres embedded;
	private static final java.util.List<String[]> created = new java.util.ArrayList<>();

	private TestDatabases() {
	}

	public static String kind() {
		return System.getProperty("zs.test.db", "h2");
	}

	public static boolean postgres() {
		return kind().equals("postgresql");
	}

	/** Datasource properties of a new, empty database. */
	public static synchronized Map<String, Object> freshDatabase() {
		String name = "zs_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		if (!postgres()) {
			return Map.of("spring.datasource.url", "jdbc:h2:file:./target/h2/" + name
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
					"spring.datasource.username", "sa", "spring.datasource.password", "");
		}
		String serverUrl = System.getenv("ZS_TEST_POSTGRES_URL");
		String user;
		String password;
		if (serverUrl == null || serverUrl.isBlank()) {
			serverUrl = embedded().getJdbcUrl("postgres", "postgres");
			user = "postgres";
			password = "";
		}
		else {
			user = env("ZS_TEST_POSTGRES_USERNAME", "postgres");
			password = env("ZS_TEST_POSTGRES_PASSWORD", "");
		}
		try (var conn = DriverManager.getConnection(serverUrl, user, password);
				var st = conn.createStatement()) {
			st.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot create test database on " + serverUrl, e);
		}
		if (embedded == null) {
			dropOnExit(serverUrl, user, password, name);
		}
		int q = serverUrl.indexOf('?');
		String withoutQuery = q < 0 ? serverUrl : serverUrl.substring(0, q);
		String query = q < 0 ? "" : serverUrl.substring(q);
		String dbUrl = withoutQuery.substring(0, withoutQuery.lastIndexOf('/') + 1) + name + query;
		return Map.of("spring.datasource.url", dbUrl, "spring.datasource.username", user,
				"spring.datasource.password", password);
	}

	/**
	 * Drops the databases this JVM created on a shared server when the JVM ends, so repeated runs leave nothing
	 * behind ({@code WITH (FORCE)} closes the connection pools' sessions that may still be open).
	 */
	private static void dropOnExit(String serverUrl, String user, String password, String name) {
		if (created.isEmpty()) {
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				for (String[] db : created) {
					try (var conn = DriverManager.getConnection(db[0], db[1], db[2]);
							var st = conn.createStatement()) {
						st.execute("DROP DATABASE IF EXISTS " + db[3] + " WITH (FORCE)");
					}
					catch (SQLException ignored) {
						// best effort: a leftover test database is harmless
					}
				}
			}));
		}
		created.add(new String[] { serverUrl, user, password, name });
	}

	private static EmbeddedPostgres embedded() {
		if (embedded == null) {
			try {
				embedded = EmbeddedPostgres.builder().start();
			}
			catch (IOException e) {
				throw new IllegalStateException("Cannot start embedded PostgreSQL", e);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					embedded.close();
				}
				catch (IOException ignored) {
					// the JVM is going away anyway
				}
			}));
		}
		return embedded;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null ? fallback : value;
	}
}
