package cn.zhaoshang.service.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/projects/{id}/evaluation}: the project evaluation before acceptance (result, each indicator with
 * its value and threshold, the reasons in the reader's language) and its own figures; the thresholds per unit set by
 * the city bureau under {@code /api/v1/evaluation-thresholds}.
 */
@Tag(name = "Project evaluation")
@RestController
class EvaluationApiController {

	record CheckJson(EvaluationPolicy.Indicator indicator, BigDecimal value, BigDecimal threshold,
			EvaluationPolicy.Result result, EvaluationPolicy.Reason reason, String text, boolean unitThreshold) {
	}

	record EvaluationJson(long projectId, EvaluationPolicy.Result result, boolean requiredBeforeSigning,
			boolean unitThresholds, BigDecimal energyTce, EnvCategory envCategory, int version,
			List<CheckJson> checks, List<String> reasons, Evaluations.Basis thresholdBasis, String basis) {
	}

	record InputBody(BigDecimal energyTce, EnvCategory envCategory, Integer version) {
	}

	record ThresholdBody(Long unitId, BigDecimal minInvestmentPerMu, BigDecimal minTaxPerMu,
			BigDecimal maxEnergyPerOutput, Integer minJobs, Set<EnvCategory> conditionalCategories,
			Boolean requiredBeforeSigning, Integer version) {
	}

	record ThresholdList(List<Evaluations.ThresholdRow> items) {
	}

	private final Evaluations evaluations;
	private final EvaluationTexts texts;

	EvaluationApiController(Evaluations evaluations, EvaluationTexts texts) {
		this.evaluations = evaluations;
		this.texts = texts;
	}

	@GetMapping("/api/v1/projects/{id}/evaluation")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "A project's evaluation: PASS / CONDITIONAL / FAIL with the reasons",
			operationId = "getProjectEvaluation")
	EvaluationJson get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return json(evaluations.of(id, user), user.locale());
	}

	@PutMapping("/api/v1/projects/{id}/evaluation")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Record a project's energy use (tce/year) and environmental category at the version read",
			operationId = "putProjectEvaluation")
	EvaluationJson put(@PathVariable long id, @RequestBody InputBody body, @AuthenticationPrincipal CurrentUser user) {
		return json(evaluations.setInputs(id, body.energyTce(), body.envCategory(), body.version(), user),
				user.locale());
	}

	@GetMapping("/api/v1/evaluation-thresholds")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "The evaluation thresholds: the city default and each unit's own", operationId = "listEvaluationThresholds")
	ThresholdList thresholds() {
		return new ThresholdList(evaluations.thresholds());
	}

	@PutMapping("/api/v1/evaluation-thresholds")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	@Operation(summary = "Set a unit's (unitId) or the city's (no unitId) thresholds (city bureau)",
			operationId = "putEvaluationThresholds")
	Evaluations.ThresholdRow putThresholds(@RequestBody ThresholdBody b) {
		return evaluations.setThresholds(new Evaluations.ThresholdInput(b.unitId(), b.minInvestmentPerMu(),
				b.minTaxPerMu(), b.maxEnergyPerOutput(), b.minJobs(), b.conditionalCategories(),
				Boolean.TRUE.equals(b.requiredBeforeSigning()), b.version()));
	}

	EvaluationJson json(Evaluations.Evaluation e, Locale locale) {
		List<CheckJson> checks = e.outcome().checks().stream()
			.map(c -> new CheckJson(c.indicator(), c.value(), c.threshold(), c.result(), c.reason(),
					texts.text(c, e.basis(), locale), e.basis().fromUnit(c.indicator())))
			.toList();
		return new EvaluationJson(e.projectId(), e.outcome().result(), e.thresholds().requiredBeforeSigning(),
				e.unitThresholds(), e.figures().energyTce(), e.figures().envCategory(), Math.max(0, e.inputVersion()),
				checks, e.outcome().reasons().stream().map(c -> texts.text(c, e.basis(), locale)).toList(), e.basis(),
				texts.basis(e.basis(), locale));
	}
}
