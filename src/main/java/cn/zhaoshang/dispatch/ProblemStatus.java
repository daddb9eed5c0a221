package cn.zhaoshang.dispatch;

/** A problem's decision (交办事项): open until its owner is done. Overdue is computed, never stored. */
public enum ProblemStatus {
	/** Still to be solved. */
	OPEN,
	/** Solved. */
	DONE
}
