package cn.zhaoshang.chain.catalog;

/** Where a catalog project stands: DRAFT → PUBLISHED → MATCHED (an investor found); any of them → WITHDRAWN. */
public enum CatalogStatus {
	DRAFT, PUBLISHED, MATCHED, WITHDRAWN;

	public String messageKey() {
		return "catalog.status." + name();
	}
}
