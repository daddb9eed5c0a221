package cn.zhaoshang.service.finance;

/** A financing need: open, banks matching it, funded, closed (withdrawn or no longer needed). */
public enum NeedStatus {

	OPEN, MATCHING, FUNDED, CLOSED;

	public String messageKey() {
		return "finance.needStatus." + name();
	}
}
