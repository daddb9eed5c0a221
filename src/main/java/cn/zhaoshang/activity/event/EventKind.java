package cn.zhaoshang.activity.event;

/** Kinds of investment promotion event (活动类型). */
public enum EventKind {
	/** 博览会 */
	EXPO,
	/** 投资洽谈会 */
	FAIR,
	/** 节会 */
	FESTIVAL,
	/** 集中签约 */
	SIGNING_CEREMONY,
	/** 云招商 */
	CLOUD_PROMOTION,
	/** 对接会 */
	MATCHMAKING,
	/** 考察团来访 */
	DELEGATION_VISIT;

	public String messageKey() {
		return "event.kind." + name();
	}
}
