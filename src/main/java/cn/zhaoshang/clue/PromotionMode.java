package cn.zhaoshang.clue;

/** How a clue is pursued and a project attracted: the eleven modes of policy clause II. */
public enum PromotionMode {
	/** 点对点招商. */
	PEER_TO_PEER,
	/** 节会招商 (expos, festivals). */
	EXPO,
	/** 以情招商 (friendship and relationships). */
	RELATIONSHIP,
	/** 云招商. */
	CLOUD,
	/** 驻地招商. */
	RESIDENT,
	/** 以链招商 / supply-chain promotion. */
	SUPPLY_CHAIN,
	/** 特许经营. */
	FRANCHISE,
	/** 以市场换项目. */
	MARKET_FOR_PROJECT,
	/** 资本招商. */
	CAPITAL,
	/** 委托招商. */
	ENTRUSTED,
	/** “技术团队+资本+项目”. */
	TECH_TEAM_CAPITAL;

	public String messageKey() {
		return "promotionMode." + name();
	}
}
