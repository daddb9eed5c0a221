package cn.zhaoshang.service.appeal;

/**
 * Where an appeal stands: RECEIVED (to acknowledge within one working day) → ACKNOWLEDGED → ANSWERED → CLOSED once
 * the enterprise is satisfied (or basically); not satisfied, it can be REOPENED and answered again.
 */
public enum AppealStatus {
	RECEIVED, ACKNOWLEDGED, ANSWERED, CLOSED, REOPENED;

	public String messageKey() {
		return "appeal.status." + name();
	}

	/** The status as the public tracking page words it. */
	public String publicKey() {
		return "appeal.publicStatus." + name();
	}

	/** Whether an answer is still owed. */
	public boolean open() {
		return this == RECEIVED || this == ACKNOWLEDGED || this == REOPENED;
	}
}
