package cn.zhaoshang.project.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** Sums in 万元 or 亿元: automatic above 10,000 万元, or as the user chose; the exact 万元 figure for hover texts. */
class AmountUnitTests {

	@Test
	void auto_switches_to_yi_only_above_ten_thousand_wan() {
		assertThat(text(AmountUnit.AUTO, "9999.99")).isEqualTo("9,999.99 ledger.unit.wan");
		assertThat(text(AmountUnit.AUTO, "10000")).isEqualTo("10,000.00 ledger.unit.wan");
		assertThat(text(AmountUnit.AUTO, "10000.01")).isEqualTo("1.00 ledger.unit.yi");
		assertThat(text(AmountUnit.AUTO, "1962300.00")).isEqualTo("196.23 ledger.unit.yi");
		assertThat(text(AmountUnit.AUTO, "0")).isEqualTo("0.00 ledger.unit.wan");
		assertThat(text(AmountUnit.AUTO, "-9999.99")).isEqualTo("-9,999.99 ledger.unit.wan");
		assertThat(text(AmountUnit.AUTO, "-25000")).isEqualTo("-2.50 ledger.unit.yi");
	}

	@Test
	void a_chosen_unit_applies_to_every_sum() {
		assertThat(text(AmountUnit.YI, "9999.99")).isEqualTo("1.00 ledger.unit.yi");
		assertThat(text(AmountUnit.YI, "10000")).isEqualTo("1.00 ledger.unit.yi");
		assertThat(text(AmountUnit.YI, "0")).isEqualTo("0.00 ledger.unit.yi");
		assertThat(text(AmountUnit.YI, "-20")).isEqualTo("0.00 ledger.unit.yi");
		assertThat(text(AmountUnit.YI, "-12345678.90")).isEqualTo("-1,234.57 ledger.unit.yi");
		assertThat(text(AmountUnit.WAN, "1962300")).isEqualTo("1,962,300.00 ledger.unit.wan");
		assertThat(text(AmountUnit.WAN, "-0.5")).isEqualTo("-0.50 ledger.unit.wan");
	}

	@Test
	void the_exact_figure_is_in_wan_with_separators_and_two_decimals() {
		assertThat(AmountUnit.exact(new BigDecimal("1962300"))).isEqualTo("1,962,300.00");
		assertThat(AmountUnit.exact(new BigDecimal("9999.995"))).isEqualTo("10,000.00");
		assertThat(AmountUnit.exact(null)).isEmpty();
		assertThat(AmountUnit.AUTO.number(null)).isEmpty();
	}

	@Test
	void an_unknown_choice_is_automatic() {
		assertThat(AmountUnit.parse("yi")).isEqualTo(AmountUnit.YI);
		assertThat(AmountUnit.parse("WAN")).isEqualTo(AmountUnit.WAN);
		assertThat(AmountUnit.parse("lakh")).isEqualTo(AmountUnit.AUTO);
		assertThat(AmountUnit.parse(null)).isEqualTo(AmountUnit.AUTO);
	}

	private static String text(AmountUnit unit, String wan) {
		BigDecimal v = new BigDecimal(wan);
		return unit.number(v) + " " + unit.wordKey(v);
	}
}
