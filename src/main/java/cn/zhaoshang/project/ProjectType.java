package cn.zhaoshang.project;

/**
 * Kind of investment, one flag of a project's {@link ProjectTypes} (a project may carry several). Chinese labels are
 * those of the ledger workbooks; the declaration order is the canonical order of a set.
 */
public enum ProjectType {
	/** 新建: a new project. */
	NEW,
	/** 增资扩产: capital increase / expansion of an existing enterprise. */
	EXPANSION,
	/** 返乡创业: return investment by Puyang natives (policy clause V). */
	RETURN,
	/** 外资: foreign-funded. */
	FOREIGN,
	/** 外向型: export-oriented (issue 10); combines with any other type. */
	EXPORT_ORIENTED;

	public String messageKey() {
		return "projectType." + name();
	}
}
