package cn.zhaoshang.clue.internal;

import java.time.Instant;
import java.util.Map;

import cn.zhaoshang.chain.ChainId;
import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.clue.ClueCreated;
import cn.zhaoshang.merchant.MerchantId;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.UnitId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The steps that logging ({@link LogClue}, {@link SubmitClue}) and editing ({@link EditClue}) a clue share: the
 * rules on its facts (chain, enterprise, credited unit) and the saving of a new clue with its event, first
 * assignment row and audit entry.
 */
@Component
class ClueFacts {

	private final ClueRepository clues;
	private final ClueAssignments assignments;
	private final Merchants merchants;
	private final Units units;
	private final Chains chains;
	private final Auditor auditor;
	private final ApplicationEventPublisher events;

	ClueFacts(ClueRepository clues, ClueAssignments assignments, Merchants merchants, Units units, Chains chains,
			Auditor auditor, ApplicationEventPublisher events) {
		this.clues = clues;
		this.assignments = assignments;
		this.merchants = merchants;
		this.units = units;
		this.chains = chains;
		this.auditor = auditor;
		this.events = events;
	}

	/** Checks the chain and links the enterprise (chosen, or typed exactly as registered), then edits the clue. */
	void apply(Clue c, ClueDetails d, Instant now) {
		if (d.chainId() == null || chains.find(new ChainId(d.chainId())).isEmpty()) {
			throw new FieldException("chainId", "validation.unknown");
		}
		String name = d.enterpriseName().trim();
		Long merchantId = null;
		if (d.merchantId() != null) {
			var m = merchants.find(new MerchantId(d.merchantId()))
				.orElseThrow(() -> new FieldException("merchantId", "validation.unknown"));
			merchantId = m.id().value();
			name = m.name();
		}
		else {
			// a name typed exactly as registered links at once; near matches are offered on the clue's page
			var m = merchants.match(name, null);
			if (m.isPresent()) {
				merchantId = m.get().id().value();
				name = m.get().name();
			}
		}
		c.edit(d, merchantId, name, now);
	}

	Long checkedSourceUnit(Long id) {
		if (id != null && units.find(new UnitId(id)).isEmpty()) {
			throw new FieldException("sourceUnitId", "validation.unknown");
		}
		return id;
	}

	Clue saveNew(Clue c) {
		Clue saved = clues.save(c);
		// the id is known only now; a second save just for the event would make a new clue's version 1
		events.publishEvent(new ClueCreated(saved.id(), saved.owner(), saved.source));
		assignments.record(saved.id, "CREATE", null, null, saved.owner(), saved.assignee(), null, saved.createdBy,
				saved.createdAt);
		auditor.record("clue", saved.id, "CREATE", saved.title, Map.of(), saved.auditView());
		return saved;
	}
}
