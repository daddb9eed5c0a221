package cn.zhaoshang.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.zhaoshang.dispatch.internal.StagnationRule.RoundFacts;

/** The stagnation rule on each of its edges (issue 10). Rounds are two months each from January 2026. */
class StagnationRuleTests {

	final StagnationRule rule = StagnationRule.withDefault();

	/** Round n (1..6) of 2026: months 2n-1 and 2n. */
	static LocalDate from(int n) {
		return LocalDate.of(2026, 2 * n - 1, 1);
	}

	static LocalDate to(int n) {
		return YearMonth.of(2026, 2 * n).atEndOfMonth();
	}

	static RoundFacts silent(int n) {
		return new RoundFacts(n, from(n), to(n), true, 0, BigDecimal.ZERO, false);
	}

	static RoundFacts moved(int n) {
		return new RoundFacts(n, from(n), to(n), true, 1, null, false);
	}

	static RoundFacts funded(int n, String amount) {
		return new RoundFacts(n, from(n), to(n), true, 0, new BigDecimal(amount), false);
	}

	static RoundFacts open(int n) {
		return new RoundFacts(n, from(n), to(n), false, 0, null, false);
	}

	@Test
	void a_stage_move_on_the_periods_first_or_last_day_is_in_the_period() {
		assertThat(StagnationRule.inPeriod(from(5), from(5), to(5))).isTrue();
		assertThat(StagnationRule.inPeriod(to(5), from(5), to(5))).isTrue();
		assertThat(StagnationRule.inPeriod(from(5).minusDays(1), from(5), to(5))).isFalse();
		assertThat(StagnationRule.inPeriod(to(5).plusDays(1), from(5), to(5))).isFalse();
		assertThat(StagnationRule.inPeriod((LocalDate) null, from(5), to(5))).isFalse();
		// a move counted in the round is progress: the run of silent rounds stops there
		assertThat(rule.judge(List.of(silent(3), moved(4), silent(5))).roundsWithoutProgress()).isEqualTo(1);
	}

	@Test
	void a_funds_month_counts_in_the_period_it_lies_in() {
		assertThat(StagnationRule.inPeriod(YearMonth.of(2026, 9), from(5), to(5))).isTrue();
		assertThat(StagnationRule.inPeriod(YearMonth.of(2026, 10), from(5), to(5))).isTrue();
		assertThat(StagnationRule.inPeriod(YearMonth.of(2026, 11), from(5), to(5))).isFalse();
		assertThat(StagnationRule.inPeriod(YearMonth.of(2026, 8), from(5), to(5))).isFalse();
		// a period starting mid-month takes that month (as the closing freezes funds_in_period)
		assertThat(StagnationRule.inPeriod(YearMonth.of(2026, 9), LocalDate.of(2026, 9, 15), to(5))).isTrue();
	}

	@Test
	void funds_of_zero_are_no_progress_but_any_positive_amount_is() {
		assertThat(funded(1, "0").progress()).isFalse();
		assertThat(funded(1, "0.00").progress()).isFalse();
		assertThat(new RoundFacts(1, from(1), to(1), true, 0, null, false).progress()).isFalse();
		assertThat(funded(1, "0.01").progress()).isTrue();
		assertThat(rule.judge(List.of(funded(1, "0"), funded(2, "0.00"))).stalled()).isTrue();
		assertThat(rule.judge(List.of(funded(1, "0"), funded(2, "12.5"))).stalled()).isFalse();
	}

	@Test
	void a_completed_milestone_is_progress() {
		var registered = new RoundFacts(2, from(2), to(2), true, 0, null, true);
		assertThat(registered.progress()).isTrue();
		assertThat(rule.judge(List.of(silent(1), registered)).roundsWithoutProgress()).isZero();
	}

