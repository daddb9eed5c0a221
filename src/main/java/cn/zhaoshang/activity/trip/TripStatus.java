package cn.zhaoshang.activity.trip;

/** Where a trip stands: entered and waiting for the unit manager, approved (counted), or returned for changes. */
public enum TripStatus {
	/** 已提交: waiting for the unit manager. */
	SUBMITTED,
	/** 已审核: counted by the compliance table. */
	APPROVED,
	/** 已退回: to be corrected and submitted again. */
	RETURNED;

	/** The message key of the status's name, e.g. {@code tripStatus.APPROVED}. */
	public String messageKey() {
		return "tripStatus." + name();
	}
}
