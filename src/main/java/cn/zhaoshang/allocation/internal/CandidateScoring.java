package cn.zhaoshang.allocation.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.zhaoshang.chain.ChainId;
import cn.zhaoshang.chain.UnitPositioning;
import cn.zhaoshang.chain.UnitPositioning.Tier;
import cn.zhaoshang.platform.UnitId;

/**
 * How receiving units are ranked for a project or clue (issue 12), a named policy with its points, out of 100:
 * <ul>
 * <li>positioning: the project's chain is a primary leading chain of the unit {@value #PRIMARY}, a secondary one
 * {@value #SECONDARY}, neither 0;</li>
 * <li>net land: up to {@value #LAND} points, in proportion to how much of the project's land need (mu) the unit's
 * available net land covers (all of them when the project needs none);</li>
 * <li>standard factory floor: up to {@value #FACTORY} points, the same for the factory need (m2);</li>
 * <li>current load: up to {@value #LOAD} points, fewer the more projects a unit has in hand (active, not yet in
 * production) compared with the busiest candidate.</li>
 * </ul>
 * Every unit that declared a positioning is a candidate except the one the project is in; the best come first (ties:
 * the better positioning, then the unit id). Each candidate carries its reasons with their points.
 */
public final class CandidateScoring {

	public static final int PRIMARY = 50;
	public static final int SECONDARY = 30;
	public static final int LAND = 20;
	public static final int FACTORY = 15;
	public static final int LOAD = 15;

	private CandidateScoring() {
	}

	/** What the project needs: its chain (may be null), land (mu) and factory floor (m2), either may be null. */
	public record Need(ChainId chain, BigDecimal landMu, BigDecimal factoryM2) {
	}

	/** A unit that may receive: its positioning and how many projects it has in hand. */
	public record Unit(UnitId id, UnitPositioning positioning, long load) {
	}

	/** One reason: a message key ({@code allocation.reason.*}), the points it gives and the message's arguments. */
	public record Reason(String key, int points, List<Object> args) {
	}

	/** A ranked candidate. */
	public record Candidate(UnitId unit, int score, Tier tier, List<Reason> reasons) {
	}

	public static List<Candidate> rank(Need need, UnitId current, List<Unit> units) {
		long busiest = units.stream()
			.filter(u -> !u.id().equals(current))
			.mapToLong(Unit::load)
			.max()
			.orElse(0);
		List<Candidate> out = new ArrayList<>();
		for (Unit u : units) {
			if (u.id().equals(current)) {
				continue;
			}
			out.add(score(need, u, busiest));
		}
		out.sort(Comparator.comparingInt(Candidate::score)
			.reversed()
			.thenComparing(Candidate::tier)
			.thenComparingLong(c -> c.unit().value()));
		return out;
	}

	static Candidate score(Need need, Unit u, long busiest) {
		List<Reason> reasons = new ArrayList<>();
		UnitPositioning p = u.positioning();
		Tier tier = p.tier(need.chain());
		switch (tier) {
			case PRIMARY -> reasons.add(new Reason("allocation.reason.primary", PRIMARY, List.of()));
			case SECONDARY -> reasons.add(new Reason("allocation.reason.secondary", SECONDARY, List.of()));
			default -> reasons.add(new Reason("allocation.reason.notPositioned", 0, List.of()));
		}
		reasons.add(capacity("land", LAND, need.landMu(), p.netLandMu()));
		reasons.add(capacity("factory", FACTORY, need.factoryM2(), p.factoryM2()));
		int load = busiest <= 0 ? LOAD
				: BigDecimal.valueOf(LOAD)
					.multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(u.load()).divide(BigDecimal.valueOf(busiest), 6,
							RoundingMode.HALF_UP)))
					.setScale(0, RoundingMode.HALF_UP)
					.intValue();
		reasons.add(new Reason("allocation.reason.load", load, List.of(u.load())));
		int score = reasons.stream().mapToInt(Reason::points).sum();
		return new Candidate(u.id(), score, tier, reasons);
	}

	/** Points for one capacity: all when nothing is needed, none when nothing is available, else in proportion. */
	static Reason capacity(String what, int max, BigDecimal need, BigDecimal available) {
		String key = "allocation.reason." + what;
		String avail = available == null ? "0" : available.stripTrailingZeros().toPlainString();
		if (need == null || need.signum() <= 0) {
			return new Reason(key + ".noNeed", max, List.of(avail));
		}
		String needed = need.stripTrailingZeros().toPlainString();
		if (available == null || available.signum() <= 0) {
			return new Reason(key + ".none", 0, List.of(needed));
		}
		if (available.compareTo(need) >= 0) {
			return new Reason(key + ".enough", max, List.of(avail, needed));
		}
		int points = BigDecimal.valueOf(max)
			.multiply(available)
			.divide(need, 0, RoundingMode.HALF_UP)
			.intValue();
		return new Reason(key + ".partly", points, List.of(avail, needed));
	}
}
