package cn.zhaoshang.supervision.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UnitSummary;

import org.springframework.stereotype.Component;

/**
 * The units that get annual targets: the active counties and districts and the functional zones (the units whose
 * figures the city publishes and ranks), in the unit tree's order; for a year, also any other unit that has a target
 * stored for it (a unit closed since keeps its past targets).
 */
@Component
public class TargetUnits {

	/** Unit type codes of the platform's unit directory (org.UnitType) that take targets. */
	static final Set<String> TYPES = Set.of("COUNTY", "ZONE");

	private final UnitDirectory units;

	TargetUnits(UnitDirectory units) {
		this.units = units;
	}

	/** The units of a year's targets: those that take targets, and those with a stored row. */
	public List<UnitSummary> of(Collection<Long> withRows) {
		return units.all().stream().filter(u -> takesTargets(u) || withRows.contains(u.id().value())).toList();
	}

	/** Whether new targets may be set for the unit. */
	public static boolean takesTargets(UnitSummary unit) {
		return unit.active() && TYPES.contains(unit.type());
	}

	public java.util.Optional<UnitSummary> find(long unitId) {
		return units.find(new UnitId(unitId));
	}
}
