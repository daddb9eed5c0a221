package cn.zhaoshang.clue.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import cn.zhaoshang.clue.ClueStatus;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UserId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logs a clue: the city bureau for any unit or the city pool, unit users for their own unit (or one below it),
 * optionally assigned at once. An intermediary's clue is a submission ({@link SubmitClue}).
 */
@Service
public class LogClue {

	private final ClueFacts facts;
	private final ClueAssignments assignments;
	private final SubmitClue submit;
	private final Units units;
	private final DataScopes scopes;
	private final Clock clock;

	LogClue(ClueFacts facts, ClueAssignments assignments, SubmitClue submit, Units units, DataScopes scopes,
			Clock clock) {
		this.facts = facts;
		this.assignments = assignments;
		this.submit = submit;
		this.units = units;
		this.scopes = scopes;
		this.clock = clock;
	}

	@Transactional
	public Clue execute(ClueDetails d, CurrentUser user) {
		return execute(d, user, ClueStatus.NEW);
	}

	/** {@link #execute(ClueDetails, CurrentUser)} in an open status the clue already reached elsewhere (an import). */
	Clue execute(ClueDetails d, CurrentUser user, ClueStatus status) {
		if (user.role() == Role.INTERMEDIARY) {
			return submit.execute(d, user);
		}
		if (!ClueAccess.editorRole(user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		UnitId owner = UnitId.of(d.ownerUnitId());
		if (owner == null) {
			if (!ClueAccess.cityBureau(user)) {
				throw new FieldException("ownerUnitId", "validation.required");
			}
		}
		else if (units.find(owner).isEmpty()) {
			throw new FieldException("ownerUnitId", "validation.unknown");
		}
		else if (!scopes.of(user).canEdit(owner)) {
			throw new FieldException("ownerUnitId", "clue.validation.unitOutOfScope");
		}
		UserId assignee = d.assigneeId() == null ? null : new UserId(d.assigneeId());
		if (assignee != null) {
			if (owner == null) {
				throw new FieldException("assigneeId", "clue.validation.assigneeNeedsUnit");
			}
			assignments.checkAssignee("assigneeId", owner, assignee);
		}
		Instant now = clock.instant();
		Clue c = Clue.logged(d.source(), user.getUsername(), null, LocalDate.now(clock), now);
		c.ownerUnitId = owner == null ? null : owner.value();
		c.assigneeId = assignee == null ? null : assignee.value();
		facts.apply(c, d, now);
		c.credit(d.source(), facts.checkedSourceUnit(d.sourceUnitId()), d.sourceCredit());
		c.status = status;
		return facts.saveNew(c);
	}
}
