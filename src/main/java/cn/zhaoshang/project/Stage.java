package cn.zhaoshang.project;

/** The policy's four categories of project (DESIGN §4), in order. */
public enum Stage {
	/** 在谈: in negotiation, the starting stage. */
	NEGOTIATING,
	/** 签约: a framework agreement or formal contract is signed. */
	SIGNED,
	/** 开工: construction has commenced. */
	COMMENCED,
	/** 投产: in production. */
	IN_PRODUCTION;

	public boolean isBefore(Stage other) {
		return ordinal() < other.ordinal();
	}

	/** The next stage forward, or null from the last. */
	public Stage next() {
		return this == IN_PRODUCTION ? null : values()[ordinal() + 1];
	}

	/** The stage one back, or null from the first. */
	public Stage previous() {
		return this == NEGOTIATING ? null : values()[ordinal() - 1];
	}

	public String messageKey() {
		return "stage." + name();
	}
}
