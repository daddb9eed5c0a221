package cn.zhaoshang.activity.team;

/** Where a joint team's target sits in the anchor enterprise's chain. */
public enum TargetDirection {
	/** 上游 */
	UPSTREAM,
	/** 下游 */
	DOWNSTREAM;

	public String messageKey() {
		return "team.direction." + name();
	}
}
