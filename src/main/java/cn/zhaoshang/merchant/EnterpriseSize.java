package cn.zhaoshang.merchant;

/** Size class of an enterprise (the national 大型/中型/小型/微型 classification). */
public enum EnterpriseSize {
	/** 大型. */
	LARGE,
	/** 中型. */
	MEDIUM,
	/** 小型. */
	SMALL,
	/** 微型. */
	MICRO;

	public String messageKey() {
		return "merchant.size." + name();
	}
}
