package cn.zhaoshang.allocation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.zhaoshang.allocation.internal.BenefitSplit.Segment;
import cn.zhaoshang.platform.Shares;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.project.CreditShares.CreditShare;

import org.junit.jupiter.api.Test;

/**
 * The share arithmetic of benefit-sharing agreements: every period adds up to 100 %, the split of an odd part never
 * loses a basis point, amounts split to the fen never lose a fen, and a project that already has shares keeps the
 * other units' parts.
 */
class BenefitSplitTests {

	static final LocalDate ACCEPT = LocalDate.of(2026, 12, 7);
	static final LocalDate LAST = LocalDate.of(2029, 12, 6);

	static CreditShare share(long unit, int bp, LocalDate from, LocalDate to, boolean dflt) {
		return new CreditShare(new UnitId(unit), bp, from, to, dflt, null);
	}

	@Test
	void a_default_share_becomes_the_introducer_s_share_for_the_term_then_the_receiver_s_whole() {
		var base = BenefitSplit.segments(List.of(share(1, 10_000, null, null, true)), ACCEPT);
		assertThat(base).containsExactly(new Segment(ACCEPT, Map.of(1L, 10_000)));
		var out = BenefitSplit.apply(base, 1, 2, 3_000, LAST);
		assertThat(out).containsExactly(new Segment(ACCEPT, Map.of(1L, 3_000, 2L, 7_000)),
				new Segment(LAST.plusDays(1), Map.of(2L, 10_000)));
	}

	@Test
	void a_project_that_already_has_shares_keeps_the_third_unit_s_part_and_its_end() {
		// unit 3 holds 40 % until 2027-06-30 from an earlier agreement; unit 1 (the landing unit) the rest
		LocalDate earlierEnd = LocalDate.of(2027, 6, 30);
		var history = List.of(share(1, 10_000, null, LocalDate.of(2025, 12, 31), true),
				share(1, 6_000, LocalDate.of(2026, 1, 1), earlierEnd, false),
				share(3, 4_000, LocalDate.of(2026, 1, 1), earlierEnd, false),
				share(1, 10_000, earlierEnd.plusDays(1), null, false));
		var base = BenefitSplit.segments(history, ACCEPT);
		assertThat(base).containsExactly(new Segment(ACCEPT, Map.of(1L, 6_000, 3L, 4_000)),
				new Segment(earlierEnd.plusDays(1), Map.of(1L, 10_000)));
		var out = BenefitSplit.apply(base, 1, 2, 3_000, LAST);
		assertThat(out).containsExactly(new Segment(ACCEPT, Map.of(1L, 1_800, 2L, 4_200, 3L, 4_000)),
				new Segment(earlierEnd.plusDays(1), Map.of(1L, 3_000, 2L, 7_000)),
				new Segment(LAST.plusDays(1), Map.of(2L, 10_000)));
		out.forEach(s -> assertThat(s.sum()).isEqualTo(Shares.WHOLE));
	}

	@Test
	void an_odd_part_is_split_by_the_largest_remainder_and_never_loses_a_basis_point() {
		var base = List.of(new Segment(ACCEPT, Map.of(1L, 3_333, 3L, 6_667)));
		var out = BenefitSplit.apply(base, 1, 2, 3_333, LAST);
		// 3,333 x 33.33 % = 1,110.89 -> 1,111 to the introducer, 2,222 to the receiver
		assertThat(out.get(0).shares()).isEqualTo(Map.of(1L, 1_111, 2L, 2_222, 3L, 6_667));
		assertThat(out.get(0).sum()).isEqualTo(Shares.WHOLE);
	}

