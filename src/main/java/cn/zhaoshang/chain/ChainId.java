package cn.zhaoshang.chain;

/** Identifies an industry chain. */
public record ChainId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
