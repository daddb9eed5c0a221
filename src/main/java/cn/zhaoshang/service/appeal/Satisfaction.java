package cn.zhaoshang.service.appeal;

/** The enterprise's rating of an answer. */
public enum Satisfaction {
	SATISFIED, BASIC, NOT_SATISFIED;

	public String messageKey() {
		return "appeal.satisfaction." + name();
	}
}
