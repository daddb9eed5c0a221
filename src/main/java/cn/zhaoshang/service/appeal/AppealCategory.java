package cn.zhaoshang.service.appeal;

/** What an appeal is about; each category has its own answer time limit (a system setting). */
public enum AppealCategory {
	/** 用地与厂房. */
	LAND,
	/** 审批手续. */
	APPROVAL,
	/** 融资. */
	FINANCING,
	/** 政策兑现. */
	POLICY,
	/** 水电气路等要素. */
	UTILITIES,
	/** 其他. */
	OTHER;

	public String messageKey() {
		return "appeal.category." + name();
	}

	/** The setting that holds this category's answer time limit in working days. */
	public String settingKey() {
		return "service.appeal.answerDays." + name();
	}
}
