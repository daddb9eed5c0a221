package cn.zhaoshang.project.web;

import static cn.zhaoshang.bench.RoundRobin.caseOf;
import static cn.zhaoshang.bench.Rounds.pct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.bench.Rounds;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.TestDatabases;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The funds totals at city scale (issue 10, docs/benchmarks.md "Funds totals"): 200,000 projects, the active ones
 * (four in five) with 24 monthly funds rows each (about 3.8 million rows), generated with one INSERT ... SELECT
 * each (generate_series on PostgreSQL, SYSTEM_RANGE on H2). Then the totals by unit for the last twelve months
 * through the API ({@code GET /api/v1/funds}, MockMvc: security, binding, JSON) and the same SQL statement run
 * directly, each 5 times to warm up and 40 times measured; p50 and p95 of both. Target: API p95 at most 100 ms and
 * at most twice the direct SQL's. Not part of the suite (tag benchmark); the report goes to
 * target/benchmarks/funds-totals.txt, with the PostgreSQL plan.
 */
@Tag("benchmark")
@SpringBootTest
@AutoConfigureMockMvc
class FundsTotalsBenchmark {

	static final int PROJECTS = 200_000;
	static final int MONTHS = 24;
	static final Rounds ROUNDS = new Rounds(5, 40);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	Clock clock;

	@Autowired
	cn.zhaoshang.project.internal.FundsSums fundsSums;

