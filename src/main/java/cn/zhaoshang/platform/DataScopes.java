package cn.zhaoshang.platform;

import java.util.Set;

import org.springframework.stereotype.Component;

/** Derives a user's {@link DataScope} from role and unit, following the unit tree. */
@Component
public class DataScopes {

	private final UnitDirectory units;

	DataScopes(UnitDirectory units) {
		this.units = units;
	}

	public DataScope of(CurrentUser user) {
		if (user == null) {
			return DataScope.NONE;
		}
		Set<UnitId> own = user.unitId() == null ? Set.of() : units.selfAndDescendants(user.unitId());
		return switch (user.role()) {
			case ADMIN, CITY_SUPERVISOR -> new DataScope(true, true, Set.of(), Set.of());
			case UNIT_MANAGER, UNIT_STAFF -> new DataScope(true, false, own, own);
			case LEADER, VIEWER -> new DataScope(true, false, Set.of(), Set.of());
			case INTERMEDIARY -> new DataScope(false, false, own, Set.of());
		};
	}
}
