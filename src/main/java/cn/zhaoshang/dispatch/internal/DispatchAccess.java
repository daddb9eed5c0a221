package cn.zhaoshang.dispatch.internal;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitId;

import org.springframework.stereotype.Component;

/**
 * Who may do what with dispatch rounds, decided once: the city bureau (and administrators) opens, scopes, closes
 * and reopens rounds, returns reports and records the meeting's decisions; a unit reads and writes the reports on
 * its own projects only (another unit's report is not found, so nothing leaks); leaders and viewers read everything.
 * Also the look-ups that answer 404 for what a user may not see.
 */
@Component
public class DispatchAccess {

	/** The role rule of the bureau's endpoints. */
	public static final String BUREAU = "hasAnyRole('ADMIN','CITY_SUPERVISOR')";

	/** The role rule of the report endpoints: the bureau and the units' managers and staff. */
	public static final String REPORTER = "hasAnyRole('ADMIN','CITY_SUPERVISOR','UNIT_MANAGER','UNIT_STAFF')";

	private final DataScopes scopes;
	private final RoundStore rounds;
	private final ScopeStore scope;

	DispatchAccess(DataScopes scopes, RoundStore rounds, ScopeStore scope) {
		this.scopes = scopes;
		this.rounds = rounds;
		this.scope = scope;
	}

	public static boolean bureau(CurrentUser user) {
		return user != null && user.role().isCityWide();
	}

	/** Reads every unit's reports: the bureau, leaders and viewers. */
	public static boolean readsAll(CurrentUser user) {
		return user != null && (user.role().isCityWide() || user.role() == Role.LEADER || user.role() == Role.VIEWER);
	}

	/** Whether the user may read the report of a project of this unit. */
	public boolean canRead(long unitId, CurrentUser user) {
		return readsAll(user) || canWrite(unitId, user);
	}

	/** Whether the user may write the report of a project of this unit (own unit, or the bureau). */
	public boolean canWrite(long unitId, CurrentUser user) {
		return user != null && user.role().isEditor() && scopes.of(user).canEdit(new UnitId(unitId));
	}

	public void requireBureau(CurrentUser user) {
		if (!bureau(user)) {
			throw new BusinessException(403, "error.forbidden");
		}
	}

	/** The round, or 404. Every internal user may see a round's header. */
	public DispatchRound round(long id) {
		return rounds.find(id).orElseThrow(NotFoundException::new);
	}

	/** The project's row in the round if the user may read its report, else 404. */
	public ScopeRow readable(long roundId, long projectId, CurrentUser user) {
		ScopeRow row = scope.find(roundId, projectId).orElseThrow(NotFoundException::new);
		if (!canRead(row.unitId(), user)) {
			throw new NotFoundException();
		}
		return row;
	}

	/** The project's row in the round if the user may write its report: 404 when unreadable, 403 when read-only. */
	public ScopeRow writable(long roundId, long projectId, CurrentUser user) {
		ScopeRow row = scope.find(roundId, projectId).orElseThrow(NotFoundException::new);
		if (!canWrite(row.unitId(), user)) {
			if (canRead(row.unitId(), user)) {
				throw new BusinessException(403, "error.forbidden");
			}
			throw new NotFoundException();
		}
		return row;
	}
}
