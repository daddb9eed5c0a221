package cn.zhaoshang.supervision.yearend;

/** What a year-end commendation honours. */
public enum CommendationKind {
	/** An advanced unit (a county, district or zone). */
	UNIT,
	/** An advanced individual. */
	PERSON,
	/** An excellent project. */
	PROJECT
}
