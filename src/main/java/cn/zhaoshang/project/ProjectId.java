package cn.zhaoshang.project;

/** Identifies a project of the ledger. */
public record ProjectId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
