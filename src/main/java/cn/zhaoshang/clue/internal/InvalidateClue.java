package cn.zhaoshang.clue.internal;

import java.time.Clock;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The clue is dropped, with a reason (any open status → INVALID). */
@Service
public class InvalidateClue {

	private final ClueRepository clues;
	private final ClueLookup lookup;
	private final Auditor auditor;
	private final Clock clock;

	InvalidateClue(ClueRepository clues, ClueLookup lookup, Auditor auditor, Clock clock) {
		this.clues = clues;
		this.lookup = lookup;
		this.auditor = auditor;
		this.clock = clock;
	}

	@Transactional
	public Clue execute(long id, String reason, CurrentUser user) {
		Clue c = lookup.editable(id, user);
		if (reason != null && reason.length() > ClueAssignments.REASON_MAX) {
			throw new FieldException("reason", "validation.size");
		}
		var before = c.auditView();
		c.invalidate(reason, clock.instant());
		Clue saved = clues.save(c);
		auditor.record("clue", saved.id, "INVALIDATE", saved.title + " " + saved.invalidReason, before,
				saved.auditView());
		return saved;
	}
}
