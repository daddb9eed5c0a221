package cn.zhaoshang.clue.internal;

import java.time.Clock;
import java.util.Objects;

import cn.zhaoshang.clue.ClueSource;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Edits the facts of an open clue (not its owner or status); the version must match (else 409). */
@Service
public class EditClue {

	private final ClueRepository clues;
	private final ClueLookup lookup;
	private final ClueFacts facts;
	private final Auditor auditor;
	private final Clock clock;

	EditClue(ClueRepository clues, ClueLookup lookup, ClueFacts facts, Auditor auditor, Clock clock) {
		this.clues = clues;
		this.lookup = lookup;
		this.facts = facts;
		this.auditor = auditor;
		this.clock = clock;
	}

	@Transactional
	public Clue execute(long id, ClueDetails d, CurrentUser user) {
		Clue c = lookup.editable(id, user);
		if (d.version() == null || !Objects.equals(c.version, d.version())) {
			throw new OptimisticLockingFailureException("clue " + id + " changed meanwhile");
		}
		c.requireOpen();
		var before = c.auditView();
		facts.apply(c, d, clock.instant());
		if (c.source != ClueSource.INTERMEDIARY) {
			// an intermediary's credit is fixed by the submission: nobody edits it away afterwards
			c.credit(d.source(), facts.checkedSourceUnit(d.sourceUnitId()), d.sourceCredit());
		}
		Clue saved = clues.save(c);
		auditor.record("clue", saved.id, "UPDATE", saved.title, before, saved.auditView());
		return saved;
	}
}
