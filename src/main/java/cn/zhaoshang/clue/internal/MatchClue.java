package cn.zhaoshang.clue.internal;

import java.time.Clock;

import cn.zhaoshang.merchant.MerchantId;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Links an open clue's enterprise to a merchant of the database (a match offered on its page). */
@Service
public class MatchClue {

	private final ClueRepository clues;
	private final ClueLookup lookup;
	private final Merchants merchants;
	private final Auditor auditor;
	private final Clock clock;

	MatchClue(ClueRepository clues, ClueLookup lookup, Merchants merchants, Auditor auditor, Clock clock) {
		this.clues = clues;
		this.lookup = lookup;
		this.merchants = merchants;
		this.auditor = auditor;
		this.clock = clock;
	}

	@Transactional
	public Clue execute(long id, long merchantId, CurrentUser user) {
		Clue c = lookup.editable(id, user);
		c.requireOpen();
		var m = merchants.find(new MerchantId(merchantId)).orElseThrow(NotFoundException::new);
		var before = c.auditView();
		c.matched(m.id(), m.name(), clock.instant());
		Clue saved = clues.save(c);
		auditor.record("clue", saved.id, "MATCH", saved.title + " " + m.name(), before, saved.auditView());
		return saved;
	}
}
