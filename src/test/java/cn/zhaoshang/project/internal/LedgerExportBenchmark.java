package cn.zhaoshang.project.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.TestDatabases;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Time of the ledger export ({@code LedgerWorkbook.export}, what {@code GET /api/v1/projects/export} does after the
 * request) for 20,000 generated projects (issue 9). Not part of the suite (tag "benchmark"); run it as
 * docs/benchmarks.md says, on PostgreSQL (the production database) or H2. After a warm-up export, five exports
 * whose median and best are reported, and a CPU profile hint: a sampler thread records the exporting thread's stack
 * every 2 ms and counts the samples that are inside given methods (POI's per-cell column-style look-up above all)
 * and the methods most often on top. The report goes to target/benchmarks/ledger-export.txt.
 */
@Tag("benchmark")
@SpringBootTest
class LedgerExportBenchmark {

	static final int ROWS = 20_000;
	static final int ROUNDS = 5;

	/** Methods whose share of the samples (anywhere on the stack) the report gives. */
	static final List<String> WATCHED = List.of(
			"org.apache.poi.xssf.streaming.SXSSFCell.getCellStyle",
			"org.apache.poi.xssf.usermodel.XSSFSheet.getColumnStyle",
			"org.apache.poi.xssf.streaming.SheetDataWriter.writeRow",
			"org.apache.poi.xssf.streaming.SXSSFSheet.createRow",
			"org.apache.poi.xssf.streaming.SXSSFWorkbook.write",
			"cn.zhaoshang.project.internal.ProjectQueries.forEach",
			"cn.zhaoshang.platform.XlsxText.set");

	@Autowired
	LedgerWorkbook workbook;

	@Autowired
	LedgerGenerator generator;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void exports_twenty_thousand_rows() throws Exception {
		CurrentUser city = accounts.loadUserByUsername("city");
		String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
		var generated = generator.generate(ROWS, 2026);
		long count = jdbc.sql("SELECT COUNT(*) FROM project").query(Long.class).single();
		assertThat(count).isGreaterThanOrEqualTo(ROWS);

		// warm-up (class loading, JIT), not measured; the file must hold every project
		byte[] warm = export(city);
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(warm))) {
			assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo((int) count);
		}

		var sampler = new Sampler(Thread.currentThread());
		double[] seconds = new double[ROUNDS];
		int size = 0;
		sampler.start();
		for (int round = 0; round < ROUNDS; round++) {
			long t0 = System.nanoTime();
			size = export(city).length;
			seconds[round] = (System.nanoTime() - t0) / 1e9;
		}
		sampler.stop();

		double median = median(seconds);
		List<String> report = new ArrayList<>();
		report.add("database: %s; %d projects (%d generated in %.1f s), workbook %.2f MB".formatted(TestDatabases.kind(),
				count, generated.projects(), generated.seconds(), size / 1024.0 / 1024.0));
		report.add(String.format(Locale.ROOT, "export, %d rounds: median %.2f s = %.0f rows/s, best %.2f s = %.0f rows/s"
				+ " (all: %s)", ROUNDS, median, count / median, min(seconds), count / min(seconds),
				Arrays.toString(Arrays.stream(seconds).map(s -> Math.round(s * 100) / 100.0).toArray())));
		report.add("CPU profile hint (%d stack samples of the exporting thread, every 2 ms):".formatted(sampler.samples));
		for (String m : WATCHED) {
			report.add(String.format(Locale.ROOT, "  %5.1f %%  in %s", 100.0 * sampler.inside.getOrDefault(m, 0)
					/ Math.max(1, sampler.samples), m));
		}
		report.add("  most often on top of the stack:");
		sampler.top.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
			.forEach(e -> report.add(String.format(Locale.ROOT, "  %5.1f %%  %s",
					100.0 * e.getValue() / Math.max(1, sampler.samples), e.getKey())));
		report.add("cores: %d, max heap: %d MB, java %s; load average at start: %s; at the end: %s".formatted(
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1024 / 1024,
				System.getProperty("java.version"), loadBefore, Files.readString(Path.of("/proc/loadavg")).trim()));
		String text = String.join("\n", report);
		System.out.println(text);
		Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(Path.of("target/benchmarks/ledger-export.txt"), text + "\n");
	}

	byte[] export(CurrentUser user) throws IOException {
		var out = new ByteArrayOutputStream(4 << 20);
		workbook.export(ProjectFilter.none(), user, out);
		return out.toByteArray();
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	static double min(double[] values) {
		return Arrays.stream(values).min().orElse(0);
	}

	/** A poor man's sampling profiler: enough to see where an export spends its time, not a substitute for one. */
	static final class Sampler implements Runnable {

		final Thread target;
		final AtomicBoolean running = new AtomicBoolean(true);
		final Map<String, Integer> inside = new HashMap<>();
		final Map<String, Integer> top = new HashMap<>();
		final Thread thread = new Thread(this, "export-sampler");
		int samples;

		Sampler(Thread target) {
			this.target = target;
			thread.setDaemon(true);
		}

		void start() {
			thread.start();
		}

		void stop() throws InterruptedException {
			running.set(false);
			thread.join();
		}

		@Override
		public void run() {
			while (running.get()) {
				StackTraceElement[] stack = target.getStackTrace();
				if (stack.length > 0 && target.getState() == Thread.State.RUNNABLE) {
					samples++;
					top.merge(stack[0].getClassName() + "." + stack[0].getMethodName(), 1, Integer::sum);
					var seen = new java.util.HashSet<String>();
					for (StackTraceElement f : stack) {
						String name = f.getClassName() + "." + f.getMethodName();
						if (WATCHED.contains(name) && seen.add(name)) {
							inside.merge(name, 1, Integer::sum);
						}
					}
				}
				try {
					Thread.sleep(2);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}
	}
}
