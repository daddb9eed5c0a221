package cn.zhaoshang.partner;

/** The kinds of consultant (招商顾问) clause XI names. */
public enum ConsultantKind {
	/** 知名人士. */
	CELEBRITY,
	/** 企业家. */
	ENTREPRENEUR,
	/** 专家学者. */
	EXPERT,
	/** 在外成功濮阳籍人士. */
	NATIVE;

	public String messageKey() {
		return "partner.consultantKind." + name();
	}
}
