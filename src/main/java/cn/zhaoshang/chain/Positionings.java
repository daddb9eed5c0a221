package cn.zhaoshang.chain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.UnitId;

/**
 * The units' positioning (issue 12): read by everyone inside the government and by the allocation module, written by
 * the city bureau for every unit and by a unit manager for the own unit.
 */
public interface Positionings {

	/** What to store: chain ids primary and secondary (disjoint), capacity, parks and the version read (or null). */
	record Input(List<Long> primaryChainIds, List<Long> secondaryChainIds, BigDecimal netLandMu, BigDecimal factoryM2,
			String parks, Integer version) {
	}

	/** The unit's stored positioning, if it declared one. */
	Optional<UnitPositioning> find(UnitId unit);

	/** Every declared positioning, by unit. */
	Map<UnitId, UnitPositioning> all();

	/**
	 * Every declared positioning, by unit, its capacity taken from the unit's land and factory register where it
	 * keeps one ({@link SiteCapacity}), else the declared figures: the capacity that allocation weighs.
	 */
	Map<UnitId, UnitPositioning> withRegisteredCapacity();

	/** The units whose capacity comes from their land and factory register. */
	java.util.Set<UnitId> registeredCapacity();

	/** Whether the user may change the unit's positioning (the city bureau; a unit manager for the own unit). */
	boolean canEdit(UnitId unit, CurrentUser user);

	/**
	 * Stores the unit's positioning (replacing the chains), audited as {@code unitPositioning}; the version must
	 * match the stored one (else 409).
	 *
	 * @throws cn.zhaoshang.platform.InvalidInputException naming the field and the rule broken
	 */
	UnitPositioning save(UnitId unit, Input input, CurrentUser user);
}
