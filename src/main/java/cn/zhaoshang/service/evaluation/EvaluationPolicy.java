package cn.zhaoshang.service.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The project evaluation before acceptance (clause XVI) as a named policy: a project's figures against its unit's
 * thresholds, one check per indicator.
 * <ul>
 * <li>investment per 亩 (万元/亩) at least the minimum, else FAIL;</li>
 * <li>tax per 亩 (annual tax 万元/亩) at least the minimum, else FAIL;</li>
 * <li>energy per 万元 output (tce/万元) at most the maximum, else FAIL;</li>
 * <li>jobs at least the minimum, else CONDITIONAL (a soft indicator);</li>
 * <li>the environmental category: one the unit lists as conditional gives CONDITIONAL.</li>
 * </ul>
 * A figure the check needs but the project lacks (no land need, no output, no category) gives CONDITIONAL: the
 * enterprise still has to state it. A threshold not set is not checked. The result is the worst check: any FAIL
 * fails, else any CONDITIONAL is conditional, else the project passes.
 */
public final class EvaluationPolicy {

	/** The outcome of a check and of the whole evaluation. */
	public enum Result {
		PASS, CONDITIONAL, FAIL
	}

	/** The indicators checked, in the order shown. */
	public enum Indicator {
		INVESTMENT_PER_MU, TAX_PER_MU, ENERGY_PER_OUTPUT, JOBS, ENVIRONMENTAL_CATEGORY
	}

	/** Why a check came out as it did (message key {@code evaluation.reason.<name>}). */
	public enum Reason {
		MET, BELOW_MINIMUM, ABOVE_MAXIMUM, FIGURE_MISSING, NO_THRESHOLD, CATEGORY_CONDITIONAL
	}

	/** A project's figures: amounts in 万元, land in 亩, energy in tce per year. */
	public record Figures(BigDecimal investment, BigDecimal landMu, BigDecimal annualTax, BigDecimal annualOutput,
			BigDecimal energyTce, Integer jobs, EnvCategory envCategory) {
	}

	/** A unit's thresholds (null: not checked). */
	public record Thresholds(BigDecimal minInvestmentPerMu, BigDecimal minTaxPerMu, BigDecimal maxEnergyPerOutput,
			Integer minJobs, Set<EnvCategory> conditionalCategories, boolean requiredBeforeSigning) {

		public static final Thresholds NONE = new Thresholds(null, null, null, null, Set.of(), false);
	}

	/** One indicator's value against its threshold. */
	public record Check(Indicator indicator, BigDecimal value, BigDecimal threshold, Result result, Reason reason) {
	}

	/** The whole evaluation. */
	public record Outcome(Result result, List<Check> checks) {

		/** The checks that did not pass: the reasons shown with a conditional or failed result. */
		public List<Check> reasons() {
			return checks.stream().filter(c -> c.result() != Result.PASS).toList();
		}
	}

	private EvaluationPolicy() {
	}

	public static Outcome evaluate(Figures f, Thresholds t) {
		List<Check> checks = new ArrayList<>();
		checks.add(minimum(Indicator.INVESTMENT_PER_MU, perMu(f.investment(), f.landMu()), t.minInvestmentPerMu(),
				Result.FAIL));
		checks.add(minimum(Indicator.TAX_PER_MU, perMu(f.annualTax(), f.landMu()), t.minTaxPerMu(), Result.FAIL));
		checks.add(maximum(Indicator.ENERGY_PER_OUTPUT, ratio(f.energyTce(), f.annualOutput(), 4),
				t.maxEnergyPerOutput()));
		checks.add(minimum(Indicator.JOBS, f.jobs() == null ? null : BigDecimal.valueOf(f.jobs()),
				t.minJobs() == null ? null : BigDecimal.valueOf(t.minJobs()), Result.CONDITIONAL));
		checks.add(category(f.envCategory(), t.conditionalCategories()));
		Result result = checks.stream().map(Check::result).max(Enum::compareTo).orElse(Result.PASS);
		return new Outcome(result, List.copyOf(checks));
	}

	static BigDecimal perMu(BigDecimal amount, BigDecimal landMu) {
		return ratio(amount, landMu, 2);
	}

	private static BigDecimal ratio(BigDecimal a, BigDecimal b, int scale) {
		if (a == null || b == null || b.signum() <= 0) {
			return null;
		}
		return a.divide(b, scale, RoundingMode.HALF_UP);
	}

	private static Check minimum(Indicator i, BigDecimal value, BigDecimal min, Result below) {
		if (min == null) {
			return new Check(i, value, null, Result.PASS, Reason.NO_THRESHOLD);
		}
		if (value == null) {
			return new Check(i, null, min, Result.CONDITIONAL, Reason.FIGURE_MISSING);
		}
		return value.compareTo(min) >= 0 ? new Check(i, value, min, Result.PASS, Reason.MET)
				: new Check(i, value, min, below, Reason.BELOW_MINIMUM);
	}

	private static Check maximum(Indicator i, BigDecimal value, BigDecimal max) {
		if (max == null) {
			return new Check(i, value, null, Result.PASS, Reason.NO_THRESHOLD);
		}
		if (value == null) {
			return new Check(i, null, max, Result.CONDITIONAL, Reason.FIGURE_MISSING);
		}
		return value.compareTo(max) <= 0 ? new Check(i, value, max, Result.PASS, Reason.MET)
				: new Check(i, value, max, Result.FAIL, Reason.ABOVE_MAXIMUM);
	}

	private static Check category(EnvCategory category, Set<EnvCategory> conditional) {
		if (category == null) {
			return new Check(Indicator.ENVIRONMENTAL_CATEGORY, null, null, Result.CONDITIONAL, Reason.FIGURE_MISSING);
		}
		return conditional != null && conditional.contains(category)
				? new Check(Indicator.ENVIRONMENTAL_CATEGORY, null, null, Result.CONDITIONAL,
						Reason.CATEGORY_CONDITIONAL)
				: new Check(Indicator.ENVIRONMENTAL_CATEGORY, null, null, Result.PASS, Reason.MET);
	}
}
