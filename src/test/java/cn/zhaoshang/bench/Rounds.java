package cn.zhaoshang.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The timing the in-JVM benchmarks share ({@code FiguresBenchmark}, {@code DashboardBenchmark},
 * {@code DispatchBenchmark}, {@code FundsTotalsBenchmark}): warm-up runs, then measured rounds, sorted milliseconds,
 * percentiles and the "aim met" line of docs/benchmarks.md. A step may throw (a MockMvc request); a step after each
 * round (deleting what the round wrote) is not timed.
 */
public final class Rounds {

	/** One timed action. */
	@FunctionalInterface
	public interface Step {

		void run() throws Exception;
	}

	private final int warmUp;
	private final int rounds;

	public Rounds(int warmUp, int rounds) {
		this.warmUp = warmUp;
		this.rounds = rounds;
	}

	/** From {@code -Dbench.warmup} and {@code -Dbench.rounds}, with these defaults. */
	public static Rounds fromProperties(int warmUp, int rounds) {
		return new Rounds(Integer.getInteger("bench.warmup", warmUp), Integer.getInteger("bench.rounds", rounds));
	}

	public int rounds() {
		return rounds;
	}

	/** The step's times in milliseconds, sorted (the best first). */
	public double[] time(Step step) {
		return time(step, () -> {
		});
	}

	/** As {@link #time(Step)}, with {@code after} run untimed after every run, warm-up runs included. */
	public double[] time(Step step, Step after) {
		try {
			for (int i = 0; i < warmUp; i++) {
				step.run();
				after.run();
			}
			double[] ms = new double[rounds];
			for (int i = 0; i < rounds; i++) {
				long t = System.nanoTime();
				step.run();
				ms[i] = (System.nanoTime() - t) / 1e6;
				after.run();
			}
			Arrays.sort(ms);
			return ms;
		}
		catch (RuntimeException | Error e) {
			throw e;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** The p-th percentile (nearest rank) of sorted times. */
	public static double pct(double[] sorted, int p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}

	/** {@code label: median …, p95 …, best … (n rounds); p95 <= aim ms: met | NOT met}. */
	public static String line(String label, double[] sorted, double aimMs) {
		return String.format(Locale.ROOT, "%s: median %.1f ms, p95 %.1f ms, best %.1f ms (%d rounds); p95 <= %.0f ms: %s",
				label, pct(sorted, 50), pct(sorted, 95), sorted[0], sorted.length, aimMs, met(sorted, aimMs));
	}

	/** "met" when the p95 is within the aim, else "NOT met". */
	public static String met(double[] sorted, double aimMs) {
		return pct(sorted, 95) <= aimMs ? "met" : "NOT met";
	}
}
