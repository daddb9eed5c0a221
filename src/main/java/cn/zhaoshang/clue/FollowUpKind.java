package cn.zhaoshang.clue;

/** How a follow-up took place. */
public enum FollowUpKind {
	/** 走访. */
	VISIT,
	/** 电话. */
	CALL,
	/** 会谈. */
	MEETING,
	/** 其他. */
	OTHER;

	public String messageKey() {
		return "followUpKind." + name();
	}
}
