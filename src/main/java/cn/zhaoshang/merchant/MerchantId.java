package cn.zhaoshang.merchant;

/** Identifies an enterprise or investor. */
public record MerchantId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
