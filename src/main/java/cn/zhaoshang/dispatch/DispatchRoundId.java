package cn.zhaoshang.dispatch;

/** Identifies a dispatch round (table dispatch_round). */
public record DispatchRoundId(long value) {

	public static DispatchRoundId of(Long value) {
		return value == null ? null : new DispatchRoundId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
