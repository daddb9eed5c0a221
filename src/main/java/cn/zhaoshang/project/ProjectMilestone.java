package cn.zhaoshang.project;

/** A milestone recorded on a project beside its stage (DESIGN section 4). */
public enum ProjectMilestone {
	/** 注册: the company registered locally, between signed and commenced; optional. */
	REGISTERED;

	public String messageKey() {
		return "milestone." + name();
	}
}
