package cn.zhaoshang.report;

import static cn.zhaoshang.bench.RoundRobin.caseOf;
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
 * The home dashboard at city scale (issue 11, docs/benchmarks.md "Home dashboard"): 200,000 generated projects
 * (units, chains round robin; a third each negotiating, signed, commenced; one in five dropped; one in ten key, one
 * in twenty stalled) and, for the active ones, a funds row per month of this year and the last (3.84 million rows),
 * one INSERT ... SELECT each, then the monthly funds sums rebuilt from them (the chart reads those, ADR 0013). Then
 * {@code GET /api/v1/dashboard} through MockMvc for the city bureau and for a county manager, 2 warm-up and 10
 * measured runs each ({@code -Dbench.warmup}, {@code -Dbench.rounds}, {@code -Dbench.projects}), median and p95.
 * Target: p95 at most 200 ms. Distinct from the dashboard lines of {@code FiguresBenchmark}: every active project has
 * funds in every month (the funds-heavy case), but no stage moves or credit shares, so the completion part (the
 * supervision figures) reads little here; {@code FiguresBenchmark} times the dashboard on the generated ledger with
 * moves and shares. Timing by {@link Rounds}, shared with it. Not part of the suite (tag benchmark); the report goes to
 * target/benchmarks/dashboard.txt.
 */
@Tag("benchmark")
@SpringBootTest
@AutoConfigureMockMvc
class DashboardBenchmark {

	static final int PROJECTS = Integer.getInteger("bench.projects", 200_000);
	static final int MONTHS = 24;
	static final Rounds ROUNDS = Rounds.fromProperties(2, 10);

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
	void the_home_dashboard_at_200000_projects() throws Exception {
		List<String> report = new ArrayList<>();
		String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
		YearMonth current = YearMonth.from(LocalDate.now(clock));
		YearMonth first = YearMonth.of(current.getYear() - 1, 1);
		long t0 = System.nanoTime();
		generate(first);
		// the INSERTs pass the funds writers: the monthly sums the funds chart reads (ADR 0013) rebuilt as they would
		// have kept them (no stage moves or shares here, so the other read models have nothing to hold)
		fundsSums.rebuild();
		if (TestDatabases.postgres()) {
			jdbc.sql("ANALYZE project").update();
			jdbc.sql("ANALYZE project_funds").update();
			jdbc.sql("ANALYZE project_funds_sum").update();
		}
		double generated = (System.nanoTime() - t0) / 1e9;
		long projects = jdbc.sql("SELECT COUNT(*) FROM project").query(Long.class).single();
		long rows = jdbc.sql("SELECT COUNT(*) FROM project_funds").query(Long.class).single();
		assertThat(projects).isGreaterThanOrEqualTo(PROJECTS);
		report.add("database: %s; %d projects, %d funds rows, generated in %.1f s".formatted(TestDatabases.kind(),
				projects, rows, generated));
		for (String who : List.of("city", "hualong")) {
			var reader = user(accounts.loadUserByUsername(who));
			double[] ms = ROUNDS.time(() -> mvc.perform(get("/api/v1/dashboard").with(reader)).andExpect(status().isOk()));
			report.add(Rounds.line("GET /api/v1/dashboard as " + who, ms, 200));
		}
		report.add("cores: %d, max heap: %d MB, java %s; load average at start: %s; at the end: %s".formatted(
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1024 / 1024,
				System.getProperty("java.version"), loadBefore, Files.readString(Path.of("/proc/loadavg")).trim()));
		String text = String.join("\n", report);
		System.out.println(text);
		Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(Path.of("target/benchmarks/dashboard.txt"), text + "\n");
	}

	void generate(YearMonth first) {
		List<Long> units = jdbc.sql("SELECT id FROM unit WHERE type IN ('COUNTY', 'ZONE') ORDER BY id")
			.query(Long.class).list();
		List<Long> chains = jdbc.sql("SELECT id FROM industry_chain ORDER BY id").query(Long.class).list();
		long merchant = jdbc.sql("SELECT MIN(id) FROM merchant").query(Long.class).single();
		String series = TestDatabases.postgres() ? "generate_series(1, " + PROJECTS + ") AS s(g)"
				: "(SELECT X AS g FROM SYSTEM_RANGE(1, " + PROJECTS + "))";
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment, key_project, stalled)
				SELECT CONCAT('DASHB-', g), CONCAT('DASHB-', g), %d, 'bench', %s, %s, 'NEW',
				    CASE MOD(g, 3) WHEN 0 THEN 'NEGOTIATING' WHEN 1 THEN 'SIGNED' ELSE 'COMMENCED' END,
				    CASE WHEN MOD(g, 5) = 0 THEN 'DROPPED' ELSE 'ACTIVE' END, 1000,
				    MOD(g, 10) = 0, MOD(g, 20) = 1
				FROM %s""".formatted(merchant, caseOf("g", units), caseOf("g", chains), series)).update();
		String months = TestDatabases.postgres()
				? "CROSS JOIN generate_series(0, " + (MONTHS - 1) + ") AS m(k)"
				: "CROSS JOIN (SELECT X AS k FROM SYSTEM_RANGE(0, " + (MONTHS - 1) + ")) m";
		String month = TestDatabases.postgres() ? "CAST(CAST(:first AS DATE) + m.k * INTERVAL '1 month' AS DATE)"
				: "DATEADD('MONTH', m.k, CAST(:first AS DATE))";
		jdbc.sql("""
				INSERT INTO project_funds (project_id, funds_month, funds_in_place, out_of_province, foreign_used,
				    fixed_assets, created_by, updated_by)
				SELECT p.id, %s, MOD(p.id * 7 + m.k, 500) + 0.25, 0, 0, 0, 'bench', 'bench'
				FROM project p %s
				WHERE p.code LIKE 'DASHB-%%' AND p.status = 'ACTIVE'""".formatted(month, months))
			.param("first", Date.valueOf(first.atDay(1)))
			.update();
	}
}
