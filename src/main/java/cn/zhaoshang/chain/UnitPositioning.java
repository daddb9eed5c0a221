package cn.zhaoshang.chain;

import java.math.BigDecimal;
import java.util.List;

import cn.zhaoshang.platform.UnitId;

/**
 * A unit's positioning (issue 12): its leading chains, primary and secondary, and its capacity for new projects:
 * available net land (mu), standard factory floor (m2) and its parks (free text). A unit that declared nothing has
 * no positioning (see {@link Positionings#find}).
 *
 * @param version optimistic lock of the stored positioning ({@code -1} while none is stored)
 */
public record UnitPositioning(UnitId unit, List<ChainId> primary, List<ChainId> secondary, BigDecimal netLandMu,
		BigDecimal factoryM2, String parks, int version) {

	/** How a chain fits the unit's positioning. */
	public enum Tier {
		PRIMARY, SECONDARY, NONE;

		/** Message key of the tier's name. */
		public String messageKey() {
			return "positioning.tier." + name();
		}
	}

	public UnitPositioning {
		primary = List.copyOf(primary);
		secondary = List.copyOf(secondary);
	}

	/** Where a chain stands in the positioning; {@code NONE} for a {@code null} chain. */
	public Tier tier(ChainId chain) {
		if (chain == null) {
			return Tier.NONE;
		}
		if (primary.contains(chain)) {
			return Tier.PRIMARY;
		}
		return secondary.contains(chain) ? Tier.SECONDARY : Tier.NONE;
	}

	/** Whether the chain is one of the unit's leading chains (primary or secondary). */
	public boolean leads(ChainId chain) {
		return tier(chain) != Tier.NONE;
	}

	/** The same positioning with the capacity of the unit's land and factory register ({@link SiteCapacity}). */
	public UnitPositioning withCapacity(SiteCapacity.Capacity capacity) {
		return new UnitPositioning(unit, primary, secondary, capacity.landMu(), capacity.factoryM2(), parks, version);
	}

	/** Whether anything is declared (a stored positioning). */
	public boolean declared() {
		return version >= 0;
	}
}
