package cn.zhaoshang.project;

/** What was signed at the SIGNED gate. */
public enum ContractType {
	/** 框架协议: framework agreement. */
	FRAMEWORK_AGREEMENT,
	/** 正式合同: formal contract. */
	FORMAL_CONTRACT;

	public String messageKey() {
		return "contractType." + name();
	}
}