	@Test
	void totals_by_unit_for_a_year() throws Exception {
		List<String> report = new ArrayList<>();
		String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
		YearMonth current = YearMonth.from(LocalDate.now(clock));
		YearMonth first = current.minusMonths(MONTHS - 1);
		long t0 = System.nanoTime();
		generate(first);
		double generated = (System.nanoTime() - t0) / 1e9;
		// the rows were written straight into the table: the monthly sums are rebuilt from them, as V20 does
		long t1 = System.nanoTime();
		fundsSums.rebuild();
		double rebuilt = (System.nanoTime() - t1) / 1e9;
		if (TestDatabases.postgres()) {
			jdbc.sql("ANALYZE project").update();
			jdbc.sql("ANALYZE project_funds").update();
			jdbc.sql("ANALYZE project_funds_sum").update();
		}
		long sumRows = jdbc.sql("SELECT COUNT(*) FROM project_funds_sum").query(Long.class).single();
		long projects = jdbc.sql("SELECT COUNT(*) FROM project").query(Long.class).single();
		long rows = jdbc.sql("SELECT COUNT(*) FROM project_funds").query(Long.class).single();
		assertThat(projects).isGreaterThanOrEqualTo(PROJECTS);

		YearMonth from = current.minusMonths(11);
		var city = user(accounts.loadUserByUsername("city"));
		String url = "/api/v1/funds?groupBy=unit&from=" + from + "&to=" + current;
		String sql = "SELECT p.unit_id, SUM(f.funds_in_place), SUM(f.out_of_province), SUM(f.foreign_used),"
				+ " SUM(f.fixed_assets) FROM project_funds f JOIN project p ON p.id = f.project_id"
				+ " WHERE f.funds_month >= :from AND f.funds_month <= :to GROUP BY p.unit_id";
		Rounds.Step api = () -> mvc.perform(get(url).with(city)).andExpect(status().isOk());
		Rounds.Step direct = () -> jdbc.sql(sql)
			.param("from", Date.valueOf(from.atDay(1)))
			.param("to", Date.valueOf(current.atDay(1)))
			.query()
			.listOfRows();
		// what the API runs now: the same totals from the monthly sums
		String summed = "SELECT s.unit_id, SUM(s.funds_in_place), SUM(s.out_of_province), SUM(s.foreign_used),"
				+ " SUM(s.fixed_assets) FROM project_funds_sum s"
				+ " WHERE s.sum_month >= :from AND s.sum_month <= :to GROUP BY s.unit_id HAVING SUM(s.row_count) > 0";
		Rounds.Step directSums = () -> jdbc.sql(summed)
			.param("from", Date.valueOf(from.atDay(1)))
			.param("to", Date.valueOf(current.atDay(1)))
			.query()
			.listOfRows();
		double[] apiMs = ROUNDS.time(api);
		double[] sumsMs = ROUNDS.time(directSums);
		double[] sqlMs = ROUNDS.time(direct);
		long inYear = jdbc.sql("SELECT COUNT(*) FROM project_funds WHERE funds_month >= :f AND funds_month <= :t")
			.param("f", Date.valueOf(from.atDay(1))).param("t", Date.valueOf(current.atDay(1)))
			.query(Long.class).single();

		report.add("database: %s; %d projects, %d funds rows (%d in the year summed), generated in %.1f s".formatted(
				TestDatabases.kind(), projects, rows, inYear, generated));
		// the API's answer equals the totals summed from the rows
		report.add("API totals equal the rows' totals: " + equal(from, current));
		report.add(String.format(Locale.ROOT, "API   GET %s: p50 %.1f ms, p95 %.1f ms, best %.1f ms (%d rounds)", url,
				pct(apiMs, 50), pct(apiMs, 95), apiMs[0], ROUNDS.rounds()));
		report.add("monthly sums (project_funds_sum): %d rows, rebuilt from the funds rows in %.1f s".formatted(sumRows,
				rebuilt));
		report.add(String.format(Locale.ROOT, "SQL   the API's statement (monthly sums) directly: p50 %.1f ms, p95 %.1f ms, best %.1f ms",
				pct(sumsMs, 50), pct(sumsMs, 95), sumsMs[0]));
		report.add(String.format(Locale.ROOT, "SQL   the same totals from the funds rows directly: p50 %.1f ms, p95 %.1f ms, best %.1f ms",
				pct(sqlMs, 50), pct(sqlMs, 95), sqlMs[0]));
		report.add(String.format(Locale.ROOT, "API p95 / rows SQL p95 = %.2f; target p95 <= 100 ms: %s; within 2x of the rows SQL: %s",
				pct(apiMs, 95) / pct(sqlMs, 95), Rounds.met(apiMs, 100),
				pct(apiMs, 95) <= 2 * pct(sqlMs, 95) ? "met" : "NOT met"));
		if (TestDatabases.postgres()) {
			report.add("plan:");
			jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + summed)
				.param("from", Date.valueOf(from.atDay(1)))
				.param("to", Date.valueOf(current.atDay(1)))
				.query((rs, n) -> rs.getString(1))
				.list()
				.forEach(line -> report.add("  " + line));
		}
		report.add("cores: %d, max heap: %d MB, java %s; load average at start: %s; at the end: %s".formatted(
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1024 / 1024,
				System.getProperty("java.version"), loadBefore, Files.readString(Path.of("/proc/loadavg")).trim()));
		String text = String.join("\n", report);
		System.out.println(text);
		Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(Path.of("target/benchmarks/funds-totals.txt"), text + "\n");
	}

	/** The projects (in the landing units, chains and types round robin) and their rows, one statement each. */
	void generate(YearMonth first) {
		List<Long> units = jdbc.sql("SELECT id FROM unit WHERE type IN ('COUNTY', 'ZONE') ORDER BY id")
			.query(Long.class).list();
		if (units.isEmpty()) {
			units = jdbc.sql("SELECT id FROM unit ORDER BY id").query(Long.class).list();
		}
		List<Long> chains = jdbc.sql("SELECT id FROM industry_chain ORDER BY id").query(Long.class).list();
		long merchant = jdbc.sql("SELECT MIN(id) FROM merchant").query(Long.class).single();
		String unitCase = caseOf("g", units);
		String chainCase = caseOf("g", chains);
		String series = TestDatabases.postgres() ? "generate_series(1, " + PROJECTS + ") AS s(g)"
				: "(SELECT X AS g FROM SYSTEM_RANGE(1, " + PROJECTS + "))";
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment)
				SELECT CONCAT('BENCH-', g), CONCAT('BENCH-', g), %d, 'bench', %s, %s,
				    CASE MOD(g, 4) WHEN 0 THEN 'NEW' WHEN 1 THEN 'EXPANSION' WHEN 2 THEN 'RETURN' ELSE 'FOREIGN' END,
				    CASE MOD(g, 3) WHEN 0 THEN 'NEGOTIATING' WHEN 1 THEN 'SIGNED' ELSE 'COMMENCED' END,
				    CASE WHEN MOD(g, 5) = 0 THEN 'DROPPED' ELSE 'ACTIVE' END, 1000
				FROM %s""".formatted(merchant, unitCase, chainCase, series)).update();
		String months = TestDatabases.postgres()
				? "CROSS JOIN generate_series(0, " + (MONTHS - 1) + ") AS m(k)"
				: "CROSS JOIN (SELECT X AS k FROM SYSTEM_RANGE(0, " + (MONTHS - 1) + ")) m";
		String month = TestDatabases.postgres() ? "CAST(CAST(:first AS DATE) + m.k * INTERVAL '1 month' AS DATE)"
				: "DATEADD('MONTH', m.k, CAST(:first AS DATE))";
		jdbc.sql("""
				INSERT INTO project_funds (project_id, funds_month, funds_in_place, out_of_province, foreign_used,
				    fixed_assets, created_by, updated_by)
				SELECT p.id, %s, MOD(p.id * 7 + m.k, 500) + 0.25, MOD(p.id * 7 + m.k, 500) / 2, MOD(p.id, 10),
				    MOD(p.id * 3 + m.k, 400) + 0.5, 'bench', 'bench'
				FROM project p %s
				WHERE p.code LIKE 'BENCH-%%' AND p.status = 'ACTIVE'""".formatted(month, months))
			.param("first", Date.valueOf(first.atDay(1)))
			.update();
	}

	/** Compares the sums' totals by unit with a GROUP BY of the rows, to the cent. */
	boolean equal(YearMonth from, YearMonth to) {
		String rows = "SELECT p.unit_id, SUM(f.funds_in_place), SUM(f.out_of_province), SUM(f.foreign_used),"
				+ " SUM(f.fixed_assets), COUNT(*) FROM project_funds f JOIN project p ON p.id = f.project_id"
				+ " WHERE f.funds_month >= :from AND f.funds_month <= :to GROUP BY p.unit_id ORDER BY 1";
		String sums = "SELECT s.unit_id, SUM(s.funds_in_place), SUM(s.out_of_province), SUM(s.foreign_used),"
				+ " SUM(s.fixed_assets), SUM(s.row_count) FROM project_funds_sum s"
				+ " WHERE s.sum_month >= :from AND s.sum_month <= :to GROUP BY s.unit_id HAVING SUM(s.row_count) > 0"
				+ " ORDER BY 1";
		java.util.function.Function<String, List<String>> read = q -> jdbc.sql(q)
			.param("from", Date.valueOf(from.atDay(1)))
			.param("to", Date.valueOf(to.atDay(1)))
			.query((rs, n) -> rs.getLong(1) + " " + rs.getBigDecimal(2).setScale(2) + " " + rs.getBigDecimal(3).setScale(2)
					+ " " + rs.getBigDecimal(4).setScale(2) + " " + rs.getBigDecimal(5).setScale(2) + " " + rs.getLong(6))
			.list();
		List<String> a = read.apply(rows);
		List<String> b = read.apply(sums);
		assertThat(b).isEqualTo(a);
		return a.equals(b);
	}
}
