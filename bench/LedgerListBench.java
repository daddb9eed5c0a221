import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ledger list benchmark of docs/benchmarks.md ("Ledger list"): for five typical filters, GET /api/v1/projects
 * (page size 20) against a running application, and the same two statements the read model issues
 * (ProjectQueries.list: the count-and-sums query, then the page query) run directly over JDBC; median and p95 of
 * each after a warm-up. Sequential requests on loopback only. Run it with bench/ledger-list.sh.
 */
public class LedgerListBench {

	record Case(String label, String query, String where, List<Object> params, String orderBy) {
	}

	static final String SELECT = """
			SELECT p.id, p.code, p.name, p.investor_name, p.unit_id, u.name AS unit_name, p.chain_id,
			       c.name AS chain_name, p.type, p.stage, p.status, p.planned_investment, p.foreign_investment,
			       p.contracted_investment, p.paid_in_investment, p.key_project, p.evidence_pending,
			       p.pending_move_id, p.names_unmatched, p.leader_name, p.chief_attendant_name, p.signed_date,
			       p.commenced_date, p.production_date, p.latest_progress, p.latest_progress_date, m.uscc,
			       p.updated_at
			FROM project p
			JOIN unit u ON u.id = p.unit_id
			JOIN industry_chain c ON c.id = p.chain_id
			JOIN merchant m ON m.id = p.merchant_id
			""";

	public static void main(String[] args) throws Exception {
		String base = env("BASE_URL", "http://127.0.0.1:18080");
		String jdbcUrl = env("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/zs_bench");
		int runs = Integer.parseInt(env("RUNS", "200"));
		int warmup = Integer.parseInt(env("WARMUP", "30"));
		long unit = Long.parseLong(env("UNIT", "7"));
		long chain = Long.parseLong(env("CHAIN", "3"));
		String q = env("Q", "苏州恒达");
		String like = "%" + q + "%";
		List<Case> cases = List.of(
				new Case("a) no filter, sorted by updated", "", " WHERE 1 = 1", List.of(),
						" ORDER BY p.updated_at DESC NULLS LAST, p.id DESC"),
				new Case("b) unit + stage SIGNED", "unit=" + unit + "&stage=SIGNED",
						" WHERE 1 = 1 AND p.unit_id = ? AND p.stage = ?", List.of(unit, "SIGNED"),
						" ORDER BY p.updated_at DESC NULLS LAST, p.id DESC"),
				new Case("c) q = investor substring", "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
						" WHERE 1 = 1 AND (p.name LIKE ? ESCAPE '\\' OR p.investor_name LIKE ? ESCAPE '\\' OR p.code = ?)",
						List.of(like, like, q.toUpperCase(Locale.ROOT)),
						" ORDER BY p.updated_at DESC NULLS LAST, p.id DESC"),
				new Case("d) chain + key, sorted by planned desc", "chain=" + chain + "&key=true&sort=planned&dir=desc",
						" WHERE 1 = 1 AND p.chain_id = ? AND p.key_project = ?", List.of(chain, true),
						" ORDER BY p.planned_investment DESC NULLS LAST, p.id DESC"),
				new Case("e) signed in 2025, planned >= 10000",
						"dateOf=signed&from=2025-01-01&to=2025-12-31&amountOf=planned&min=10000",
						" WHERE 1 = 1 AND p.signed_date >= ? AND p.signed_date <= ? AND p.planned_investment >= ?",
						List.of(Date.valueOf("2025-01-01"), Date.valueOf("2025-12-31"), new BigDecimal("10000")),
						" ORDER BY p.updated_at DESC NULLS LAST, p.id DESC"));

		var http = HttpClient.newHttpClient();
		String token = token(http, base);
		List<String> report = new ArrayList<>();
		report.add(String.format(Locale.ROOT, "%-40s %8s %8s | %8s %8s | %6s %s", "filter (page size 20)",
				"API p50", "API p95", "SQL p50", "SQL p95", "ratio", "total"));
		try (Connection conn = DriverManager.getConnection(jdbcUrl, env("BENCH_JDBC_USER", "postgres"),
				env("BENCH_JDBC_PASSWORD", ""))) {
			for (Case c : cases) {
				String url = base + "/api/v1/projects?size=20" + (c.query().isEmpty() ? "" : "&" + c.query());
				var request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
					.GET()
					.build();
				String body = "";
				for (int i = 0; i < warmup; i++) {
					body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
				}
				double[] api = new double[runs];
				for (int i = 0; i < runs; i++) {
					long t0 = System.nanoTime();
					var response = http.send(request, HttpResponse.BodyHandlers.ofString());
					api[i] = (System.nanoTime() - t0) / 1e6;
					if (response.statusCode() != 200) {
						throw new IllegalStateException(url + " -> " + response.statusCode() + " " + response.body());
					}
				}
				String total = body.replaceAll("(?s).*\"total\":(\\d+).*", "$1");
				for (int i = 0; i < warmup; i++) {
					sql(conn, c);
				}
				double[] raw = new double[runs];
				for (int i = 0; i < runs; i++) {
					long t0 = System.nanoTime();
					long count = sql(conn, c);
					raw[i] = (System.nanoTime() - t0) / 1e6;
					if (!String.valueOf(count).equals(total)) {
						throw new IllegalStateException(c.label() + ": SQL count " + count + ", API total " + total);
					}
				}
				report.add(String.format(Locale.ROOT, "%-40s %6.1f ms %6.1f ms | %6.1f ms %6.1f ms | %5.2fx %s",
						c.label(), pct(api, 50), pct(api, 95), pct(raw, 50), pct(raw, 95), pct(api, 95) / pct(raw, 95),
						total));
				System.out.println(report.get(report.size() - 1));
			}
		}
		// the floor: the same authenticated API round trip for a few rows and no ledger query at all
		var floorRequest = HttpRequest.newBuilder(URI.create(base + "/api/v1/units"))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		double[] floor = new double[runs];
		for (int i = 0; i < warmup + runs; i++) {
			long t0 = System.nanoTime();
			http.send(floorRequest, HttpResponse.BodyHandlers.ofString());
			if (i >= warmup) {
				floor[i - warmup] = (System.nanoTime() - t0) / 1e6;
			}
		}
		report.add(String.format(Locale.ROOT, "%-40s %6.1f ms %6.1f ms", "floor: GET /api/v1/units (no ledger)",
				pct(floor, 50), pct(floor, 95)));
		report.add("runs per filter: " + runs + " after " + warmup + " warm-up; load average at the end: "
				+ Files.readString(Path.of("/proc/loadavg")).trim());
		String text = String.join("\n", report);
		System.out.println(text);
		Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(Path.of("target/benchmarks/ledger-list.txt"), text + "\n");
	}

