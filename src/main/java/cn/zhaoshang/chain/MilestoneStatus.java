package cn.zhaoshang.chain;

/** The state of a yearly milestone of a chain's roadmap. */
public enum MilestoneStatus {
	PLANNED, ON_TRACK, DONE, LATE;

	public String messageKey() {
		return "chain.milestoneStatus." + name();
	}
}
