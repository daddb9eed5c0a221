package cn.zhaoshang.project.internal;

/** Where an import spends its time, for its log line (and docs/benchmarks.md): named laps and the total. */
final class ImportStopwatch {

	private final long start = System.nanoTime();
	private long last = start;
	private final StringBuilder laps = new StringBuilder();

	void lap(String name) {
		long now = System.nanoTime();
		laps.append(laps.isEmpty() ? "" : ", ").append(name).append(' ').append((now - last) / 1_000_000).append(" ms");
		last = now;
	}

	@Override
	public String toString() {
		return (System.nanoTime() - start) / 1_000_000 + " ms: " + laps;
	}
}