	/** The two statements of ProjectQueries.list for page 1: count and sums, then the page. */
	static long sql(Connection conn, Case c) throws Exception {
		long count;
		try (PreparedStatement st = conn.prepareStatement("""
				SELECT COUNT(*), SUM(p.planned_investment), SUM(p.contracted_investment), SUM(p.paid_in_investment)
				FROM project p""" + c.where())) {
			bind(st, c.params(), false);
			try (var rs = st.executeQuery()) {
				rs.next();
				count = rs.getLong(1);
				rs.getBigDecimal(2);
			}
		}
		try (PreparedStatement st = conn.prepareStatement(SELECT + c.where() + c.orderBy() + " LIMIT ? OFFSET ?")) {
			bind(st, c.params(), true);
			try (var rs = st.executeQuery()) {
				while (rs.next()) {
					rs.getString("name");
				}
			}
		}
		return count;
	}

	static void bind(PreparedStatement st, List<Object> params, boolean page) throws Exception {
		int i = 1;
		for (Object p : params) {
			st.setObject(i++, p);
		}
		if (page) {
			st.setInt(i++, 20);
			st.setInt(i, 0);
		}
	}

	static double pct(double[] values, int p) {
		double[] s = values.clone();
		Arrays.sort(s);
		return s[(int) Math.ceil(p / 100.0 * s.length) - 1];
	}

	static String token(HttpClient http, String base) throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + env("BENCH_USER", "city")
					+ "\",\"password\":\"" + env("BENCH_PASSWORD", "Demo@2026") + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("sign-in: " + response.statusCode() + " " + response.body());
		}
		return response.body().replaceAll("(?s).*\"token\":\"([^\"]+)\".*", "$1");
	}

	static String env(String name, String fallback) {
		String v = System.getenv(name);
		return v == null || v.isBlank() ? fallback : v;
	}
}
