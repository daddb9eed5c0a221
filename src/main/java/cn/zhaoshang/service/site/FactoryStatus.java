package cn.zhaoshang.service.site;

/** A standard factory's life: available, reserved for a project, then let or sold to it. */
public enum FactoryStatus {

	AVAILABLE, RESERVED, LET, SOLD;

	public String messageKey() {
		return "site.factoryStatus." + name();
	}
}
