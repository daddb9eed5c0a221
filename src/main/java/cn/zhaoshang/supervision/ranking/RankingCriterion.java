package cn.zhaoshang.supervision.ranking;

import java.util.Arrays;
import java.util.Optional;

import cn.zhaoshang.supervision.TargetIndicator;

/**
 * The criteria a ranking formula is made of (ADR 0015). Each scores one value per unit:
 * <ul>
 * <li>{@link Kind#PERCENT}: points = weight x min(value, cap) / 100, a negative value scoring 0 (weight: points for
 * 100 %);</li>
 * <li>{@link Kind#COUNT}: points = weight x min(value, cap) (weight: points per project);</li>
 * <li>{@link Kind#DEDUCTION}: points = -weight x min(value, cap) (weight: points deducted per project).</li>
 * </ul>
 * A value that does not apply (no target, no dispatch report due) scores 0 and says why.
 */
public enum RankingCriterion {

	/** Completion of the annual target of projects signed, year to date (the figures read model). */
	COMPLETION_SIGNED_COUNT(Kind.PERCENT, TargetIndicator.SIGNED_COUNT),
	/** Completion of the contracted investment target, year to date. */
	COMPLETION_CONTRACTED_INVESTMENT(Kind.PERCENT, TargetIndicator.CONTRACTED_INVESTMENT),
	/** Completion of the projects commenced target, year to date. */
	COMPLETION_COMMENCED_COUNT(Kind.PERCENT, TargetIndicator.COMMENCED_COUNT),
	/** Completion of the projects in production target, year to date. */
	COMPLETION_PRODUCTION_COUNT(Kind.PERCENT, TargetIndicator.PRODUCTION_COUNT),
	/** Completion of the funds in place target, year to date. */
	COMPLETION_FUNDS_IN_PLACE(Kind.PERCENT, TargetIndicator.FUNDS_IN_PLACE),
	/** Completion of the funds from outside the province target, year to date. */
	COMPLETION_OUT_OF_PROVINCE(Kind.PERCENT, TargetIndicator.OUT_OF_PROVINCE),
	/** Completion of the foreign capital used target, year to date. */
	COMPLETION_FOREIGN_USED(Kind.PERCENT, TargetIndicator.FOREIGN_USED),
	/** Key projects (reserve pool) commenced in the quarter, counted through the credit shares. */
	KEY_PROJECTS_COMMENCED(Kind.COUNT, null),
	/** Growth of the quarter's funds in place over the same quarter last year, in percent. */
	FUNDS_GROWTH(Kind.PERCENT, null),
	/** Reports submitted over reports due in the dispatch rounds whose period ends in the quarter, in percent. */
	DISPATCH_REPORTS(Kind.PERCENT, null),
	/** Projects found stalled by the newest closed dispatch round whose period ends in the quarter: a deduction. */
	STALLED_PROJECTS(Kind.DEDUCTION, null);

	/** How a value turns into points. */
	public enum Kind {
		PERCENT, COUNT, DEDUCTION;

		/** The explanation of the kind on the formula page. */
		public String messageKey() {
			return "ranking.kind." + name();
		}

		/** The line under a part on the ranking page: achieved and basis. */
		public String basisKey() {
			return "ranking.basis." + name();
		}
	}

	private final Kind kind;
	private final TargetIndicator indicator;

	RankingCriterion(Kind kind, TargetIndicator indicator) {
		this.kind = kind;
		this.indicator = indicator;
	}

	public Kind kind() {
		return kind;
	}

	/** The target indicator of a completion criterion. */
	public Optional<TargetIndicator> indicator() {
		return Optional.ofNullable(indicator);
	}

	/** The message key of its name ({@code ranking.criterion.FUNDS_GROWTH}). */
	public String messageKey() {
		return "ranking.criterion." + name();
	}

	public static Optional<RankingCriterion> byName(String name) {
		return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst();
	}
}
