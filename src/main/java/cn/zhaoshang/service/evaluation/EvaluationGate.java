package cn.zhaoshang.service.evaluation;

import java.util.List;

import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.project.Stage;
import cn.zhaoshang.project.StageGateCheck;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * The evaluation a unit requires before signing: when the thresholds that apply to the project say
 * "required before signing", a move to SIGNED is refused while the evaluation FAILs, naming the failed indicators.
 * A CONDITIONAL result lets the project sign (its conditions stay on the project page).
 */
@Component
class EvaluationGate implements StageGateCheck {

	private final Evaluations evaluations;

	EvaluationGate(Evaluations evaluations) {
		this.evaluations = evaluations;
	}

	@Override
	public List<Violation> check(ProjectId project, UnitId unit, Stage to) {
		if (to != Stage.SIGNED) {
			return List.of();
		}
		Evaluations.Evaluation e = evaluations.evaluate(project.value());
		if (!e.thresholds().requiredBeforeSigning() || e.outcome().result() != EvaluationPolicy.Result.FAIL) {
			return List.of();
		}
		// the indicators by name in the reader's language
		Object[] names = e.outcome().reasons().stream()
			.filter(c -> c.result() == EvaluationPolicy.Result.FAIL)
			.map(c -> new DefaultMessageSourceResolvable("evaluation.indicator." + c.indicator().name()))
			.toArray();
		return List.of(new Violation("evaluation", "evaluation.rule.requiredBeforeSigning",
				names[0], names.length));
	}
}
