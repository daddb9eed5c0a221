package cn.zhaoshang.activity.training;

/** Where a cooperation with a university or research institute stands. */
public enum CooperationStatus {
	/** 洽谈中 */
	NEGOTIATING,
	/** 已签约 */
	SIGNED,
	/** 实施中 */
	ONGOING,
	/** 已完成 */
	COMPLETED,
	/** 已中止 */
	SUSPENDED;

	public String messageKey() {
		return "cooperation.status." + name();
	}
}
