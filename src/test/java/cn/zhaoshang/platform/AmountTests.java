package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import jakarta.validation.Validation;

import org.junit.jupiter.api.Test;

/** The amount rule (万元, not negative, 12 integer digits, 2 decimals) in its three uses: checks, parsing, forms. */
class AmountTests {

	record Form(@Amount.Valid BigDecimal amount) {
	}

	@Test
	void keepsTwelveIntegerDigitsAndTwoDecimals() {
		assertThat(Amount.problem(new BigDecimal("999999999999.99"))).isEmpty();
		assertThat(Amount.problem(new BigDecimal("0"))).isEmpty();
		assertThat(Amount.problem(null)).isEmpty();
		assertThat(Amount.problem(new BigDecimal("1000000000000"))).contains("validation.amount");
		assertThat(Amount.problem(new BigDecimal("1.234"))).contains("validation.amount");
		assertThat(Amount.problem(new BigDecimal("-0.01"))).contains("validation.notNegative");
		assertThat(Amount.violation("plannedInvestment", new BigDecimal("-1")))
			.hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("plannedInvestment"));
	}

	@Test
	void parsesWhatPeopleTypeAndRefusesTheRest() {
		assertThat(Amount.parse("１，２３４.５").plain()).isEqualTo("1234.50");
		assertThat(Amount.parse(" 1.500 ").plain()).isEqualTo("1.50");
		assertThat(Amount.parse("  ")).isNull();
		assertThatThrownBy(() -> Amount.parse("abc")).isInstanceOfSatisfying(BusinessException.class,
				e -> assertThat(e.messageKey()).isEqualTo("validation.number"));
		assertThatThrownBy(() -> Amount.parse("1.255")).isInstanceOfSatisfying(BusinessException.class,
				e -> assertThat(e.messageKey()).isEqualTo("validation.amount"));
		assertThatThrownBy(() -> Amount.parse("-5")).isInstanceOfSatisfying(BusinessException.class,
				e -> assertThat(e.messageKey()).isEqualTo("validation.notNegative"));
	}

	@Test
	void addsAndShowsWithTwoDecimals() {
		Amount sum = Amount.of(new BigDecimal("1234.5")).plus(Amount.of(new BigDecimal("765.5")));
		assertThat(sum.grouped()).isEqualTo("2,000.00");
		assertThat(sum).isEqualTo(Amount.of(new BigDecimal("2000")));
		assertThatThrownBy(() -> Amount.of(new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void formsReportEachBrokenPartWithItsMessage() {
		try (var factory = Validation.buildDefaultValidatorFactory()) {
			var validator = factory.getValidator();
			assertThat(validator.validate(new Form(new BigDecimal("12.5")))).isEmpty();
			assertThat(validator.validate(new Form(new BigDecimal("-1")))).extracting(v -> v.getMessageTemplate())
				.containsExactly("{validation.notNegative}");
			assertThat(validator.validate(new Form(new BigDecimal("1.234")))).extracting(v -> v.getMessageTemplate())
				.containsExactly("{validation.amount}");
		}
	}
}
