package cn.zhaoshang.clue.internal;

import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.platform.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links the clue to its enterprise in the merchant database, registering the enterprise under the clue's name when
 * it is not there yet (the duplicate check of {@link Merchants#findOrRegister} finds it under another spelling).
 */
@Service
public class RegisterClueMerchant {

	private final ClueLookup lookup;
	private final Merchants merchants;
	private final MatchClue match;

	RegisterClueMerchant(ClueLookup lookup, Merchants merchants, MatchClue match) {
		this.lookup = lookup;
		this.merchants = merchants;
		this.match = match;
	}

	@Transactional
	public Clue execute(long id, CurrentUser user) {
		Clue c = lookup.editable(id, user);
		c.requireOpen();
		var m = merchants.findOrRegister(c.enterpriseName, null, c.owner());
		return match.execute(id, m.id().value(), user);
	}
}
