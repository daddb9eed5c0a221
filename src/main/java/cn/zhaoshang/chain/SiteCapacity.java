package cn.zhaoshang.chain;

import java.math.BigDecimal;
import java.util.Map;

import cn.zhaoshang.platform.UnitId;

/**
 * The capacity that units registered parcel by parcel (issue 14: "each unit's available stock feeds its capacity in
 * positioning"), implemented by the enterprise service module's land and factory register. A unit that keeps a
 * register (any net land parcel or standard factory, in any status) has as capacity its available stock; the figures
 * it declared in its positioning serve only units without a register. Without an implementation every unit has its
 * declared capacity.
 */
public interface SiteCapacity {

	/** Available net land (亩) and standard factory floor (m²). */
	record Capacity(BigDecimal landMu, BigDecimal factoryM2) {
	}

	/** The units that keep a register, with their available stock. */
	Map<UnitId, Capacity> registered();
}