	@Test
	void stalled_after_two_consecutive_rounds_by_default() {
		assertThat(rule.rounds()).isEqualTo(2);
		var one = rule.judge(List.of(moved(1), silent(2)));
		assertThat(one.withoutProgress()).isTrue();
		assertThat(one.stalled()).isFalse();

		var two = rule.judge(List.of(moved(1), silent(2), silent(3)));
		assertThat(two.stalled()).isTrue();
		assertThat(two.roundsWithoutProgress()).isEqualTo(2);
		assertThat(two.countingRounds()).containsExactly(3L, 2L);
	}

	@Test
	void n_is_a_setting() {
		var three = new StagnationRule(3);
		assertThat(three.judge(List.of(silent(1), silent(2))).stalled()).isFalse();
		assertThat(three.judge(List.of(silent(1), silent(2), silent(3))).stalled()).isTrue();
		assertThat(new StagnationRule(1).judge(List.of(silent(1))).stalled()).isTrue();
		assertThatThrownBy(() -> new StagnationRule(0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void a_non_consecutive_pattern_does_not_stall() {
		// silent, progress, silent, progress, silent: never two in a row
		var verdict = rule.judge(List.of(silent(1), moved(2), silent(3), funded(4, "5"), silent(5)));
		assertThat(verdict.roundsWithoutProgress()).isEqualTo(1);
		assertThat(verdict.countingRounds()).containsExactly(5L);
		assertThat(verdict.stalled()).isFalse();
	}

	@Test
	void the_order_of_the_history_given_does_not_matter() {
		List<RoundFacts> history = new ArrayList<>(List.of(silent(3), moved(1), silent(2)));
		assertThat(rule.judge(history).countingRounds()).containsExactly(3L, 2L);
	}

	@Test
	void a_project_that_entered_scope_mid_way_counts_only_its_rounds() {
		// rounds 1-3 passed before the project was in scope: its history starts at round 4
		var entered = rule.judge(List.of(silent(4)));
		assertThat(entered.roundsWithoutProgress()).isEqualTo(1);
		assertThat(entered.stalled()).isFalse();
		assertThat(rule.judge(List.of(silent(4), silent(5))).stalled()).isTrue();
		// taken out of round 5 and back in round 6: round 5 neither counts nor breaks the run
		assertThat(rule.judge(List.of(silent(4), silent(6))).countingRounds()).containsExactly(6L, 4L);
	}

	@Test
	void a_reopened_round_counts_for_nothing_until_closed_again() {
		// round 3 was closed silent, then reopened: only round 2 counts as of now
		var reopened = rule.judge(List.of(moved(1), silent(2), open(3)));
		assertThat(reopened.countingRounds()).containsExactly(2L);
		assertThat(reopened.stalled()).isFalse();
		// closed again with a move found meanwhile: progress
		assertThat(rule.judge(List.of(moved(1), silent(2), moved(3))).stalled()).isFalse();
		// closed again still silent: stalled
		assertThat(rule.judge(List.of(moved(1), silent(2), silent(3))).stalled()).isTrue();
		// asked about the reopened round itself: nothing counts
		var asOfOpen = rule.judge(List.of(moved(1), silent(2), open(3)), 3L);
		assertThat(asOfOpen.roundsWithoutProgress()).isZero();
		assertThat(asOfOpen.stalled()).isFalse();
	}

	@Test
	void as_of_an_older_round_newer_rounds_do_not_count() {
		var history = List.of(silent(1), silent(2), moved(3), silent(4));
		assertThat(rule.judge(history, 2L).stalled()).isTrue();
		assertThat(rule.judge(history, 2L).countingRounds()).containsExactly(2L, 1L);
		assertThat(rule.judge(history, 3L).roundsWithoutProgress()).isZero();
		assertThat(rule.judge(history, 4L).countingRounds()).containsExactly(4L);
		// a round the project was not in scope of: nothing counts
		assertThat(rule.judge(history, 9L).roundsWithoutProgress()).isZero();
	}

	@Test
	void no_rounds_no_verdict() {
		assertThat(rule.judge(List.of()).roundsWithoutProgress()).isZero();
		assertThat(rule.judge(List.of()).stalled()).isFalse();
	}
}
