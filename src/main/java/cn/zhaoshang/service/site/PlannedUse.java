package cn.zhaoshang.service.site;

/** What a net land parcel is planned for. */
public enum PlannedUse {

	INDUSTRIAL, WAREHOUSE, COMMERCIAL, OTHER;

	public String messageKey() {
		return "site.use." + name();
	}
}
