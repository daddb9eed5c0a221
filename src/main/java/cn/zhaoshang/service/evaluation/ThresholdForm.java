package cn.zhaoshang.service.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The thresholds form as typed (numbers as text, so that a wrong one is shown again).
 *
 * @param unit the unit (null: the city default)
 * @param version the version read (null: none stored yet)
 */
public record ThresholdForm(Long unit, String minInvestmentPerMu, String minTaxPerMu, String maxEnergyPerOutput,
		String minJobs, List<String> conditionalCategories, boolean requiredBeforeSigning, Integer version) {

	/** One line of the thresholds page: a unit and its own thresholds row (null: it uses the city default). */
	public record Line(long unitId, String unitName, Evaluations.ThresholdRow own) {
	}

	static ThresholdForm of(Long unit, Optional<Evaluations.ThresholdRow> row) {
		if (row.isEmpty()) {
			return new ThresholdForm(unit, "", "", "", "", List.of(), false, null);
		}
		EvaluationPolicy.Thresholds t = row.get().thresholds();
		return new ThresholdForm(unit, text(t.minInvestmentPerMu()), text(t.minTaxPerMu()),
				text(t.maxEnergyPerOutput()), t.minJobs() == null ? "" : t.minJobs().toString(),
				t.conditionalCategories().stream().map(Enum::name).toList(), t.requiredBeforeSigning(),
				row.get().version());
	}

	/** Whether the category is ticked. */
	public boolean category(EnvCategory c) {
		return conditionalCategories != null && conditionalCategories.contains(c.name());
	}

	private static String text(BigDecimal b) {
		return b == null ? "" : b.stripTrailingZeros().toPlainString();
	}
}
