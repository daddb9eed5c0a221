package cn.zhaoshang.org;

/**
 * The position of a leader or staff member that the rules of clause XV need (minimum trips and days out, the leaders'
 * three projects). A person without one is not counted by those rules.
 */
public enum PersonPosition {
	/** 市级领导: city party or government leader. */
	CITY_LEADER,
	/** 县区主要负责同志: county party secretary or head. */
	COUNTY_PRINCIPAL,
	/** 产业招商指挥部指挥长: industry-HQ commander. */
	HQ_COMMANDER,
	/** 指挥部成员单位主要负责同志: principal of an HQ member unit. */
	HQ_MEMBER_PRINCIPAL,
	/** 驻地招商组组长: resident-team head. */
	TEAM_HEAD,
	/** 县处级干部: department-level cadre. */
	DEPARTMENT_CADRE;

	/** The message key of the position's name, e.g. {@code position.HQ_COMMANDER}. */
	public String messageKey() {
		return "position." + name();
	}

	/** Whether the person carries three projects (一带三项目): city and county leaders. */
	public boolean carriesThreeProjects() {
		return this == CITY_LEADER || this == COUNTY_PRINCIPAL;
	}
}
