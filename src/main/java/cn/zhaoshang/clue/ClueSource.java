package cn.zhaoshang.clue;

/** Where a clue came from; the credited person or organisation is recorded beside it (policy clauses II and XI). */
public enum ClueSource {
	/** 驻地招商组. */
	RESIDENT_TEAM,
	/** 中介机构 (entrusted intermediary). */
	INTERMEDIARY,
	/** 招商顾问. */
	CONSULTANT,
	/** 领导走访. */
	LEADER_VISIT,
	/** 活动 (expo, event, signing ceremony). */
	EVENT,
	/** 网络 (online). */
	ONLINE,
	/** 其他. */
	OTHER;

	public String messageKey() {
		return "clueSource." + name();
	}
}
