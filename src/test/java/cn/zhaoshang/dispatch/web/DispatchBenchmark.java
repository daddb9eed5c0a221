package cn.zhaoshang.dispatch.web;

import static cn.zhaoshang.bench.RoundRobin.caseOf;
import static cn.zhaoshang.bench.Rounds.pct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.bench.Rounds;
import cn.zhaoshang.dispatch.internal.PacketQueries;
import cn.zhaoshang.dispatch.internal.RoundStore;
import cn.zhaoshang.dispatch.internal.StalledQueries;
import cn.zhaoshang.platform.DataScope;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.TestDatabases;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The dispatch round at scale (issue 10, docs/benchmarks.md "Dispatch: packet and stalled list"): 2,000 generated
 * projects (one INSERT ... SELECT) in scope of four two-monthly rounds of 2032, every report submitted, a problem
 * for one project in five, funds in place every month for one project in three (the others make no progress and
 * become stalled). Each round is closed through the API (freeze, audit, the stalled rule). Then, through MockMvc as
 * the city bureau: the last round's packet as .docx and as .pdf (5 warm-up and 10 measured runs each, target 3 s)
 * and its stalled list {@code GET /api/v1/stalled-projects?round=} (5 warm-up and 40 measured, target 200 ms).
 * Not part of the suite (tag benchmark); the report goes to target/benchmarks/dispatch.txt.
 */
@Tag("benchmark")
@SpringBootTest
@AutoConfigureMockMvc
class DispatchBenchmark {

	static final int PROJECTS = 2_000;

	static final int ROUNDS = 4;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	RoundStore rounds;

	@Autowired
	PacketQueries packets;

	@Autowired
	StalledQueries stalledQueries;

	@Test
	void packet_and_stalled_list_of_a_round_of_2000_projects() throws Exception {
		List<String> report = new ArrayList<>();
		String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
		RequestPostProcessor city = user(accounts.loadUserByUsername("city"));
		long t0 = System.nanoTime();
		generateProjects();
		List<Long> ids = new ArrayList<>();
		double closeSeconds = 0;
		for (int i = 0; i < ROUNDS; i++) {
			LocalDate from = LocalDate.of(2032, 1 + 2 * i, 1);
			LocalDate to = from.plusMonths(2).minusDays(1);
			long round = rounds.insert("2032年第" + (i + 1) + "次（" + from.getMonthValue() + "-" + to.getMonthValue()
					+ "月）项目调度", from, to, to.plusDays(5), null, "李明", "city", Instant.now());
			fill(round);
			long c = System.nanoTime();
			mvc.perform(post("/api/v1/dispatch-rounds/" + round + "/close").with(city).with(csrf()))
				.andExpect(status().isOk());
			closeSeconds = (System.nanoTime() - c) / 1e9;
			ids.add(round);
		}
		if (TestDatabases.postgres()) {
			for (String table : List.of("project", "project_funds", "dispatch_scope", "dispatch_problem")) {
				jdbc.sql("ANALYZE " + table).update();
			}
		}
		double generated = (System.nanoTime() - t0) / 1e9;
		long last = ids.get(ids.size() - 1);
		long inScope = jdbc.sql("SELECT COUNT(*) FROM dispatch_scope WHERE round_id = :r").param("r", last)
			.query(Long.class).single();
		long problems = jdbc.sql("SELECT COUNT(*) FROM dispatch_problem WHERE round_id = :r").param("r", last)
			.query(Long.class).single();
		assertThat(inScope).isEqualTo(PROJECTS);

		String docxUrl = "/api/v1/dispatch-rounds/" + last + "/packet.docx";
		String pdfUrl = "/api/v1/dispatch-rounds/" + last + "/packet.pdf";
		String stalledUrl = "/api/v1/stalled-projects?round=" + last;
		int[] sizes = new int[2];
		double[] docx = new Rounds(5, 10).time(() -> sizes[0] = body(docxUrl, city).length);
		double[] pdf = new Rounds(5, 10).time(() -> sizes[1] = body(pdfUrl, city).length);
		String stalledJson = new String(body(stalledUrl, city), java.nio.charset.StandardCharsets.UTF_8);
		int stalledCount = JsonPath.<List<?>>read(stalledJson, "$.items").size();
		double[] stalled = new Rounds(5, 40).time(() -> body(stalledUrl, city));
		// the breakdown: the packet's queries alone (no rendering), the stalled list's query alone (no JSON)
		DataScope all = new DataScope(true, true, java.util.Set.of(), java.util.Set.of());
		double[] packetQueries = new Rounds(3, 10)
			.time(() -> packets.document(last, all, Locale.SIMPLIFIED_CHINESE));
		double[] stalledQuery = new Rounds(5, 40).time(() -> stalledQueries.stalled(last, all));

		report.add("database: %s; %d projects in scope of each of %d closed rounds, %d problems in the last; generated"
				.formatted(TestDatabases.kind(), inScope, ROUNDS, problems)
				+ String.format(Locale.ROOT, " and closed in %.1f s (closing the last round through the API: %.2f s)",
						generated, closeSeconds));
		report.add(String.format(Locale.ROOT, "packet .docx GET %s: median %.0f ms, p95 %.0f ms, best %.0f ms (10 runs),"
				+ " %d KB; target 3 s: %s", docxUrl, pct(docx, 50), pct(docx, 95), docx[0], sizes[0] / 1024,
				Rounds.met(docx, 3000)));
		report.add(String.format(Locale.ROOT, "packet .pdf  GET %s: median %.0f ms, p95 %.0f ms, best %.0f ms (10 runs),"
				+ " %d KB; target 3 s: %s", pdfUrl, pct(pdf, 50), pct(pdf, 95), pdf[0], sizes[1] / 1024,
				Rounds.met(pdf, 3000)));
		report.add(String.format(Locale.ROOT, "stalled list GET %s: %d stalled projects; p50 %.1f ms, p95 %.1f ms,"
				+ " best %.1f ms (40 runs); target 200 ms: %s", stalledUrl, stalledCount, pct(stalled, 50),
				pct(stalled, 95), stalled[0], Rounds.met(stalled, 200)));
		report.add(String.format(Locale.ROOT, "breakdown: the packet's queries alone (PacketQueries.document) median"
				+ " %.0f ms, p95 %.0f ms; the stalled list's query alone (StalledQueries.stalled) p50 %.1f ms, p95 %.1f ms;"
				+ " stalled JSON %d KB", pct(packetQueries, 50), pct(packetQueries, 95), pct(stalledQuery, 50),
				pct(stalledQuery, 95), stalledJson.length() / 1024));
		report.add("cores: %d, max heap: %d MB, java %s; load average at start: %s; at the end: %s".formatted(
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1024 / 1024,
				System.getProperty("java.version"), loadBefore, Files.readString(Path.of("/proc/loadavg")).trim()));
		String text = String.join("\n", report);
		System.out.println(text);
		Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(Path.of("target/benchmarks/dispatch.txt"), text + "\n");
		Files.write(Path.of("target/benchmarks/dispatch-packet.docx"), body(docxUrl, city));
		Files.write(Path.of("target/benchmarks/dispatch-packet.pdf"), body(pdfUrl, city));
	}

