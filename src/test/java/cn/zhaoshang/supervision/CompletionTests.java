package cn.zhaoshang.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** Completion = achieved / target as a percentage to one decimal, beside the pace month / 12. */
class CompletionTests {

	@Test
	void completion_is_achieved_over_target_to_one_decimal_rounded_half_up() {
		assertThat(Completion.of(7, 12L, 10).percent()).isEqualByComparingTo("58.3");
		assertThat(Completion.of(1, 8L, 10).percent()).isEqualByComparingTo("12.5");
		assertThat(Completion.of(new BigDecimal("1234.56"), new BigDecimal("1000"), 6).percent())
			.isEqualByComparingTo("123.5");
		assertThat(Completion.of(2, 3L, 1).percent()).isEqualByComparingTo("66.7");
	}

	@Test
	void no_target_or_a_zero_target_means_no_completion() {
		assertThat(Completion.of(5, null, 10).percent()).isNull();
		assertThat(Completion.of(5, null, 10).present()).isFalse();
		assertThat(Completion.of(5, 0L, 10).percent()).isNull();
		assertThat(Completion.of(5, null, 10).onPace()).isFalse();
	}

	@Test
	void nothing_achieved_is_zero_percent_and_null_achieved_counts_as_zero() {
		assertThat(Completion.of(0, 40L, 3).percent()).isEqualByComparingTo("0.0");
		assertThat(Completion.of(null, BigDecimal.TEN, 3).percent()).isEqualByComparingTo("0.0");
	}

	@Test
	void the_expected_pace_is_the_month_over_twelve() {
		assertThat(Completion.pace(1)).isEqualByComparingTo("8.3");
		assertThat(Completion.pace(6)).isEqualByComparingTo("50.0");
		assertThat(Completion.pace(10)).isEqualByComparingTo("83.3");
		assertThat(Completion.pace(12)).isEqualByComparingTo("100.0");
		assertThatThrownBy(() -> Completion.pace(0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Completion.of(1, 2L, 13)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void on_pace_when_completion_reaches_the_pace() {
		assertThat(Completion.of(10, 12L, 10).onPace()).isTrue();
		assertThat(Completion.of(9, 12L, 10).onPace()).isFalse();
		assertThat(Completion.of(15, 12L, 12).onPace()).isTrue();
	}
}
