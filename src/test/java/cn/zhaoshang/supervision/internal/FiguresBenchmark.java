package cn.zhaoshang.supervision.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

import cn.zhaoshang.bench.LedgerDataGenerator;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.project.internal.CountedMoves;
import cn.zhaoshang.project.internal.FundsSums;
import cn.zhaoshang.supervision.ReportingPeriod;
import cn.zhaoshang.supervision.SupervisionFigures;
import cn.zhaoshang.support.TestDatabases;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The supervision figures at city scale (issue 11, docs/benchmarks.md "Issue 11 — figures"). 200,000 projects from
 * {@link LedgerDataGenerator} (seed 42, facts up to December 2026, 24 months of funds), then the figures of all
 * units for a month ({@code 2026-10}), a quarter ({@code 2026-Q3}) and a year ({@code 2026}, the yearly per-county
 * summary) through {@link SupervisionFigures#of}, and the same SQL statements run directly over JDBC (every row
 * read, nothing computed); 5 warm-up runs, then 30 measured of each, median and p95. Before measuring, the result of
 * each period is checked equal, figure by figure, to {@link FiguresReference} (the first, per-project
 * implementation). Aims: p95 at most 100 ms and at most twice the raw SQL's; the year at most 170 ms (ten times
 * faster than the peer's 1.7 s). Not part of the suite (tag benchmark); the report with the PostgreSQL plans goes to
 * target/benchmarks/figures.txt. {@code -Dbench.projects=N} changes the size.
 */
@Tag("benchmark")
@SpringBootTest
class FiguresBenchmark {

	static final int WARM_UP = Integer.getInteger("bench.warmup", 5);
	static final int ROUNDS = Integer.getInteger("bench.rounds", 30);

	@Autowired
	SupervisionFigures figures;

	@Autowired
	FiguresQuery query;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UnitDirectory units;

	@Autowired
	Clock clock;

	@Autowired
	CountedMoves countedMoves;

	@Autowired
	FundsSums fundsSums;

	@Autowired
	cn.zhaoshang.project.internal.CountedSums countedSums;

	@Autowired
	cn.zhaoshang.project.internal.SharedSums sharedSums;

	@Autowired
	cn.zhaoshang.supervision.Publications publications;

	@Autowired
	cn.zhaoshang.platform.user.AccountUserDetailsService accounts;

