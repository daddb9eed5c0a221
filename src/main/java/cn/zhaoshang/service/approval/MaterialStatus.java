package cn.zhaoshang.service.approval;

/** Where one item of a project's materials checklist stands. */
public enum MaterialStatus {
	/** 未提交: nothing handed in yet (an item of the standard list not touched). */
	PENDING,
	/** 已提交: handed in. */
	SUBMITTED,
	/** 容缺受理: missing, accepted on the enterprise's commitment to hand it in by a promised date. */
	MISSING_COMMITTED,
	/** 已办结: the item is done. */
	DONE
}
