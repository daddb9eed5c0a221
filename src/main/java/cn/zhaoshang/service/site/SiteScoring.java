package cn.zhaoshang.service.site;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.context.MessageSourceResolvable;

/**
 * The named scoring policy {@value #NAME} that ranks a unit's available land and factories for a project (issue 14).
 * Every point comes with its reason, so that a unit sees why a candidate ranks where it does. Out of 100:
 * <ul>
 * <li>land: area 50 (enough and at most half as large again: 50; larger: 35; too small: up to 30 in proportion),
 * chain 25 (suits the project's chain: 25; suits any chain: 10; other chains only: 0), infrastructure 20 (5 for each
 * of water, power, gas and roads ready), planned use 5 (industrial or warehouse);</li>
 * <li>factory: floor area 70 (enough and at most half as large again: 70; larger: 50; too small: up to 40 in
 * proportion), single storey 15 (several storeys: 5), crane 15;</li>
 * <li>a candidate in another unit than the project's (a project outside its unit's positioning) loses 10.</li>
 * </ul>
 */
public final class SiteScoring {

	/** The policy's name, answered with the matches so that a changed policy can be told apart. */
	public static final String NAME = "SITE_FIT_2026";

	static final BigDecimal ROOMY = new BigDecimal("1.5");

	private SiteScoring() {
	}

	/**
	 * What a project needs.
	 *
	 * @param landMu land need, 亩 (null: none)
	 * @param factoryM2 factory need, m² (null: none)
	 * @param chainId the project's chain
	 * @param unitId the project's landing unit
	 */
	public record Need(BigDecimal landMu, BigDecimal factoryM2, Long chainId, long unitId) {

		public boolean land() {
			return landMu != null && landMu.signum() > 0;
		}

		public boolean factory() {
			return factoryM2 != null && factoryM2.signum() > 0;
		}
	}

	/** What the policy reads of a parcel: area, use, the chains it suits (empty: any), infrastructure items ready. */
	public record Parcel(BigDecimal areaMu, PlannedUse use, Set<Long> chainIds, int infrastructureReady,
			long unitId) {
	}

	/** What the policy reads of a factory. */
	public record Hall(BigDecimal floorAreaM2, int floors, boolean crane, long unitId) {
	}

	/** A candidate's score (0–100) and the reasons for it. */
	public record Scored(int score, List<Reason> reasons) {
	}

	/** One reason: a message key of the {@code site.reason.} family and its arguments. */
	public record Reason(String key, Object... args) implements MessageSourceResolvable {

		@Override
		public String[] getCodes() {
			return new String[] { key };
		}

		@Override
		public Object[] getArguments() {
			return args;
		}

		@Override
		public String getDefaultMessage() {
			return key;
		}

		@Override
		public boolean equals(Object o) {
			return o instanceof Reason r && r.key.equals(key) && Arrays.equals(r.args, args);
		}

		@Override
		public int hashCode() {
			return key.hashCode() * 31 + Arrays.hashCode(args);
		}

		@Override
		public String toString() {
			return key + Arrays.toString(args);
		}
	}

	/** A parcel scored for the need (the need must have land). */
	public static Scored land(Need need, Parcel p) {
		List<Reason> reasons = new ArrayList<>();
		int score = area(need.landMu(), p.areaMu(), 50, 35, 30, reasons);
		if (need.chainId() != null && p.chainIds().contains(need.chainId())) {
			score += 25;
			reasons.add(new Reason("site.reason.chainSuits"));
		}
		else if (p.chainIds().isEmpty()) {
			score += 10;
			reasons.add(new Reason("site.reason.chainAny"));
		}
		else {
			reasons.add(new Reason("site.reason.chainOther"));
		}
		int ready = Math.max(0, Math.min(4, p.infrastructureReady()));
		score += 5 * ready;
		reasons.add(new Reason("site.reason.infrastructure", ready));
		if (p.use() == PlannedUse.INDUSTRIAL || p.use() == PlannedUse.WAREHOUSE) {
			score += 5;
			reasons.add(new Reason("site.reason.useIndustrial"));
		}
		else {
			reasons.add(new Reason("site.reason.useOther"));
		}
		return finish(score, p.unitId() != need.unitId(), reasons);
	}

	/** A factory scored for the need (the need must have factory floor area). */
	public static Scored factory(Need need, Hall h) {
		List<Reason> reasons = new ArrayList<>();
		int score = area(need.factoryM2(), h.floorAreaM2(), 70, 50, 40, reasons);
		if (h.floors() <= 1) {
			score += 15;
			reasons.add(new Reason("site.reason.singleStorey"));
		}
		else {
			score += 5;
			reasons.add(new Reason("site.reason.multiStorey", h.floors()));
		}
		if (h.crane()) {
			score += 15;
			reasons.add(new Reason("site.reason.crane"));
		}
		else {
			reasons.add(new Reason("site.reason.noCrane"));
		}
		return finish(score, h.unitId() != need.unitId(), reasons);
	}

	private static int area(BigDecimal need, BigDecimal have, int fits, int larger, int shortMax,
			List<Reason> reasons) {
		String haveText = plain(have);
		String needText = plain(need);
		if (have.compareTo(need) >= 0) {
			if (have.compareTo(need.multiply(ROOMY)) <= 0) {
				reasons.add(new Reason("site.reason.areaFits", haveText, needText));
				return fits;
			}
			reasons.add(new Reason("site.reason.areaLarger", haveText, needText));
			return larger;
		}
		reasons.add(new Reason("site.reason.areaShort", haveText, needText));
		return have.multiply(BigDecimal.valueOf(shortMax)).divide(need, 0, RoundingMode.DOWN).intValue();
	}

	private static Scored finish(int score, boolean otherUnit, List<Reason> reasons) {
		if (otherUnit) {
			score -= 10;
			reasons.add(new Reason("site.reason.otherUnit"));
		}
		return new Scored(Math.max(0, Math.min(100, score)), List.copyOf(reasons));
	}

	static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}
}
