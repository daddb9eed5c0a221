package cn.zhaoshang.clue.internal;

import java.time.Clock;

import cn.zhaoshang.merchant.MerchantId;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ProjectId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A CONFIRMED clue became a project of the ledger (called through {@link cn.zhaoshang.clue.Clues} by the project
 * module in its transaction). When the clue named its enterprise only as text, it is linked to the merchant the
 * project registered or found.
 */
@Service
public class MarkClueConverted {

	private final ClueRepository clues;
	private final ClueLookup lookup;
	private final Merchants merchants;
	private final Auditor auditor;
	private final Clock clock;

	MarkClueConverted(ClueRepository clues, ClueLookup lookup, Merchants merchants, Auditor auditor, Clock clock) {
		this.clues = clues;
		this.lookup = lookup;
		this.merchants = merchants;
		this.auditor = auditor;
		this.clock = clock;
	}

	@Transactional
	public Clue execute(long id, ProjectId project, String projectCode, MerchantId merchant, CurrentUser user) {
		Clue c = lookup.editable(id, user);
		var before = c.auditView();
		if (c.merchantId == null && merchant != null) {
			merchants.find(merchant).ifPresent(m -> c.matched(m.id(), m.name(), clock.instant()));
		}
		c.converted(project.value(), projectCode, clock.instant());
		Clue saved = clues.save(c);
		auditor.record("clue", saved.id, "CONVERT", saved.title + " " + projectCode, before, saved.auditView());
		return saved;
	}
}
