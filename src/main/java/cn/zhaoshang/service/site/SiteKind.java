package cn.zhaoshang.service.site;

/** The two kinds of site a project is matched to. */
public enum SiteKind {

	LAND, FACTORY;

	public String messageKey() {
		return "site.kind." + name();
	}
}
