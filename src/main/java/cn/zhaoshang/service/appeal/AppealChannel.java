package cn.zhaoshang.service.appeal;

/** How an appeal reached the city (policy clause XVI). */
public enum AppealChannel {
	/** 市长热线. */
	MAYOR_HOTLINE,
	/** 一键通 ("one-button" phone line). */
	ONE_BUTTON,
	/** 企业服务日. */
	SERVICE_DAY,
	/** 来信. */
	LETTER,
	/** 网上诉求 (the public form). */
	ONLINE;

	public String messageKey() {
		return "appeal.channel." + name();
	}
}