	byte[] body(String url, RequestPostProcessor who) throws Exception {
		return mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsByteArray();
	}

	/** The projects (landing units and chains round robin, active, not in production) and their 2032 funds. */
	void generateProjects() {
		List<Long> units = jdbc.sql("SELECT id FROM unit WHERE type IN ('COUNTY', 'ZONE') ORDER BY id")
			.query(Long.class).list();
		if (units.isEmpty()) {
			units = jdbc.sql("SELECT id FROM unit ORDER BY id").query(Long.class).list();
		}
		List<Long> chains = jdbc.sql("SELECT id FROM industry_chain ORDER BY id").query(Long.class).list();
		long merchant = jdbc.sql("SELECT MIN(id) FROM merchant").query(Long.class).single();
		String series = TestDatabases.postgres() ? "generate_series(1, " + PROJECTS + ") AS s(g)"
				: "(SELECT X AS g FROM SYSTEM_RANGE(1, " + PROJECTS + "))";
		jdbc.sql("""
				INSERT INTO project (code, name, merchant_id, investor_name, unit_id, chain_id, type, stage, status,
				    planned_investment)
				SELECT CONCAT('DBENCH-', g), CONCAT('调度基准项目', g), %d, 'bench', %s, %s,
				    CASE MOD(g, 4) WHEN 0 THEN 'NEW' WHEN 1 THEN 'EXPANSION' WHEN 2 THEN 'RETURN' ELSE 'FOREIGN' END,
				    CASE MOD(g, 3) WHEN 0 THEN 'NEGOTIATING' WHEN 1 THEN 'SIGNED' ELSE 'COMMENCED' END,
				    'ACTIVE', 1000
				FROM %s""".formatted(merchant, caseOf("g", units), caseOf("g", chains), series)).update();
		String months = TestDatabases.postgres() ? "CROSS JOIN generate_series(0, 11) AS m(k)"
				: "CROSS JOIN (SELECT X AS k FROM SYSTEM_RANGE(0, 11)) m";
		String month = TestDatabases.postgres() ? "CAST(DATE '2032-01-01' + m.k * INTERVAL '1 month' AS DATE)"
				: "DATEADD('MONTH', m.k, DATE '2032-01-01')";
		jdbc.sql("""
				INSERT INTO project_funds (project_id, funds_month, funds_in_place, out_of_province, foreign_used,
				    fixed_assets, created_by, updated_by)
				SELECT p.id, %s, MOD(p.id * 7 + m.k, 500) + 0.25, MOD(p.id * 7 + m.k, 500) / 2, MOD(p.id, 10),
				    MOD(p.id * 3 + m.k, 400) + 0.5, 'bench', 'bench'
				FROM project p %s
				WHERE p.code LIKE 'DBENCH-%%' AND MOD(p.id, 3) = 0""".formatted(month, months)).update();
	}

	/** Every generated project in scope, its report submitted; a problem for one in five. */
	void fill(long round) {
		jdbc.sql("""
				INSERT INTO dispatch_scope (round_id, project_id, unit_id, added_at, report_status, version, summary,
				    next_steps, submitted_by, submitted_at)
				SELECT :r, p.id, p.unit_id, CURRENT_TIMESTAMP, 'SUBMITTED', 1,
				    CONCAT('完成土地摘牌，厂房主体施工中，本期到位资金按计划推进（', p.code, '）'), '年底前设备进场，力争投产',
				    'bench', CURRENT_TIMESTAMP
				FROM project p WHERE p.code LIKE 'DBENCH-%'""").param("r", round).update();
		jdbc.sql("""
				INSERT INTO dispatch_problem (round_id, project_id, text, owner_name, due)
				SELECT :r, p.id, '电力增容需协调供电公司', '市发改委', :due
				FROM project p WHERE p.code LIKE 'DBENCH-%' AND MOD(p.id, 5) = 0""")
			.param("r", round).param("due", Date.valueOf(LocalDate.of(2032, 12, 31))).update();
	}
}
