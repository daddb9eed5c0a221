package cn.zhaoshang.clue.internal;

import java.time.Instant;
import java.time.ZoneOffset;

import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The hand-over history of clues (table {@code clue_assignment}: created, assigned, reassigned, returned) and the
 * rule on who may be an assignee; shared by logging, assigning and returning a clue.
 */
@Component
class ClueAssignments {

	/** The longest reason for a hand-over, a return to the pool or dropping a clue. */
	static final int REASON_MAX = 500;

	private final ClueUsers users;
	private final Units units;
	private final JdbcClient jdbc;

	ClueAssignments(ClueUsers users, Units units, JdbcClient jdbc) {
		this.users = users;
		this.units = units;
		this.jdbc = jdbc;
	}

	/** The assignee must be a unit manager or staff of the unit or a unit below it. */
	void checkAssignee(String field, UnitId unit, UserId user) {
		var a = users.find(user).orElseThrow(() -> new FieldException(field, "validation.unknown"));
		if (a.unit() == null || !units.selfAndDescendants(unit).contains(a.unit())
				|| (a.role() != Role.UNIT_MANAGER && a.role() != Role.UNIT_STAFF)) {
			throw new FieldException(field, "clue.validation.assigneeNotOfUnit");
		}
	}

	void record(long clueId, String kind, UnitId fromUnit, UserId fromUser, UnitId toUnit, UserId toUser,
			String reason, String by, Instant at) {
		jdbc.sql("""
				INSERT INTO clue_assignment (clue_id, kind, from_unit_id, from_user_id, to_unit_id, to_user_id, reason,
				    assigned_by, assigned_at)
				VALUES (:c, :k, :fu, :fus, :tu, :tus, :r, :by, :at)""")
			.param("c", clueId)
			.param("k", kind)
			.param("fu", fromUnit == null ? null : fromUnit.value())
			.param("fus", fromUser == null ? null : fromUser.value())
			.param("tu", toUnit == null ? null : toUnit.value())
			.param("tus", toUser == null ? null : toUser.value())
			.param("r", reason)
			.param("by", by)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.update();
	}
}
