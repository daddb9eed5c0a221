package cn.zhaoshang.merchant.talent;

/** How a talent is linked to Puyang (the directory's reason to list them). */
public enum TalentRelation {
	/** Born in Puyang or with family roots there (濮阳籍). */
	NATIVE,
	/** Worked or studied in Puyang (在濮阳工作或学习过). */
	WORKED_STUDIED,
	/** Any other link (a partner of a Puyang enterprise, a consultant, ...), described in the relation note. */
	OTHER
}
