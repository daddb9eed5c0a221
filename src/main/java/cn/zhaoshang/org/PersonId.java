package cn.zhaoshang.org;

/** Identifies a leader or staff member of a unit. */
public record PersonId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
