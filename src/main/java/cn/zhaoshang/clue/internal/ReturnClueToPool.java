package cn.zhaoshang.clue.internal;

import java.time.Clock;
import java.time.Instant;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UserId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sends an open clue back to the city pool for reassignment (its unit manager, its assignee, the city bureau). */
@Service
public class ReturnClueToPool {

	private final ClueRepository clues;
	private final ClueLookup lookup;
	private final ClueAssignments assignments;
	private final Auditor auditor;
	private final Clock clock;

	ReturnClueToPool(ClueRepository clues, ClueLookup lookup, ClueAssignments assignments, Auditor auditor,
			Clock clock) {
		this.clues = clues;
		this.lookup = lookup;
		this.assignments = assignments;
		this.auditor = auditor;
		this.clock = clock;
	}

	@Transactional
	public Clue execute(long id, String reason, CurrentUser user) {
		Clue c = lookup.returnable(id, user);
		if (reason != null && reason.length() > ClueAssignments.REASON_MAX) {
			throw new FieldException("reason", "validation.size");
		}
		UnitId fromUnit = c.owner();
		UserId fromUser = c.assignee();
		var before = c.auditView();
		Instant now = clock.instant();
		c.returnToPool(reason, now);
		Clue saved = clues.save(c);
		assignments.record(saved.id, "RETURN", fromUnit, fromUser, null, null, reason.trim(), user.getUsername(), now);
		auditor.record("clue", saved.id, "RETURN_TO_POOL", saved.title + " " + reason.trim(), before,
				saved.auditView());
		return saved;
	}
}
