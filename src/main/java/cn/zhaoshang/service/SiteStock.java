package cn.zhaoshang.service;

import java.math.BigDecimal;
import java.util.List;

import cn.zhaoshang.platform.UnitId;

/**
 * Each unit's available stock of net land (亩) and standard factories (m²), for the modules that weigh a unit's
 * capacity (county positioning, issue 12). Only AVAILABLE parcels and factories count: a reserved one is no longer
 * stock.
 */
public interface SiteStock {

	/** Every unit with any stock, by unit order. */
	List<Stock> available();

	/** One unit's stock (zero when it has none). */
	Stock of(UnitId unit);

	/**
	 * A unit's available stock.
	 *
	 * @param unit the unit
	 * @param landMu available net land, 亩
	 * @param parcels how many parcels that is
	 * @param factoryM2 available standard factory floor area, m²
	 * @param factories how many factories that is
	 */
	record Stock(UnitId unit, BigDecimal landMu, int parcels, BigDecimal factoryM2, int factories) {
	}
}
