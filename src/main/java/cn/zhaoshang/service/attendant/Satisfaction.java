package cn.zhaoshang.service.attendant;

/** The enterprise's satisfaction with a solved problem. */
public enum Satisfaction {
	/** 满意. */
	SATISFIED,
	/** 基本满意. */
	BASIC,
	/** 不满意. */
	NOT_SATISFIED
}
