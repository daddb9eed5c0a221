package cn.zhaoshang.merchant;

/**
 * Where an enterprise comes from, in the policy's words: the groups that PZ [2020] No.27 asks units to court
 * particularly. An enterprise may carry several.
 */
public enum SourceTag {
	/** 央企关联企业: a subsidiary or affiliate of a central SOE. */
	CENTRAL_SOE_AFFILIATE,
	/** 省企关联企业: a subsidiary or affiliate of a provincial SOE. */
	PROVINCIAL_SOE_AFFILIATE,
	/** 侨资企业: founded or owned by overseas Chinese. */
	OVERSEAS_CHINESE,
	/** 台资企业: Taiwanese-invested. */
	TAIWANESE,
	/** 濮商企业: run by an entrepreneur from Puyang working elsewhere. */
	PUYANG_NATIVE,
	/** 走出去濮阳企业: a Puyang enterprise that expanded elsewhere (and may come back with projects). */
	GOING_OUT;

	public String messageKey() {
		return "merchant.tag." + name();
	}
}
