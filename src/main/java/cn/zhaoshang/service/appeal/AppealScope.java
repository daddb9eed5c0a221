package cn.zhaoshang.service.appeal;

import java.util.List;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.list.SqlFilter;

/**
 * Which appeals a user reads (issue 14). Appeals carry an enterprise's complaint and its contact, so they are not
 * part of the shared city pool that unit users read in the ledger:
 * <ul>
 * <li>the city bureau (and the administrator), leaders (appeals escalate to them) and viewers read every appeal;</li>
 * <li>a unit's managers and staff read the appeals assigned to their unit (or a unit under it), those about a project
 * that lands in it, those of an enterprise that has a project landing in it, and those they filed themselves;</li>
 * <li>intermediaries read none (the pages and API are closed to them as well).</li>
 * </ul>
 * Working on an appeal (acknowledge, answer, rate, reopen) stays with the bureau and the unit it is assigned to
 * ({@link AppealWrites#mayHandle}).
 *
 * @param all whether every appeal is readable
 * @param units the user's own units (self and descendants) when not {@code all}
 * @param username the user, for the appeals they filed
 */
public record AppealScope(boolean all, List<Long> units, String username) {

	public static AppealScope of(CurrentUser user, DataScopes scopes) {
		if (user == null) {
			return new AppealScope(false, List.of(), null);
		}
		return switch (user.role()) {
			case ADMIN, CITY_SUPERVISOR, LEADER, VIEWER -> new AppealScope(true, List.of(), user.getUsername());
			case UNIT_MANAGER, UNIT_STAFF -> new AppealScope(false,
					scopes.of(user).editable().stream().map(UnitId::value).sorted().toList(), user.getUsername());
			case INTERMEDIARY -> new AppealScope(false, List.of(), null);
		};
	}

	/** Adds the condition "readable by this user" over the appeal alias {@code a}. */
	SqlFilter apply(SqlFilter where) {
		if (all) {
			return where;
		}
		if (units.isEmpty()) {
			return username == null ? where.and("1 = 0") : where.and("a.created_by = :scopeUser", "scopeUser", username);
		}
		return where.and("""
				(a.assigned_unit_id IN (:scopeUnits) OR a.created_by = :scopeUser
				 OR EXISTS (SELECT 1 FROM project sp WHERE sp.id = a.project_id AND sp.unit_id IN (:scopeUnits))
				 OR EXISTS (SELECT 1 FROM project sm WHERE sm.merchant_id = a.merchant_id
				     AND sm.unit_id IN (:scopeUnits)))""")
			.param("scopeUnits", units)
			.param("scopeUser", username == null ? "" : username);
	}
}
