package cn.zhaoshang.project.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The counting rule as intervals (ADR 0016): each case names the days on which a move counts, written out by hand
 * from the rule of ADR 0012 (effective day; later undo; drop until resume).
 */
class CountedIntervalsTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	final List<CountedIntervals.Move> moves = new ArrayList<>();

	private void move(String from, String to, String fromStatus, String toStatus, String date, String state,
			String submittedAt, String reviewedAt) {
		moves.add(new CountedIntervals.Move(moves.size() + 1, 7, from, to, fromStatus, toStatus,
				date == null ? null : LocalDate.parse(date), state, Instant.parse(submittedAt),
				reviewedAt == null ? null : Instant.parse(reviewedAt), new BigDecimal("100.00")));
	}

	private void applied(String from, String to, String date) {
		move(from, to, "ACTIVE", "ACTIVE", date, "APPLIED", date + "T02:00:00Z", null);
	}

	private List<String> intervals() {
		return CountedIntervals.of(moves, ZONE)
			.stream()
			.map(i -> i.moveId() + ":" + i.toStage() + " eff " + i.effective() + " [" + i.from() + ", " + i.to() + ")")
			.toList();
	}

	@Test
	void a_signing_counts_from_its_date_on() {
		applied("NEGOTIATING", "SIGNED", "2031-03-10");
		assertThat(intervals()).containsExactly("1:SIGNED eff 2031-03-10 [2031-03-10, null)");
	}

	@Test
	void approval_later_than_the_date_makes_the_approval_day_effective() {
		// dated 28 October, approved 3 November 10:00 in China (02:00 UTC)
		move("NEGOTIATING", "SIGNED", "ACTIVE", "ACTIVE", "2031-10-28", "APPROVED", "2031-10-29T02:00:00Z",
				"2031-11-03T02:00:00Z");
		assertThat(intervals()).containsExactly("1:SIGNED eff 2031-11-03 [2031-11-03, null)");
	}

	@Test
	void an_undated_move_is_effective_on_the_day_it_was_submitted_in_china() {
		// 17:00 UTC on 11 March is 01:00 on 12 March in China
		move("NEGOTIATING", "SIGNED", "ACTIVE", "ACTIVE", null, "APPLIED", "2031-03-11T17:00:00Z", null);
		assertThat(intervals()).containsExactly("1:SIGNED eff 2031-03-12 [2031-03-12, null)");
	}

	@Test
	void submitted_and_returned_moves_never_count_and_do_not_undo() {
		move("NEGOTIATING", "SIGNED", "ACTIVE", "ACTIVE", "2031-10-02", "RETURNED", "2031-10-02T02:00:00Z",
				"2031-10-03T02:00:00Z");
		move("NEGOTIATING", "SIGNED", "ACTIVE", "ACTIVE", "2031-10-05", "SUBMITTED", "2031-10-05T02:00:00Z", null);
		applied("NEGOTIATING", "SIGNED", "2031-10-09");
		move("SIGNED", "NEGOTIATING", "ACTIVE", "ACTIVE", "2031-10-20", "SUBMITTED", "2031-10-20T02:00:00Z", null);
		assertThat(intervals()).containsExactly("3:SIGNED eff 2031-10-09 [2031-10-09, null)");
	}

	@Test
	void moving_back_below_the_stage_ends_the_count_and_a_new_signing_counts_on_its_own() {
		applied("NEGOTIATING", "SIGNED", "2031-03-10");
		applied("SIGNED", "COMMENCED", "2031-08-15");
		applied("COMMENCED", "SIGNED", "2031-10-12");
		applied("SIGNED", "NEGOTIATING", "2031-11-02");
		applied("NEGOTIATING", "SIGNED", "2031-12-01");
		assertThat(intervals()).containsExactly("1:SIGNED eff 2031-03-10 [2031-03-10, 2031-11-02)",
				"2:COMMENCED eff 2031-08-15 [2031-08-15, 2031-10-12)",
				"5:SIGNED eff 2031-12-01 [2031-12-01, null)");
	}

	@Test
	void a_drop_leaves_a_gap_until_the_resume_and_an_unresumed_drop_ends_the_count() {
		applied("NEGOTIATING", "SIGNED", "2031-03-10");
		move("SIGNED", "SIGNED", "ACTIVE", "DROPPED", null, "APPLIED", "2031-05-01T02:00:00Z", null);
		move("SIGNED", "SIGNED", "DROPPED", "ACTIVE", null, "APPLIED", "2031-06-01T02:00:00Z", null);
		move("SIGNED", "SIGNED", "ACTIVE", "DROPPED", null, "APPLIED", "2031-09-01T02:00:00Z", null);
		assertThat(intervals()).containsExactly("1:SIGNED eff 2031-03-10 [2031-03-10, 2031-05-01)",
				"1:SIGNED eff 2031-03-10 [2031-06-01, 2031-09-01)");
	}

	@Test
	void a_resume_effective_before_the_drop_takes_effect_leaves_no_gap() {
		applied("NEGOTIATING", "SIGNED", "2031-03-10");
		// the drop is approved only on 1 July; the resume recorded after it is applied on 20 June
		move("SIGNED", "SIGNED", "ACTIVE", "DROPPED", "2031-06-10", "APPROVED", "2031-06-10T02:00:00Z",
				"2031-07-01T02:00:00Z");
		move("SIGNED", "SIGNED", "DROPPED", "ACTIVE", "2031-06-20", "APPLIED", "2031-06-20T02:00:00Z", null);
		assertThat(intervals()).containsExactly("1:SIGNED eff 2031-03-10 [2031-03-10, null)");
	}

	@Test
	void an_undo_effective_before_the_move_itself_means_it_never_counts() {
		// the signing is approved late (1 December); a move back recorded after it was applied on 1 November
		move("NEGOTIATING", "SIGNED", "ACTIVE", "ACTIVE", "2031-10-01", "APPROVED", "2031-10-01T02:00:00Z",
				"2031-12-01T02:00:00Z");
		applied("SIGNED", "NEGOTIATING", "2031-11-01");
		assertThat(intervals()).isEmpty();
	}

	@Test
	void a_later_move_into_the_same_stage_ends_the_earlier_one() {
		applied("NEGOTIATING", "SIGNED", "2031-03-10");
		applied("NEGOTIATING", "SIGNED", "2031-04-10");
		assertThat(intervals()).containsExactly("1:SIGNED eff 2031-03-10 [2031-03-10, 2031-04-10)",
				"2:SIGNED eff 2031-04-10 [2031-04-10, null)");
	}
}
