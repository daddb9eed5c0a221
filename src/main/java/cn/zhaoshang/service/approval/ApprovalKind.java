package cn.zhaoshang.service.approval;

/** The approvals a project typically needs on its way from signing to commencement (issue 14). */
public enum ApprovalKind {
	/** 立项/备案. */
	PROJECT_FILING,
	/** 用地. */
	LAND,
	/** 规划. */
	PLANNING,
	/** 施工许可. */
	CONSTRUCTION_PERMIT,
	/** 环评. */
	ENVIRONMENTAL,
	/** 能评. */
	ENERGY,
	/** 消防. */
	FIRE,
	/** 其他. */
	OTHER
}
