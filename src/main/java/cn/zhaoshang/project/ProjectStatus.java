package cn.zhaoshang.project;

/** Status beside the stage. */
public enum ProjectStatus {
	/** 正常推进: being pursued. */
	ACTIVE,
	/** 暂缓: on hold, with a reason. */
	ON_HOLD,
	/** 终止: dropped, with a reason. */
	DROPPED;

	public String messageKey() {
		return "status." + name();
	}
}