	@Test
	void figures_for_a_month_a_quarter_and_a_year() throws Exception {
		List<String> report = new ArrayList<>();
		String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
		int projects = Integer.getInteger("bench.projects", 200_000);
		var generator = new LedgerDataGenerator(dataSource);
		var stats = generator.generate(new LedgerDataGenerator.Settings(projects, 42, YearMonth.of(2026, 12), 24));
		long t0 = System.nanoTime();
		// the generator writes with COPY, past the writers that keep the read models: rebuild them as the writers
		// would have left them (ADR 0013, ADR 0016, ADR 0017)
		countedMoves.rebuild();
		countedSums.rebuild();
		fundsSums.rebuild();
		report.add("read models rebuilt in %.1f s".formatted((System.nanoTime() - t0) / 1e9));
		t0 = System.nanoTime();
		sharedSums.rebuild();
		report.add("corrections of the projects that are not plain (V43) rebuilt in %.1f s: %d stage rows, %d funds rows"
			.formatted((System.nanoTime() - t0) / 1e9,
					jdbc.sql("SELECT COUNT(*) FROM project_shared_counted_sum").query(Long.class).single(),
					jdbc.sql("SELECT COUNT(*) FROM project_shared_funds_sum").query(Long.class).single()));
		t0 = System.nanoTime();
		generator.analyze();
		report.add("database: %s; generated %s; analyzed in %.1f s".formatted(TestDatabases.kind(), stats,
				(System.nanoTime() - t0) / 1e9));
		report.add("load average after loading: " + Files.readString(Path.of("/proc/loadavg")).trim());

		var reference = new FiguresReference(jdbc, units, clock);
		var template = new NamedParameterJdbcTemplate(dataSource);
		for (String text : List.of("2026-10", "2026-Q3", "2026")) {
			ReportingPeriod period = ReportingPeriod.parse(text);
			long r0 = System.nanoTime();
			var expected = reference.of(period);
			double referenceMs = (System.nanoTime() - r0) / 1e6;
			// the read model itself (the public SupervisionFigures may add completion around it)
			var actual = query.of(period);
			assertThat(actual.rows()).isEqualTo(expected.rows());
			assertThat(actual.totals()).isEqualTo(expected.totals());
			assertThat(actual.totalsYearToDate()).isEqualTo(expected.totalsYearToDate());
			double[] api = time(() -> figures.of(period));
			List<Map.Entry<String, Map<String, Object>>> statements = query.statements(period);
			double[] raw = time(() -> {
				for (var st : statements) {
					template.query(st.getKey(), st.getValue(), (RowCallbackHandler) rs -> {
						int n = rs.getMetaData().getColumnCount();
						for (int i = 1; i <= n; i++) {
							rs.getObject(i);
						}
					});
				}
			});
			// the first implementation at the same load, for before/after on one machine state
			double[] before = time(() -> reference.of(period));
			report.add(String.format(Locale.ROOT, "%-8s first implementation (FiguresReference): median %.1f ms, p95 %.1f ms",
					text, pct(before, 50), pct(before, 95)));
			report.add(String.format(Locale.ROOT,
					"%-8s figures: median %.1f ms, p95 %.1f ms, best %.1f ms | raw SQL (%d statements): median %.1f ms,"
							+ " p95 %.1f ms | p95 ratio %.2f | reference implementation once: %.0f ms | city totals"
							+ " YTD %s",
					text, pct(api, 50), pct(api, 95), api[0], statements.size(), pct(raw, 50), pct(raw, 95),
					pct(api, 95) / pct(raw, 95), referenceMs, actual.totalsYearToDate()));
			if (TestDatabases.postgres() && Boolean.parseBoolean(System.getProperty("bench.plans", "true"))) {
				for (var st : statements) {
					report.add("  plan:");
					template.query("EXPLAIN (ANALYZE, BUFFERS) " + st.getKey(), st.getValue(),
							(rs, n) -> rs.getString(1)).forEach(line -> report.add("    " + line));
				}
			}
		}
		if (Boolean.parseBoolean(System.getProperty("bench.check", "true"))) {
			// the corrections check (ADR 0014) after a project write, with the twelve months, four quarters and the
			// year of 2026 published: one figures computation per published period, compared cell by cell
			var city = accounts.loadUserByUsername("city");
			for (int m = 1; m <= 12; m++) {
				publications.publish(cn.zhaoshang.supervision.Publications.Kind.MONTHLY,
						ReportingPeriod.parse("2026-%02d".formatted(m)), "bench " + m, null, "/", city);
			}
			for (int q = 1; q <= 4; q++) {
				publications.publish(cn.zhaoshang.supervision.Publications.Kind.RANKING,
						ReportingPeriod.parse("2026-Q" + q), "bench Q" + q, null, "/", city);
			}
			publications.publish(cn.zhaoshang.supervision.Publications.Kind.YEAR_END, ReportingPeriod.parse("2026"),
					"bench 2026", null, "/", city);
			var change = new cn.zhaoshang.supervision.Publications.ProjectChange(1L, "FUNDS", "bench", "bench");
			double[] check = time(() -> assertThat(publications.check(change)).isZero());
			report.add(String.format(Locale.ROOT,
					"corrections check, 17 publications (12 months, 4 quarters, the year): median %.1f ms, p95 %.1f ms,"
							+ " best %.1f ms",
					pct(check, 50), pct(check, 95), check[0]));
			// narrowed as after a committed write (ADR 0014): a funds row of October 2026 touches the month ends from
			// October to December (October, November, December, Q4 and the year: 5 of the 17); a write that changed
			// no sum touches none
			java.time.LocalDate october = java.time.LocalDate.of(2026, 10, 1);
			double[] narrowed = time(() -> assertThat(publications.check(change,
					e -> e.getYear() == 2026 && !e.isBefore(october))).isZero());
			double[] none = time(() -> assertThat(publications.check(change, e -> false)).isZero());
			report.add(String.format(Locale.ROOT,
					"corrections check narrowed to an October funds write (5 publications): median %.1f ms, p95 %.1f ms;"
							+ " to a write that changed no sum (0): median %.1f ms, p95 %.1f ms",
					pct(narrowed, 50), pct(narrowed, 95), pct(none, 50), pct(none, 95)));
		}
		report.add("cores: %d, max heap: %d MB, java %s; load average at start: %s; at the end: %s".formatted(
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1024 / 1024,
				System.getProperty("java.version"), loadBefore, Files.readString(Path.of("/proc/loadavg")).trim()));
		String text = String.join("\n", report);
		System.out.println(text);
		Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(Path.of("target/benchmarks/figures.txt"), text + "\n");
	}

	static double[] time(Runnable run) {
		for (int i = 0; i < WARM_UP; i++) {
			run.run();
		}
		double[] ms = new double[ROUNDS];
		for (int i = 0; i < ROUNDS; i++) {
			long t = System.nanoTime();
			run.run();
			ms[i] = (System.nanoTime() - t) / 1e6;
		}
		Arrays.sort(ms);
		return ms;
	}

	static double pct(double[] sorted, int p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}
}
