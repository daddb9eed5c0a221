package cn.zhaoshang.dispatch;

/** A unit's report on one project of a round (dispatch_scope.report_status). */
public enum ReportStatus {
	/** Nothing saved yet. */
	MISSING,
	/** Saved, not yet submitted. */
	DRAFT,
	/** Submitted to the city bureau. */
	SUBMITTED,
	/** Sent back by the city bureau with a comment; the unit edits and submits again. */
	RETURNED;

	/** Counts as reported for the completion figures. */
	public boolean isSubmitted() {
		return this == SUBMITTED;
	}
}
