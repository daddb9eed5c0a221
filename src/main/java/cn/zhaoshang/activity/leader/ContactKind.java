package cn.zhaoshang.activity.leader;

/** What a leader's contact with one of their three projects records (clauses IX and XV). */
public enum ContactKind {
	/** 调度会议：a meeting on the project. */
	MEETING,
	/** 现场走访：a visit to the project or its investor. */
	VISIT,
	/** 协调问题：a problem taken up, resolved later with its resolution. */
	PROBLEM;

	public String messageKey() {
		return "leader.contactKind." + name();
	}
}
