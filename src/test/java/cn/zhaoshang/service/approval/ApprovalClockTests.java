package cn.zhaoshang.service.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@link ApprovalClock}: calendar days from the submitted date, overdue days open and closed, medians. */
class ApprovalClockTests {

	static final LocalDate SUBMITTED = LocalDate.of(2026, 3, 1);

	@Test
	void an_open_approval_is_overdue_from_the_day_after_its_due_day() {
		assertThat(ApprovalClock.due(SUBMITTED, 20)).isEqualTo(LocalDate.of(2026, 3, 21));
		assertThat(ApprovalClock.overdueDays(SUBMITTED, 20, null, LocalDate.of(2026, 3, 21))).isZero();
		assertThat(ApprovalClock.overdueDays(SUBMITTED, 20, null, LocalDate.of(2026, 3, 22))).isEqualTo(1);
		assertThat(ApprovalClock.overdueDays(SUBMITTED, 20, null, LocalDate.of(2026, 4, 10))).isEqualTo(20);
	}

	@Test
	void an_approved_one_counts_until_its_approval_not_today() {
		LocalDate approved = LocalDate.of(2026, 3, 25);
		assertThat(ApprovalClock.overdueDays(SUBMITTED, 20, approved, LocalDate.of(2026, 12, 1))).isEqualTo(4);
		assertThat(ApprovalClock.daysTaken(SUBMITTED, approved, LocalDate.of(2026, 12, 1))).isEqualTo(24);
		assertThat(ApprovalClock.overdueDays(SUBMITTED, 30, approved, LocalDate.of(2026, 12, 1))).isZero();
	}

	@Test
	void median_of_odd_and_even_counts() {
		assertThat(ApprovalClock.median(List.of())).isNull();
		assertThat(ApprovalClock.median(List.of(30L, 5L, 12L))).isEqualTo(12.0);
		assertThat(ApprovalClock.median(List.of(30L, 5L, 12L, 20L))).isEqualTo(16.0);
	}
}
