package cn.zhaoshang.chain.catalog;

/** How an investor may take part in a catalog project. */
public enum InvestmentForm {
	/** 独资. */
	SOLE,
	/** 合资. */
	JOINT_VENTURE,
	/** 合作经营. */
	COOPERATION,
	/** 股权投资. */
	EQUITY,
	/** 不限. */
	ANY;

	public String messageKey() {
		return "catalog.form." + name();
	}
}
