package cn.zhaoshang.chain;

/** How strong a local enterprise is in its link: strong 强, average 中, weak 弱. */
public enum EnterpriseStrength {
	STRONG, AVERAGE, WEAK;

	public String messageKey() {
		return "chain.strength." + name();
	}
}
