package cn.zhaoshang.clue.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UserId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigns an open clue to a unit and optionally one of its users. The city bureau assigns to any unit (a reason
 * is required when the unit changes); a unit manager only within the own unit.
 */
@Service
public class AssignClue {

	private final ClueRepository clues;
	private final ClueLookup lookup;
	private final ClueAssignments assignments;
	private final Units units;
	private final DataScopes scopes;
	private final Auditor auditor;
	private final Clock clock;

	AssignClue(ClueRepository clues, ClueLookup lookup, ClueAssignments assignments, Units units, DataScopes scopes,
			Auditor auditor, Clock clock) {
		this.clues = clues;
		this.lookup = lookup;
		this.assignments = assignments;
		this.units = units;
		this.scopes = scopes;
		this.auditor = auditor;
		this.clock = clock;
	}

	@Transactional
	public Clue execute(long id, Long unitId, Long userId, String reason, CurrentUser user) {
		Clue c = lookup.assignable(id, user);
		c.requireOpen();
		List<Violation> violations = new ArrayList<>();
		UnitId unit = UnitId.of(unitId);
		if (unit == null) {
			violations.add(new Violation("ownerUnitId", "validation.required"));
		}
		else if (units.find(unit).isEmpty()) {
			violations.add(new Violation("ownerUnitId", "validation.unknown"));
		}
		else if (!ClueAccess.cityBureau(user) && !scopes.of(user).canEdit(unit)) {
			violations.add(new Violation("ownerUnitId", "clue.validation.unitOutOfScope"));
		}
		boolean unitChanges = unit == null || !unit.equals(c.owner());
		if (unitChanges && (reason == null || reason.isBlank())) {
			violations.add(new Violation("reason", "validation.required"));
		}
		else if (reason != null && reason.length() > ClueAssignments.REASON_MAX) {
			violations.add(new Violation("reason", "validation.size"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		UserId to = userId == null ? null : new UserId(userId);
		if (to != null) {
			assignments.checkAssignee("assigneeId", unit, to);
		}
		if (!unitChanges && Objects.equals(to, c.assignee())) {
			throw new FieldException("assigneeId", "clue.validation.sameAssignment");
		}
		UnitId fromUnit = c.owner();
		UserId fromUser = c.assignee();
		var before = c.auditView();
		Instant now = clock.instant();
		String why = Clue.blankToNull(reason);
		c.assign(unit, to, why, now);
		Clue saved = clues.save(c);
		// the first hand-over to a person (or out of the pool) is 指派; a change of person or unit is 改派
		boolean reassign = fromUser != null || (fromUnit != null && unitChanges);
		assignments.record(saved.id, reassign ? "REASSIGN" : "ASSIGN", fromUnit, fromUser, unit, to, why,
				user.getUsername(), now);
		auditor.record("clue", saved.id, "ASSIGN", saved.title + (why == null ? "" : " " + why), before,
				saved.auditView());
		return saved;
	}
}
