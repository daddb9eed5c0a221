package cn.zhaoshang.supervision;

import java.util.Arrays;
import java.util.Optional;

/**
 * The indicators of an annual target (issue 11), in the order of the targets page, its workbook and the API: the
 * field name of the API and the forms, the column of {@code unit_target}, whether it is a count or an amount, and
 * for an of-which indicator the indicator it is part of (it may not exceed it).
 */
public enum TargetIndicator {

	SIGNED_COUNT("signedCount", "signed_count", Kind.COUNT, null),
	SIGNED_COUNT_100M("signedCount100m", "signed_count_100m", Kind.COUNT, "signedCount"),
	SIGNED_COUNT_1B("signedCount1b", "signed_count_1b", Kind.COUNT, "signedCount100m"),
	CONTRACTED_INVESTMENT("contractedInvestment", "contracted_investment", Kind.AMOUNT, null),
	COMMENCED_COUNT("commencedCount", "commenced_count", Kind.COUNT, null),
	PRODUCTION_COUNT("productionCount", "production_count", Kind.COUNT, null),
	FUNDS_IN_PLACE("fundsInPlace", "funds_in_place", Kind.AMOUNT, null),
	OUT_OF_PROVINCE("outOfProvince", "out_of_province", Kind.AMOUNT, "fundsInPlace"),
	FOREIGN_USED("foreignUsed", "foreign_used", Kind.USD_AMOUNT, null),
	KEY_PROJECTS("keyProjects", "key_projects", Kind.COUNT, null);

	/** A whole number of projects, an amount in 10k CNY, or an amount in 10k USD (foreign capital). */
	public enum Kind {
		COUNT, AMOUNT, USD_AMOUNT;

		public boolean amount() {
			return this != COUNT;
		}
	}

	private final String field;
	private final String column;
	private final Kind kind;
	private final String partOf;

	TargetIndicator(String field, String column, Kind kind, String partOf) {
		this.field = field;
		this.column = column;
		this.kind = kind;
		this.partOf = partOf;
	}

	/** The name in the API, the forms and the message keys ({@code field.signedCount}). */
	public String field() {
		return field;
	}

	/** The column of {@code unit_target}. */
	public String column() {
		return column;
	}

	public Kind kind() {
		return kind;
	}

	/** The indicator this one is a part of, if it is an of-which figure. */
	public Optional<TargetIndicator> partOf() {
		return partOf == null ? Optional.empty() : byField(partOf);
	}

	public static Optional<TargetIndicator> byField(String field) {
		return Arrays.stream(values()).filter(i -> i.field.equals(field)).findFirst();
	}
}
