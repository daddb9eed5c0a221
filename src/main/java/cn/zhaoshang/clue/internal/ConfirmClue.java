package cn.zhaoshang.clue.internal;

import java.time.Clock;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The enterprise confirmed its intent to invest (FOLLOWING → CONFIRMED). */
@Service
public class ConfirmClue {

	private final ClueRepository clues;
	private final ClueLookup lookup;
	private final Auditor auditor;
	private final Clock clock;

	ConfirmClue(ClueRepository clues, ClueLookup lookup, Auditor auditor, Clock clock) {
		this.clues = clues;
		this.lookup = lookup;
		this.auditor = auditor;
		this.clock = clock;
	}

	@Transactional
	public Clue execute(long id, CurrentUser user) {
		Clue c = lookup.editable(id, user);
		var before = c.auditView();
		c.confirm(clock.instant());
		Clue saved = clues.save(c);
		auditor.record("clue", saved.id, "CONFIRM", saved.title, before, saved.auditView());
		return saved;
	}
}
