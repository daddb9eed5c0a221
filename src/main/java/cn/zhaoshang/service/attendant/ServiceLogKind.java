package cn.zhaoshang.service.attendant;

/** What a chief attendant's service log entry records. */
public enum ServiceLogKind {
	/** 走访. */
	VISIT,
	/** 电话. */
	CALL,
	/** 解决问题: needs the enterprise's satisfaction. */
	PROBLEM_SOLVED
}
