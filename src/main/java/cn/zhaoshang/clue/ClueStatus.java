package cn.zhaoshang.clue;

/**
 * Where a clue stands. Moves only forward through the guarded transitions of the clue aggregate:
 * NEW → FOLLOWING (first follow-up) → CONFIRMED (intent confirmed) → CONVERTED (a project of the ledger); any open
 * status → INVALID with a reason.
 */
public enum ClueStatus {
	/** 新线索: logged or submitted, not yet followed up. */
	NEW,
	/** 跟进中: at least one follow-up recorded. */
	FOLLOWING,
	/** 已确认意向: the enterprise has confirmed its intent to invest; may be converted. */
	CONFIRMED,
	/** 已转项目: converted into a project of the ledger (final). */
	CONVERTED,
	/** 无效: dropped with a reason (final). */
	INVALID;

	/** Whether the clue is still pursued: it can be followed up, assigned and returned to the city pool. */
	public boolean isOpen() {
		return this == NEW || this == FOLLOWING || this == CONFIRMED;
	}

	public String messageKey() {
		return "clueStatus." + name();
	}
}
