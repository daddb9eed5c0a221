package cn.zhaoshang.activity.training;

/** Kinds of training session (policy clause XII). */
public enum TrainingKind {
	/** 专题讲座 */
	SPECIAL_LECTURE,
	/** 案例分析 */
	CASE_ANALYSIS,
	/** 内部讲堂 */
	INTERNAL_LECTURE,
	/** 走出去学习 */
	GOING_OUT,
	/** 请进来授课 */
	INVITING_IN;

	public String messageKey() {
		return "training.kind." + name();
	}
}
