package cn.zhaoshang.service.evaluation;

/** The environmental impact assessment a project needs (环评类别). */
public enum EnvCategory {
	/** 报告书: full report, significant impact. */
	REPORT_BOOK,
	/** 报告表: report form, light impact. */
	REPORT_FORM,
	/** 登记表: registration only. */
	REGISTRATION
}