	@Test
	void random_shares_always_add_up_and_amounts_never_lose_a_fen() {
		Random r = new Random(12);
		for (int i = 0; i < 500; i++) {
			int a = 1 + r.nextInt(9_999);
			int intro = r.nextInt(10_000);
			var base = List.of(new Segment(ACCEPT, Map.of(1L, a, 3L, 10_000 - a)));
			for (Segment s : BenefitSplit.apply(base, 1, 2, intro, LAST)) {
				assertThat(s.sum()).isEqualTo(Shares.WHOLE);
				assertThat(s.shares().values()).allMatch(v -> v > 0);
				var shares = s.shares().entrySet().stream().map(e -> new Shares.Share(e.getKey(), e.getValue())).toList();
				BigDecimal amount = BigDecimal.valueOf(r.nextLong(1, 10_000_000_00L), 2);
				var parts = Shares.splitAmount(amount, shares);
				assertThat(parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(amount);
			}
		}
	}

	@Test
	void no_share_for_the_introducer_gives_the_receiver_its_whole_part() {
		var out = BenefitSplit.apply(List.of(new Segment(ACCEPT, Map.of(1L, 10_000))), 1, 2, 0, LAST);
		assertThat(out).containsExactly(new Segment(ACCEPT, Map.of(2L, 10_000)));
		assertThatThrownBy(() -> BenefitSplit.apply(List.of(), 1, 2, 10_000, LAST))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> BenefitSplit.apply(List.of(), 1, 1, 10, LAST)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void the_base_shares_are_stored_and_read_back() {
		var segments = List.of(new Segment(ACCEPT, Map.of(1L, 6_000, 3L, 4_000)),
				new Segment(LAST, Map.of(1L, 10_000)));
		assertThat(BenefitSplit.parse(BenefitSplit.format(segments))).isEqualTo(segments);
		assertThat(BenefitSplit.format(segments)).isEqualTo("2026-12-07:1=6000,3=4000;2029-12-06:1=10000");
		assertThat(BigInteger.ONE).isNotNull();
	}

	@Test
	void several_agreements_apply_in_order_each_to_what_the_ones_before_left() {
		// 1 → 2 (30 %, three years), then 2 → 3 (40 %, two years), both from the same day
		var ground = List.of(new Segment(ACCEPT, Map.of(1L, 10_000)));
		var first = new BenefitSplit.Term(ACCEPT, LAST, 1, 2, 3_000, false);
		var second = new BenefitSplit.Term(ACCEPT, ACCEPT.plusYears(2).minusDays(1), 2, 3, 4_000, false);
		assertThat(BenefitSplit.applyAll(ground, List.of(first, second))).containsExactly(
				new Segment(ACCEPT, Map.of(1L, 3_000, 2L, 2_800, 3L, 4_200)),
				new Segment(ACCEPT.plusYears(2), Map.of(1L, 3_000, 3L, 7_000)),
				new Segment(LAST.plusDays(1), Map.of(3L, 10_000)));
		// the first agreement changed (50 %): the second still splits unit 2's part
		var changed = new BenefitSplit.Term(ACCEPT, LAST, 1, 2, 5_000, false);
		assertThat(BenefitSplit.applyAll(ground, List.of(changed, second)).get(0))
			.isEqualTo(new Segment(ACCEPT, Map.of(1L, 5_000, 2L, 2_000, 3L, 3_000)));
		assertThat(BenefitSplit.applyAll(ground, List.of())).isEqualTo(ground);
	}

	@Test
	void a_later_agreement_starts_on_its_own_day_and_leaves_the_earlier_days_alone() {
		var ground = List.of(new Segment(ACCEPT, Map.of(1L, 10_000)));
		LocalDate later = ACCEPT.plusMonths(6);
		var first = new BenefitSplit.Term(ACCEPT, LAST, 1, 2, 3_000, false);
		var second = new BenefitSplit.Term(later, later.plusYears(1).minusDays(1), 2, 3, 5_000, false);
		assertThat(BenefitSplit.applyAll(ground, List.of(first, second))).containsExactly(
				new Segment(ACCEPT, Map.of(1L, 3_000, 2L, 7_000)),
				new Segment(later, Map.of(1L, 3_000, 2L, 3_500, 3L, 3_500)),
				new Segment(later.plusYears(1), Map.of(1L, 3_000, 3L, 7_000)),
				new Segment(LAST.plusDays(1), Map.of(3L, 10_000)));
	}

	@Test
	void a_clue_s_agreement_shares_what_the_receiving_unit_landed() {
		// the project landed at unit 2, which received the clue from unit 1 (30 %)
		var ground = List.of(new Segment(ACCEPT, Map.of(2L, 10_000)));
		var clue = new BenefitSplit.Term(ACCEPT, LAST, 1, 2, 3_000, true);
		assertThat(BenefitSplit.applyAll(ground, List.of(clue))).containsExactly(
				new Segment(ACCEPT, Map.of(1L, 3_000, 2L, 7_000)), new Segment(LAST.plusDays(1), Map.of(2L, 10_000)));
	}
}
