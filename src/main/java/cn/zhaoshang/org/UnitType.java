package cn.zhaoshang.org;

/** Kinds of unit (DESIGN §3, §7). Order here is the order of the admin filter. */
public enum UnitType {
	/** 市人民政府: the city government, root of the tree; city leaders belong to it. */
	GOVERNMENT,
	/** 市商务局: the City Bureau of Commerce, which runs the platform. */
	CITY_BUREAU,
	/** 市直部门: another municipal department (development and reform, industry and IT …). */
	DEPARTMENT,
	/** 县（区）: one of the 6 counties and districts. */
	COUNTY,
	/** 功能区: development zone, industrial park, demonstration zone. */
	ZONE,
	/** 产业招商指挥部: industry investment promotion headquarters. */
	INDUSTRY_HQ,
	/** 驻地招商组: resident team in another region (has a region). */
	RESIDENT_TEAM,
	/** 中介机构: entrusted intermediary (chamber of commerce, consultancy …). */
	INTERMEDIARY
}
