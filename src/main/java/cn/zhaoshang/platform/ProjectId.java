package cn.zhaoshang.platform;

/**
 * Identifies a project of the ledger. Owned by the project module, shared by all: it lives here (like {@link UnitId},
 * owned by the org module) because modules upstream of the project module name projects too (ADR 0003 addendum).
 */
public record ProjectId(long value) {

	public static ProjectId of(Long value) {
		return value == null ? null : new ProjectId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
