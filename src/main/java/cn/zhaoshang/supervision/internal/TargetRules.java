package cn.zhaoshang.supervision.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.platform.Amount;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.supervision.TargetIndicator;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The rules of a target's figures, the same for the API, the targets page and the import: a count is a whole number
 * from 0 to {@link #MAX_COUNT}; an amount keeps the platform's {@link Amount} rule; an of-which figure (signed
 * projects of at least 100M CNY, of at least 1 billion CNY, funds from outside the province) is not larger than the
 * figure it is part of, and needs it.
 */
public final class TargetRules {

	/** No unit signs a hundred thousand projects a year: a larger count is a typing mistake. */
	public static final int MAX_COUNT = 100_000;

	static final String INTEGER = "supervision.target.integer";
	static final String COUNT_MAX = "supervision.target.countMax";
	static final String PART_OF = "supervision.target.partOf";
	static final String PART_WITHOUT_WHOLE = "supervision.target.partWithoutWhole";

	private TargetRules() {
	}

	/** Every broken rule, each naming its indicator's field. */
	public static List<Violation> check(TargetValues values) {
		List<Violation> problems = new ArrayList<>();
		for (TargetIndicator i : TargetIndicator.values()) {
			BigDecimal v = values.get(i);
			if (v == null) {
				continue;
			}
			var problem = problem(i, v);
			if (problem != null) {
				problems.add(problem);
			}
		}
		for (TargetIndicator i : TargetIndicator.values()) {
			BigDecimal part = values.get(i);
			if (part == null || i.partOf().isEmpty() || problems.stream().anyMatch(p -> p.field().equals(i.field()))) {
				continue;
			}
			TargetIndicator whole = i.partOf().get();
			BigDecimal wholeValue = values.get(whole);
			if (wholeValue == null) {
				if (part.signum() > 0) {
					problems.add(new Violation(i.field(), PART_WITHOUT_WHOLE, label(whole)));
				}
			}
			else if (part.compareTo(wholeValue) > 0) {
				problems.add(new Violation(i.field(), PART_OF, label(whole)));
			}
		}
		return problems;
	}

	/** An argument the message source resolves in the reader's language: the indicator's label. */
	static DefaultMessageSourceResolvable label(TargetIndicator i) {
		return new DefaultMessageSourceResolvable(new String[] { "supervision.field." + i.field() }, i.field());
	}

	/** The broken rule of one figure, or null. */
	static Violation problem(TargetIndicator i, BigDecimal v) {
		if (i.kind().amount()) {
			return Amount.violation(i.field(), v.stripTrailingZeros()).orElse(null);
		}
		if (v.signum() < 0) {
			return new Violation(i.field(), Amount.NEGATIVE);
		}
		if (v.stripTrailingZeros().scale() > 0) {
			return new Violation(i.field(), INTEGER);
		}
		if (v.compareTo(BigDecimal.valueOf(MAX_COUNT)) > 0) {
			return new Violation(i.field(), COUNT_MAX, MAX_COUNT);
		}
		return null;
	}
}
