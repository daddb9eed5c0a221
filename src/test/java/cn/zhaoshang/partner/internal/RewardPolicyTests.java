package cn.zhaoshang.partner.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.zhaoshang.project.Stage;

import org.junit.jupiter.api.Test;

/** The reward arithmetic of clause XI: percent of funds, fixed sum, cap, and the split between introducers. */
class RewardPolicyTests {

	static BigDecimal d(String s) {
		return new BigDecimal(s);
	}

	@Test
	void a_percentage_of_funds_in_place_is_taken_from_10000_yuan_units_to_the_fen() {
		var rule = new RewardPolicy.Rule(Stage.COMMENCED, d("0.5"), null, null);
		// 3,000 万元 = 30,000,000 yuan; 0.5 % of it
		assertThat(RewardPolicy.whole(rule, d("3000"))).isEqualByComparingTo("150000.00");
		// 1,234.567 万元 × 0.0333 % = 4,111.10811 yuan, half up to the fen
		assertThat(RewardPolicy.whole(new RewardPolicy.Rule(Stage.COMMENCED, d("0.0333"), null, null), d("1234.567")))
			.isEqualByComparingTo("4111.11");
		assertThat(RewardPolicy.whole(rule, null)).isEqualByComparingTo("0.00");
	}

	@Test
	void a_fixed_sum_does_not_depend_on_the_funds() {
		var rule = new RewardPolicy.Rule(Stage.SIGNED, null, d("10000"), null);
		assertThat(RewardPolicy.whole(rule, d("999999"))).isEqualByComparingTo("10000.00");
		assertThat(RewardPolicy.whole(rule, null)).isEqualByComparingTo("10000.00");
	}

	@Test
	void the_cap_limits_the_reward_and_a_smaller_one_is_kept() {
		var capped = new RewardPolicy.Rule(Stage.COMMENCED, d("0.5"), null, d("200000"));
		assertThat(RewardPolicy.whole(capped, d("5000"))).isEqualByComparingTo("200000.00"); // 250,000 capped
		assertThat(RewardPolicy.whole(capped, d("3000"))).isEqualByComparingTo("150000.00"); // under the cap
		var fixedCapped = new RewardPolicy.Rule(Stage.SIGNED, null, d("80000"), d("50000"));
		assertThat(RewardPolicy.whole(fixedCapped, null)).isEqualByComparingTo("50000.00");
	}

	@Test
	void two_introducers_split_the_reward_as_their_credit_says() {
		Map<Long, Integer> credit = new LinkedHashMap<>();
		credit.put(7L, 6000);
		credit.put(9L, 4000);
		var parts = RewardPolicy.split(d("150000.00"), credit);
		assertThat(parts.get(7L)).isEqualByComparingTo("90000.00");
		assertThat(parts.get(9L)).isEqualByComparingTo("60000.00");
	}

	@Test
	void no_fen_is_lost_or_made_up_in_a_split() {
		Map<Long, Integer> thirds = new LinkedHashMap<>();
		thirds.put(3L, 3334);
		thirds.put(1L, 3333);
		thirds.put(2L, 3333);
		var parts = RewardPolicy.split(d("100.00"), thirds);
		assertThat(parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100.00");
		assertThat(parts.get(3L)).isEqualByComparingTo("33.34");
		// 0.01 over 50/50: the one fen goes to the smaller key, never both or none
		Map<Long, Integer> halves = new LinkedHashMap<>();
		halves.put(5L, 5000);
		halves.put(4L, 5000);
		var fen = RewardPolicy.split(d("0.01"), halves);
		assertThat(fen.get(4L)).isEqualByComparingTo("0.01");
		assertThat(fen.get(5L)).isEqualByComparingTo("0.00");
		for (String whole : new String[] { "4111.11", "0.03", "200000.00", "12345.67" }) {
			Map<Long, Integer> odd = new LinkedHashMap<>();
			odd.put(11L, 6667);
			odd.put(12L, 3333);
			assertThat(RewardPolicy.split(d(whole), odd).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
				.as(whole)
				.isEqualByComparingTo(whole);
		}
	}
}
