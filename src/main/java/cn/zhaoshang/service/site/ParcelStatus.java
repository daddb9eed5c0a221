package cn.zhaoshang.service.site;

/** A net land parcel's life: available, reserved for a project, allocated (supplied) to it, built on. */
public enum ParcelStatus {

	AVAILABLE, RESERVED, ALLOCATED, BUILT;

	public String messageKey() {
		return "site.parcelStatus." + name();
	}

	/** The next status a parcel reserved for a project moves to, or null at the end. */
	public ParcelStatus next() {
		return switch (this) {
			case RESERVED -> ALLOCATED;
			case ALLOCATED -> BUILT;
			default -> null;
		};
	}
}
