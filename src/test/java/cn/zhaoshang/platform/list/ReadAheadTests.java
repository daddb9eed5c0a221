package cn.zhaoshang.platform.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * The export kit's read-ahead: every row in the reader's order, on another thread; a failure on either side stops
 * both and reaches the caller; the reader has finished when {@code run} returns.
 */
class ReadAheadTests {

	@Test
	void everyRowInOrderFromAnotherThread() {
		List<Integer> written = new ArrayList<>();
		AtomicReference<Thread> readerThread = new AtomicReference<>();
		ReadAhead.<Integer>run(rows -> {
			readerThread.set(Thread.currentThread());
			IntStream.range(0, 10_007).forEach(rows::accept); // not a multiple of the batch
		}, written::add);
		assertThat(written).hasSize(10_007);
		assertThat(written).isSorted().startsWith(0, 1, 2).endsWith(10_006);
		assertThat(readerThread.get()).isNotSameAs(Thread.currentThread());
	}

	@Test
	void noRowsWritesNothing() {
		List<Integer> written = new ArrayList<>();
		ReadAhead.<Integer>run(rows -> {
		}, written::add);
		assertThat(written).isEmpty();
	}

	@Test
	void theReadersFailureReachesTheCallerAsItWas() {
		List<Integer> written = new ArrayList<>();
		var failure = new IllegalStateException("cursor lost");
		assertThatThrownBy(() -> ReadAhead.<Integer>run(rows -> {
			IntStream.range(0, 600).forEach(rows::accept);
			throw failure;
		}, written::add)).isSameAs(failure);
		assertThat(written).hasSizeLessThanOrEqualTo(600);
	}

	@Test
	void theWritersFailureStopsTheReaderBeforeRunReturns() {
		AtomicInteger read = new AtomicInteger();
		AtomicBoolean readerStopped = new AtomicBoolean();
		AtomicBoolean readerDone = new AtomicBoolean();
		var failure = new IllegalArgumentException("client gone");
		assertThatThrownBy(() -> ReadAhead.<Integer>run(rows -> {
			try {
				for (int i = 0; i < 1_000_000; i++) {
					rows.accept(i);
					read.incrementAndGet();
				}
			}
			catch (CancellationException e) {
				readerStopped.set(true);
				throw e;
			}
			finally {
				readerDone.set(true);
			}
		}, row -> {
			if (row == 1_000) {
				throw failure;
			}
		})).isSameAs(failure);
		assertThat(readerDone).as("the reader has finished when run returns").isTrue();
		assertThat(readerStopped).as("the reader was stopped at its next row").isTrue();
		assertThat(read.get()).as("it did not read the whole list").isLessThan(1_000_000);
	}
}
