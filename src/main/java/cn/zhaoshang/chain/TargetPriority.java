package cn.zhaoshang.chain;

/** How urgently a target enterprise is chased. */
public enum TargetPriority {
	HIGH, MEDIUM, LOW;

	public String messageKey() {
		return "chain.priority." + name();
	}
}
