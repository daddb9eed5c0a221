package cn.zhaoshang.clue.internal;

import java.time.Clock;
import java.time.Instant;

import cn.zhaoshang.clue.ClueId;
import cn.zhaoshang.clue.ClueRelocation;
import cn.zhaoshang.clue.ClueSummary;
import cn.zhaoshang.clue.Clues;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UserId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ClueRelocation}: the accepted transfer's hand-over of a clue to the receiving unit. */
@Service
class RelocateClue implements ClueRelocation {

	private final ClueRepository clues;
	private final ClueAssignments assignments;
	private final Clues summaries;
	private final Auditor auditor;
	private final Clock clock;

	RelocateClue(ClueRepository clues, ClueAssignments assignments, Clues summaries, Auditor auditor, Clock clock) {
		this.clues = clues;
		this.assignments = assignments;
		this.summaries = summaries;
		this.auditor = auditor;
		this.clock = clock;
	}

	@Override
	@Transactional
	public ClueSummary relocate(ClueId id, UnitId to, String reason, CurrentUser user) {
		Clue c = clues.findById(id.value()).orElseThrow(NotFoundException::new);
		c.requireOpen();
		UnitId fromUnit = c.owner();
		UserId fromUser = c.assignee();
		var before = c.auditView();
		Instant now = clock.instant();
		String why = Clue.blankToNull(reason);
		if (why != null && why.length() > ClueAssignments.REASON_MAX) {
			why = why.substring(0, ClueAssignments.REASON_MAX);
		}
		c.assign(to, null, why, now);
		Clue saved = clues.save(c);
		assignments.record(saved.id, "REASSIGN", fromUnit, fromUser, to, null, why, user.getUsername(), now);
		auditor.record("clue", saved.id, "ASSIGN", saved.title + (why == null ? "" : " " + why), before,
				saved.auditView());
		return summaries.find(id).orElseThrow();
	}
}
