package cn.zhaoshang.partner;

/** Where a reward stands: due when computed, approved by the city bureau, then paid. */
public enum RewardStatus {
	/** 待审批: computed from an approved stage move under an agreement's rule. */
	DUE,
	/** 已审批: approved for payment by the city bureau. */
	APPROVED,
	/** 已支付: paid, with the payment reference. */
	PAID;

	public String messageKey() {
		return "partner.rewardStatus." + name();
	}
}
