package cn.zhaoshang.service.finance;

/** What happened to a county's equity stake: a listing (spillover on the capital market), an exit, a dividend. */
public enum EquityEventKind {

	LISTING, PARTIAL_EXIT, FULL_EXIT, DIVIDEND, OTHER;

	public String messageKey() {
		return "finance.eventKind." + name();
	}
}
