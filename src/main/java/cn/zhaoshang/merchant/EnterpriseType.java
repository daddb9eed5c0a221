package cn.zhaoshang.merchant;

/** Kind of ownership of an enterprise, as investment promotion counts it (issue 4). */
public enum EnterpriseType {
	/** 央企: a central state-owned enterprise (or one of its subsidiaries registered as such). */
	CENTRAL_SOE,
	/** 省企: a provincial state-owned enterprise. */
	PROVINCIAL_SOE,
	/** 民营: a private enterprise. */
	PRIVATE,
	/** 外资: a foreign-invested enterprise or a foreign investor. */
	FOREIGN,
	/** 港澳台: an enterprise from Hong Kong, Macao or Taiwan. */
	HK_MACAO_TAIWAN,
	/** 其他: collectives, institutions, individuals. */
	OTHER;

	public String messageKey() {
		return "merchant.type." + name();
	}
}
