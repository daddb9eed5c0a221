package cn.zhaoshang.activity.team;

/** What a line of a resident team's work log records. */
public enum TeamLogKind {
	/** 走访企业 */
	VISIT,
	/** 联络洽谈 */
	CONTACT,
	/** 获取线索 */
	CLUE,
	/** 其他工作 */
	OTHER;

	public String messageKey() {
		return "team.logKind." + name();
	}
}
