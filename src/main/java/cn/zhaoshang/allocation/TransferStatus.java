package cn.zhaoshang.allocation;

/** Where a transfer stands: proposed, then accepted (the subject moved) or declined. */
public enum TransferStatus {
	PROPOSED, ACCEPTED, DECLINED;

	public String messageKey() {
		return "transfer.status." + name();
	}
}
