package cn.zhaoshang.platform.list;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Reads the rows of a long export on a second thread while the request's thread writes them (the export kit, issue
 * 15): the database cursor and the row mapping run beside the workbook writer instead of before each of its rows, so
 * on two cores the export takes about as long as the slower of the two instead of their sum. Rows reach the writer
 * in the reader's order, in batches through a small bounded queue (memory stays a few batches, whatever the list's
 * length).
 * <p>
 * The reader runs in its own thread, so it opens its own transaction (a {@code TransactionTemplate} inside it) and
 * must not depend on the request's thread-bound state (take the data scope before). A failure on either side stops
 * both: the reader's exception is thrown to the caller as it was, and when the writer fails the reader is stopped at
 * its next row (its cursor closed) before the writer's exception goes on. {@link #run} returns only after the
 * reader's thread has finished, so its connection is back in the pool.
 *
 * <pre>{@code
 * ReadAhead.run(rows -> readOnly.executeWithoutResult(tx -> queries.forEach(filter, scope, rows)),
 *         row -> write(styles.row(sheet, next[0]++), row));
 * }</pre>
 */
public final class ReadAhead {

	private static final int BATCH = 250;

	private static final int BATCHES = 8;

	private static final AtomicInteger THREADS = new AtomicInteger();

	private static final ExecutorService READERS = Executors.newCachedThreadPool(task -> {
		Thread t = new Thread(task, "read-ahead-" + THREADS.incrementAndGet());
		t.setDaemon(true);
		return t;
	});

	private ReadAhead() {
	}

	/**
	 * Runs {@code reader} on a second thread, handing every row it passes to its consumer to {@code writer} on this
	 * thread, in order.
	 */
	public static <T> void run(Consumer<Consumer<T>> reader, Consumer<T> writer) {
		var pipe = new Pipe<T>();
		Future<?> reading = READERS.submit(() -> pipe.read(reader));
		try {
			pipe.write(writer);
		}
		catch (RuntimeException | Error e) {
			pipe.stop();
			await(reading);
			throw e;
		}
		await(reading);
		pipe.rethrowReaderFailure();
	}

	private static void await(Future<?> reading) {
		boolean interrupted = false;
		while (true) {
			try {
				reading.get();
				break;
			}
			catch (InterruptedException e) {
				interrupted = true;
			}
			catch (ExecutionException e) {
				break; // read() catches everything; nothing reaches here
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/** The queue between the two threads and what each side knows of the other. */
	private static final class Pipe<T> {

		private final List<T> end = new ArrayList<>(0);
		private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(BATCHES);
		private final AtomicBoolean stopped = new AtomicBoolean();
		private volatile Throwable failure;
		private List<T> batch = new ArrayList<>(BATCH);

		void read(Consumer<Consumer<T>> reader) {
			try {
				reader.accept(row -> {
					if (stopped.get()) {
						throw new CancellationException("the writer stopped");
					}
					batch.add(row);
					if (batch.size() == BATCH) {
						hand(batch);
						batch = new ArrayList<>(BATCH);
					}
				});
				hand(batch);
			}
			catch (Throwable t) {
				failure = t;
			}
			finally {
				hand(end);
			}
		}

		/** Puts a batch in the queue, waiting for room unless the writer has stopped. */
		private void hand(List<T> rows) {
			try {
				while (!stopped.get()) {
					if (queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
						return;
					}
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				stopped.set(true);
			}
		}

		void write(Consumer<T> writer) {
			while (true) {
				List<T> rows;
				try {
					rows = queue.take();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted while waiting for rows", e);
				}
				if (rows == end) {
					return;
				}
				rows.forEach(writer);
			}
		}

		void stop() {
			stopped.set(true);
			queue.clear();
		}

		void rethrowReaderFailure() {
			Throwable t = failure;
			if (t instanceof RuntimeException e) {
				throw e;
			}
			if (t instanceof Error e) {
				throw e;
			}
			if (t != null) {
				throw new IllegalStateException(t);
			}
		}
	}
}
