package cn.zhaoshang.platform;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Look-up of organisational units. The platform needs units (a user belongs to one, data scopes follow the unit
 * tree) but must not depend on the org module that owns them, so org implements this interface.
 */
public interface UnitDirectory {

	Optional<UnitSummary> find(UnitId id);

	/** All units, active first, in their configured order. */
	List<UnitSummary> all();

	/** The unit and every unit below it in the tree. */
	Set<UnitId> selfAndDescendants(UnitId id);
}
