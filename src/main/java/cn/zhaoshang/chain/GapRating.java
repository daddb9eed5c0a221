package cn.zhaoshang.chain;

/** A link's gap rating: fill 补链 (missing), strengthen 强链 (weak), extend 延链 (to grow further), none. */
public enum GapRating {
	FILL, STRENGTHEN, EXTEND, NONE;

	public String messageKey() {
		return "chain.gap." + name();
	}

	/** The colour the chain map draws the link in. */
	public String colour() {
		return switch (this) {
			case FILL -> "#d63939";
			case STRENGTHEN -> "#f59f00";
			case EXTEND -> "#206bc4";
			case NONE -> "#2fb344";
		};
	}
}
