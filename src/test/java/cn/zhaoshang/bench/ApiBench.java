package cn.zhaoshang.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zhaoshang.project.LedgerSheets;
import cn.zhaoshang.project.internal.BenchLedger;
import cn.zhaoshang.project.internal.ProjectQueries;

/**
 * The request side of {@code bench/run.sh} (issue 15; docs/benchmarks.md, "Issue 15 — the whole workload"): against
 * a running application on the generated data set, sequential requests over loopback, each case's median and p95
 * after a warm-up, next to the same read model's statements run over one plain JDBC connection (the raw SQL of the
 * same request, city scope; the count is checked equal). Cases: the ledger list with five filters (a county's first
 * and fiftieth page, a name search, unit and stage, chain and key by planned amount, signed in a year over an amount,
 * no filter), the yearly per-county summary as one request, the Excel export of a county, the import of 10,000 new
 * projects, and the floor ({@code GET /api/v1/units}). Writes {@code target/benchmarks/api.txt}.
 * <p>
 * Settings by environment: BASE_URL (http://127.0.0.1:18080), BENCH_JDBC_URL, RUNS (200), WARMUP (30), UNIT (7),
 * CHAIN (3), Q (苏州恒达), YEAR (2025), EXPORT_WARMUP (3), EXPORT_RUNS (9), IMPORT_RUNS (3; 0 leaves the data
 * unchanged).
 */
public final class ApiBench {

	record Case(String label, String path, Map<String, String> query, LongSupplier raw) {
	}

