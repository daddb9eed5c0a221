package cn.zhaoshang.chain;

/**
 * Where the chase of a target enterprise stands: identified 已锁定 → contacted 已接洽 → negotiating 洽谈中 → landed
 * 已落地, or abandoned 已放弃.
 */
public enum TargetStatus {
	IDENTIFIED, CONTACTED, NEGOTIATING, LANDED, ABANDONED;

	public String messageKey() {
		return "chain.targetStatus." + name();
	}

	public boolean isOpen() {
		return this != LANDED && this != ABANDONED;
	}
}
