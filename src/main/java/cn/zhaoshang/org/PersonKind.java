package cn.zhaoshang.org;

/** Whether a person of a unit is a leader (responsible leader of projects) or staff (e.g. chief attendant). */
public enum PersonKind {
	/** 领导: city or county leader. */
	LEADER,
	/** 工作人员: staff member. */
	STAFF
}