	private static final List<String> report = new ArrayList<>();

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("sql-load")) {
			sqlLoad(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
			return;
		}
		String base = env("BASE_URL", "http://127.0.0.1:18080");
		String jdbcUrl = env("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/zs_bench");
		int runs = Integer.parseInt(env("RUNS", "200"));
		int warmup = Integer.parseInt(env("WARMUP", "30"));
		String unit = env("UNIT", "7");
		String chain = env("CHAIN", "3");
		String q = env("Q", "苏州恒达");
		String year = env("YEAR", "2025");
		HttpClient http = HttpClient.newHttpClient();
		String token = token(http, base);
		PGSimpleDataSource pg = new PGSimpleDataSource();
		pg.setUrl(jdbcUrl);
		pg.setUser(env("PGUSER", "postgres"));
		pg.setPassword(env("PGPASSWORD", ""));
		try (Connection connection = pg.getConnection()) {
			var ds = new SingleConnectionDataSource(connection, true);
			ProjectQueries queries = BenchLedger.queries(ds);
			var tx = new TransactionTemplate(new org.springframework.jdbc.datasource.DataSourceTransactionManager(ds));
			tx.setReadOnly(true);
			line("load average at start: " + loadavg());
			line(String.format(Locale.ROOT, "%-44s %9s %9s | %9s %9s | %7s %s", "case (API: sequential, loopback)",
					"API p50", "API p95", "SQL p50", "SQL p95", "API/SQL", "rows"));
			List<Case> lists = List.of(
					list("county list, page 1 (unit=" + unit + ")", Map.of("unit", unit), queries, 1),
					list("county list, page 50", Map.of("unit", unit, "page", "50"), queries, 50),
					list("name search (q=" + q + ")", Map.of("q", q), queries, 1),
					list("unit + stage SIGNED", Map.of("unit", unit, "stage", "SIGNED"), queries, 1),
					list("chain + key, by planned desc",
							Map.of("chain", chain, "key", "true", "sort", "planned", "dir", "desc"), queries, 1),
					list("signed in " + year + ", planned >= 10,000", Map.of("dateOf", "signed", "from", year + "-01-01",
							"to", year + "-12-31", "amountOf", "planned", "min", "10000"), queries, 1),
					list("no filter, by last change", Map.of(), queries, 1));
			for (Case c : lists) {
				measure(http, token, base, c, warmup, runs);
			}
			Map<String, String> yearly = Map.of("by", "unit", "dateOf", "signed", "from", year + "-01-01", "to",
					year + "-12-31");
			measure(http, token, base, new Case("yearly per-county summary (one request)", "/api/v1/projects/groups",
					yearly, () -> queries.grouped(BenchLedger.filter(yearly), BenchLedger.CITY, "unit").total().count()),
					warmup, runs);
			int exportRuns = Integer.parseInt(env("EXPORT_RUNS", "9"));
			int exportWarmup = Integer.parseInt(env("EXPORT_WARMUP", "3"));
			Map<String, String> county = Map.of("unit", unit);
			measure(http, token, base, new Case("Excel export, county " + unit, "/api/v1/projects/export.xlsx", county,
					() -> tx.execute(s -> {
						AtomicLong n = new AtomicLong();
						queries.forEach(BenchLedger.filter(county), BenchLedger.CITY, r -> n.incrementAndGet());
						return n.get();
					})), exportWarmup, exportRuns);
			importRuns(http, token, base, connection, Integer.parseInt(env("IMPORT_RUNS", "3")));
			measure(http, token, base, new Case("floor: GET /api/v1/units", "/api/v1/units", Map.of(), null), warmup,
					runs);
		}
		line("load average at the end: " + loadavg());
		Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(Path.of("target/benchmarks/api.txt"), String.join("\n", report) + "\n");
	}

	/**
	 * The raw side of the throughput runs: {@code clients} threads, each on its own connection, run the county list's
	 * statements (page 1 of UNIT, as {@code GET /api/v1/projects?unit=…} does) for {@code seconds}; prints the rate
	 * and the p50/p99 latency, like pgbench would for the same statements.
	 */
	private static void sqlLoad(int clients, int seconds) throws Exception {
		String unit = env("UNIT", "7");
		PGSimpleDataSource pg = new PGSimpleDataSource();
		pg.setUrl(env("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/zs_bench"));
		pg.setUser(env("PGUSER", "postgres"));
		pg.setPassword(env("PGPASSWORD", ""));
		var filter = BenchLedger.filter(Map.of("unit", unit));
		// a warm-up of a third of the time (JIT, connections), then the measured time
		long measureFrom = System.nanoTime() + seconds * 333_000_000L;
		long end = measureFrom + seconds * 1_000_000_000L;
		List<double[]> all = java.util.Collections.synchronizedList(new ArrayList<>());
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < clients; t++) {
			Thread thread = new Thread(() -> {
				try (Connection c = pg.getConnection()) {
					ProjectQueries queries = BenchLedger.queries(new SingleConnectionDataSource(c, true));
					double[] times = new double[1 << 20];
					int n = 0;
					while (System.nanoTime() < end && n < times.length) {
						long t0 = System.nanoTime();
						queries.listPage(filter, BenchLedger.CITY, 1, 20);
						if (t0 >= measureFrom) {
							times[n++] = (System.nanoTime() - t0) / 1e6;
						}
					}
					all.add(Arrays.copyOf(times, n));
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
			thread.start();
			threads.add(thread);
		}
		for (Thread t : threads) {
			t.join();
		}
		double[] times = all.stream().flatMapToDouble(Arrays::stream).toArray();
		System.out.println(String.format(Locale.ROOT,
				"SQL of GET /api/v1/projects?unit=%s, %d clients, %d s: %,.0f statements-sets/s, p50 %.1f ms, p99 %.1f ms",
				unit, clients, seconds, times.length / (double) seconds, pct(times, 50), pct(times, 99)));
	}

	private static Case list(String label, Map<String, String> query, ProjectQueries queries, int page) {
		Map<String, String> filter = new LinkedHashMap<>(query);
		filter.remove("page");
		return new Case(label, "/api/v1/projects", query,
				() -> queries.listPage(BenchLedger.filter(filter), BenchLedger.CITY, page, 20).totals().count());
	}

	private static void measure(HttpClient http, String token, String base, Case c, int warmup, int runs)
			throws Exception {
		String url = base + c.path() + (c.query().isEmpty() ? "" : "?" + encode(c.query()));
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
			.GET()
			.build();
		HttpResponse<byte[]> last = null;
		for (int i = 0; i < warmup; i++) {
			last = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		double[] api = new double[runs];
		for (int i = 0; i < runs; i++) {
			long t0 = System.nanoTime();
			last = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			api[i] = (System.nanoTime() - t0) / 1e6;
			if (last.statusCode() != 200) {
				throw new IllegalStateException(url + " -> " + last.statusCode() + " "
						+ new String(last.body(), StandardCharsets.UTF_8));
			}
		}
		String body = new String(last.body(), StandardCharsets.UTF_8);
		// the last "total" of the answer is the whole filtered set's (groups have their own before it)
		String total = body.startsWith("{") ? body.replaceAll("(?s).*\"total\":(\\d+),.*", "$1")
				: last.body().length / 1024 + " KB";
		if (c.raw() == null) {
			line(String.format(Locale.ROOT, "%-44s %6.1f ms %6.1f ms |", c.label(), pct(api, 50), pct(api, 95)));
			return;
		}
		for (int i = 0; i < warmup; i++) {
			c.raw().getAsLong();
		}
		double[] raw = new double[runs];
		long count = 0;
		for (int i = 0; i < runs; i++) {
			long t0 = System.nanoTime();
			count = c.raw().getAsLong();
			raw[i] = (System.nanoTime() - t0) / 1e6;
		}
		if (body.startsWith("{") && !total.equals(String.valueOf(count))) {
			throw new IllegalStateException(c.label() + ": SQL count " + count + ", API total " + total);
		}
		line(String.format(Locale.ROOT, "%-44s %6.1f ms %6.1f ms | %6.1f ms %6.1f ms | %6.2fx %,d%s", c.label(),
				pct(api, 50), pct(api, 95), pct(raw, 50), pct(raw, 95), pct(api, 50) / pct(raw, 50), count,
				body.startsWith("{") ? "" : " rows, " + total));
	}

	/** POST /api/v1/projects/import of 10,000 new projects (new investors), each run with its own names. */
	private static void importRuns(HttpClient http, String token, String base, Connection c, int runs)
			throws Exception {
		if (runs <= 0) {
			return;
		}
		List<String> units = strings(c, "SELECT name FROM unit WHERE active AND type IN ('COUNTY', 'ZONE') ORDER BY id");
		List<String> chains = strings(c, "SELECT name FROM industry_chain ORDER BY id");
		double[] rates = new double[runs];
		for (int i = 0; i < runs; i++) {
			String prefix = "导入" + UUID.randomUUID().toString().substring(0, 6);
			byte[] file = LedgerSheets.generated(10_000, prefix, units, chains, 0);
			String boundary = "----bench" + UUID.randomUUID();
			byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ledger.xlsx\""
					+ "\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8);
			byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/projects/import"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, file, tail)))
				.build();
			long t0 = System.nanoTime();
			var response = http.send(request, HttpResponse.BodyHandlers.ofString());
			double seconds = (System.nanoTime() - t0) / 1e9;
			if (response.statusCode() != 200 || !response.body().contains("\"created\":10000")) {
				throw new IllegalStateException("import -> " + response.statusCode() + " " + response.body());
			}
			rates[i] = 10_000 / seconds;
		}
		line(String.format(Locale.ROOT, "%-44s %,9.0f rows/s median, best %,.0f rows/s (%s)",
				"import, 10,000 new rows (POST, whole request)", pct(rates, 50), Arrays.stream(rates).max().orElse(0),
				Arrays.toString(Arrays.stream(rates).map(Math::round).toArray())));
	}

	private static List<String> strings(Connection c, String sql) throws Exception {
		List<String> out = new ArrayList<>();
		try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
			while (rs.next()) {
				out.add(rs.getString(1));
			}
		}
		return out;
	}

	private static String encode(Map<String, String> query) {
		List<String> parts = new ArrayList<>();
		query.forEach((k, v) -> parts.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
		return String.join("&", parts);
	}

	static double pct(double[] values, int p) {
		double[] s = values.clone();
		Arrays.sort(s);
		return s[Math.max(0, (int) Math.ceil(p / 100.0 * s.length) - 1)];
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

	private static String loadavg() throws Exception {
		return Files.readString(Path.of("/proc/loadavg")).trim();
	}

	private static void line(String s) {
		System.out.println(s);
		report.add(s);
	}

	static String env(String name, String fallback) {
		String v = System.getenv(name);
		return v == null || v.isBlank() ? fallback : v;
	}
}
