package cn.zhaoshang.project.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.zhaoshang.platform.Amount;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.project.EvidenceKind;
import cn.zhaoshang.project.Stage;


/**
 * The facts and evidence a stage requires (DESIGN §4), as a named list of policies. Each policy looks at the
 * project and the requested move and names the field it finds wanting. A move is allowed only when none does.
 */
final class StageGate {

	/** One rule of a gate. */
	@FunctionalInterface
	interface Policy {

		Optional<Violation> check(Project project, StageMoveRequest move, LocalDate today);
	}

	static final Policy DATE_GIVEN = (p, m, today) -> m.date() == null
			? Optional.of(new Violation("date", "validation.required")) : Optional.empty();

	static final Policy DATE_NOT_IN_FUTURE = (p, m, today) -> m.date() != null && m.date().isAfter(today)
			? Optional.of(new Violation("date", "validation.notFuture")) : Optional.empty();

	static final Policy DATE_NOT_BEFORE_PREVIOUS_STAGE = (p, m, today) -> {
		LocalDate previous = switch (m.to()) {
			case COMMENCED -> p.signedDate;
			case IN_PRODUCTION -> p.commencedDate;
			default -> null;
		};
		return m.date() != null && previous != null && m.date().isBefore(previous)
				? Optional.of(new Violation("date", "validation.stage.dateBeforePrevious", previous))
				: Optional.empty();
	};

	static final Policy CONTRACT_TYPE_GIVEN = (p, m, today) -> m.contractType() == null
			? Optional.of(new Violation("contractType", "validation.required")) : Optional.empty();

	static final Policy CONTRACTED_INVESTMENT_GIVEN = amount("contractedInvestment", StageMoveRequest::contractedInvestment);

	static final Policy PAID_IN_GIVEN = amount("paidInInvestment", StageMoveRequest::paidInInvestment);

	static final Policy ACTUAL_INVESTMENT_GIVEN = amount("actualInvestment", StageMoveRequest::actualInvestment);

	static final Policy EVIDENCE_ATTACHED = (p, m, today) -> m.evidence().isEmpty()
			? Optional.of(new Violation("evidenceIds", "validation.stage.evidenceRequired")) : Optional.empty();

	/**
	 * The kinds the stage needs (settings {@code ledger.evidence.<STAGE>}) against the kinds of the move's files;
	 * names every missing kind, a "one of" group as "A或B".
	 */
	static Policy evidenceKinds(EvidenceRequirement required) {
		return (p, m, today) -> {
			if (m.evidence().isEmpty()) {
				return Optional.empty(); // EVIDENCE_ATTACHED says so
			}
			List<Set<EvidenceKind>> missing = required.missing(m.evidenceKindsPresent());
			if (missing.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(new Violation("evidenceIds", "validation.stage.evidenceKindsMissing",
					EvidenceRequirement.describe(missing)));
		};
	}

	static List<Policy> policiesFor(Stage target) {
		return switch (target) {
			case NEGOTIATING -> List.of();
			case SIGNED -> List.of(DATE_GIVEN, DATE_NOT_IN_FUTURE, CONTRACT_TYPE_GIVEN, CONTRACTED_INVESTMENT_GIVEN,
					EVIDENCE_ATTACHED);
			case COMMENCED -> List.of(DATE_GIVEN, DATE_NOT_IN_FUTURE, DATE_NOT_BEFORE_PREVIOUS_STAGE, PAID_IN_GIVEN,
					EVIDENCE_ATTACHED);
			case IN_PRODUCTION -> List.of(DATE_GIVEN, DATE_NOT_IN_FUTURE, DATE_NOT_BEFORE_PREVIOUS_STAGE,
					ACTUAL_INVESTMENT_GIVEN, EVIDENCE_ATTACHED);
		};
	}

	/** Every rule the move breaks with the default evidence kinds of DESIGN §4. */
	static List<Violation> check(Project project, StageMoveRequest move, LocalDate today) {
		return check(project, move, today, EvidenceRequirement.defaults(move.to()));
	}

	/** Every rule the move breaks, in field order; empty when the gate is open. */
	static List<Violation> check(Project project, StageMoveRequest move, LocalDate today,
			EvidenceRequirement required) {
		List<Violation> violations = new ArrayList<>();
		List<Policy> policies = new ArrayList<>(policiesFor(move.to()));
		if (!policies.isEmpty()) {
			policies.add(evidenceKinds(required));
		}
		for (Policy policy : policies) {
			policy.check(project, move, today).ifPresent(v -> {
				if (violations.stream().noneMatch(o -> o.field().equals(v.field()))) {
					violations.add(v);
				}
			});
		}
		return violations;
	}

	private static Policy amount(String field, java.util.function.Function<StageMoveRequest, BigDecimal> value) {
		return (p, m, today) -> {
			BigDecimal v = value.apply(m);
			if (v == null) {
				return Optional.of(new Violation(field, "validation.required"));
			}
			return Amount.violation(field, v);
		};
	}

	private StageGate() {
	}
}
