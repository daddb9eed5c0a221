package cn.zhaoshang.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Set;

import cn.zhaoshang.service.evaluation.EvaluationPolicy.Figures;
import cn.zhaoshang.service.evaluation.EvaluationPolicy.Indicator;
import cn.zhaoshang.service.evaluation.EvaluationPolicy.Reason;
import cn.zhaoshang.service.evaluation.EvaluationPolicy.Result;
import cn.zhaoshang.service.evaluation.EvaluationPolicy.Thresholds;

import org.junit.jupiter.api.Test;

/** {@link EvaluationPolicy} against hand-computed figures: each indicator's boundary and the worst-check rule. */
class EvaluationPolicyTests {

	static final Thresholds HUALONG = new Thresholds(new BigDecimal("300"), new BigDecimal("15"),
			new BigDecimal("0.4"), 100, Set.of(EnvCategory.REPORT_BOOK), true);

	static Figures figures(String investment, String land, String tax, String output, String energy, Integer jobs,
			EnvCategory env) {
		return new Figures(d(investment), d(land), d(tax), d(output), d(energy), jobs, env);
	}

	static BigDecimal d(String s) {
		return s == null ? null : new BigDecimal(s);
	}

	@Test
	void a_project_meeting_every_threshold_passes_and_the_boundary_itself_meets_it() {
		// 30000 / 100 = 300.00 per mu (exactly the minimum), 1500 / 100 = 15.00, 12000 / 30000 = 0.4000
		var outcome = EvaluationPolicy.evaluate(figures("30000", "100", "1500", "30000", "12000", 100,
				EnvCategory.REPORT_FORM), HUALONG);
		assertThat(outcome.result()).isEqualTo(Result.PASS);
		assertThat(outcome.reasons()).isEmpty();
		assertThat(outcome.checks()).extracting(EvaluationPolicy.Check::value).containsExactly(new BigDecimal("300.00"),
				new BigDecimal("15.00"), new BigDecimal("0.4000"), new BigDecimal("100"), null);
	}

	@Test
	void tax_per_mu_below_the_threshold_fails_with_the_value_and_threshold() {
		var outcome = EvaluationPolicy.evaluate(figures("40000", "100", "800", "30000", "3000", 200,
				EnvCategory.REPORT_FORM), HUALONG);
		assertThat(outcome.result()).isEqualTo(Result.FAIL);
		assertThat(outcome.reasons()).singleElement().satisfies(c -> {
			assertThat(c.indicator()).isEqualTo(Indicator.TAX_PER_MU);
			assertThat(c.value()).isEqualByComparingTo("8");
			assertThat(c.threshold()).isEqualByComparingTo("15");
			assertThat(c.reason()).isEqualTo(Reason.BELOW_MINIMUM);
		});
	}

	@Test
	void energy_above_the_limit_fails_and_rounds_half_up() {
		// 12015 / 30000 = 0.4005 > 0.4
		var outcome = EvaluationPolicy.evaluate(figures("40000", "100", "2000", "30000", "12015", 200,
				EnvCategory.REGISTRATION), HUALONG);
		assertThat(outcome.result()).isEqualTo(Result.FAIL);
		assertThat(outcome.reasons()).singleElement().satisfies(c -> {
			assertThat(c.indicator()).isEqualTo(Indicator.ENERGY_PER_OUTPUT);
			assertThat(c.value()).isEqualByComparingTo("0.4005");
			assertThat(c.reason()).isEqualTo(Reason.ABOVE_MAXIMUM);
		});
	}

	@Test
	void soft_indicators_and_missing_figures_make_it_conditional_never_failed() {
		// few jobs, a full EIA report, no land need (per-mu indicators cannot be computed)
		var outcome = EvaluationPolicy.evaluate(figures("40000", null, "2000", "30000", "3000", 20,
				EnvCategory.REPORT_BOOK), HUALONG);
		assertThat(outcome.result()).isEqualTo(Result.CONDITIONAL);
		assertThat(outcome.reasons()).extracting(EvaluationPolicy.Check::reason).containsExactly(Reason.FIGURE_MISSING,
				Reason.FIGURE_MISSING, Reason.BELOW_MINIMUM, Reason.CATEGORY_CONDITIONAL);
		// a FAIL anywhere wins over conditions
		var failed = EvaluationPolicy.evaluate(figures("10000", "100", "2000", "30000", "3000", 20, null), HUALONG);
		assertThat(failed.result()).isEqualTo(Result.FAIL);
	}

	@Test
	void thresholds_not_set_are_not_checked() {
		var outcome = EvaluationPolicy.evaluate(figures("1", "100", "0", null, null, 0, EnvCategory.REPORT_BOOK),
				new Thresholds(null, null, null, null, Set.of(), false));
		assertThat(outcome.result()).isEqualTo(Result.PASS);
		assertThat(outcome.checks()).extracting(EvaluationPolicy.Check::reason).containsExactly(Reason.NO_THRESHOLD,
				Reason.NO_THRESHOLD, Reason.NO_THRESHOLD, Reason.NO_THRESHOLD, Reason.MET);
	}
}
