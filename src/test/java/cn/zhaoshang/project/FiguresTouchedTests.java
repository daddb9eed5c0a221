package cn.zhaoshang.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/**
 * {@link FiguresTouched}: which month ends a transaction's changed sums touch, for the narrowed corrections check
 * (ADR 0014): a counted sum as of E touches E only, a funds sum of month M every month's end from M to December of
 * M's year; nothing noted, nothing touched; outside a transaction nothing is known; released when the transaction
 * completes.
 */
class FiguresTouchedTests {

	@Test
	void a_transaction_touches_the_month_ends_of_its_changed_sums_and_no_others() {
		assertThat(FiguresTouched.snapshot()).as("outside a transaction").isEmpty();
		TransactionSynchronizationManager.initSynchronization();
		try {
			assertThat(FiguresTouched.snapshot()).hasValueSatisfying(t -> assertThat(t.test(day("2036-01-31"))).isFalse());
			FiguresTouched.asOf(day("2036-01-31"));
			FiguresTouched.fundsMonth(day("2036-03-01"));
			FiguresTouched.fundsMonth(day("2036-05-01"));
			var touched = FiguresTouched.snapshot().orElseThrow();
			assertThat(touched.test(day("2036-01-31"))).isTrue();
			assertThat(touched.test(day("2036-02-29"))).isFalse();
			assertThat(touched.test(day("2036-03-31"))).isTrue();
			assertThat(touched.test(day("2036-12-31"))).isTrue();
			assertThat(touched.test(day("2037-03-31"))).as("another year").isFalse();
			assertThat(touched.test(day("2035-12-31"))).isFalse();
			TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
					TransactionSynchronization.STATUS_COMMITTED);
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}
		TransactionSynchronizationManager.initSynchronization();
		try {
			assertThat(FiguresTouched.snapshot()).as("the next transaction starts empty")
				.hasValueSatisfying(t -> assertThat(t.test(day("2036-12-31"))).isFalse());
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	private static LocalDate day(String text) {
		return LocalDate.parse(text);
	}
}
