package cn.zhaoshang.project;

/** Kind of investment. Chinese labels are those of the ledger workbooks. */
public enum ProjectType {
	/** 新建: a new project. */
	NEW,
	/** 增资扩产: capital increase / expansion of an existing enterprise. */
	EXPANSION,
	/** 返乡创业: return investment by Puyang natives (policy clause V). */
	RETURN,
	/** 外资: foreign-funded. */
	FOREIGN;

	public String messageKey() {
		return "projectType." + name();
	}
}
