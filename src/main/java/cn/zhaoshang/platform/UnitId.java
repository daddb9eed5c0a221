package cn.zhaoshang.platform;

/** Identifies an organisational unit (county, zone, bureau, team …). Owned by the org module, shared by all. */
public record UnitId(long value) {

	public static UnitId of(Long value) {
		return value == null ? null : new UnitId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
