package cn.zhaoshang.platform;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Splits a whole across shares so that the parts add up to the whole exactly (the largest-remainder method): each
 * part is first rounded down to the unit (the fen for amounts, a tenth for counts), then the units left over go one
 * each to the parts with the largest remainders; equal remainders are broken by the smaller key (a unit id), so the
 * split is the same every time. Shares are in basis points (10,000 = 100 %) and must add up to 10,000.
 * <p>
 * The one place of the rule credit shares use (DESIGN §4, ADR 0012): every figure credited to units through a
 * project's shares is split here.
 */
public final class Shares {

	/** 100 % in basis points. */
	public static final int WHOLE = 10_000;

	private Shares() {
	}

	/** One share: who (a unit id, also the tie-break) and how much, in basis points. */
	public record Share(long key, int basisPoints) {

		public Share {
			if (basisPoints <= 0 || basisPoints > WHOLE) {
				throw new IllegalArgumentException("share out of range: " + basisPoints);
			}
		}
	}

	/**
	 * Splits an amount (any sign, any scale up to {@code scale}) with {@code scale} decimals kept: 2 for money to
	 * the fen, 1 for counts to a tenth.
	 *
	 * @return each share's part by key, in the order of the shares
	 */
	public static Map<Long, BigDecimal> split(BigDecimal whole, List<Share> shares, int scale) {
		Objects.requireNonNull(whole, "whole");
		check(shares);
		BigInteger units = whole.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
		Map<Long, BigInteger> parts = split(units, shares);
		Map<Long, BigDecimal> out = new LinkedHashMap<>();
		parts.forEach((k, v) -> out.put(k, new BigDecimal(v, scale)));
		return out;
	}

	/** An amount to the fen ({@link #split(BigDecimal, List, int)} with scale 2). */
	public static Map<Long, BigDecimal> splitAmount(BigDecimal whole, List<Share> shares) {
		return split(whole, shares, 2);
	}

	/** A whole number of units (fen, tenths, items) split exactly. */
	public static Map<Long, BigInteger> split(BigInteger units, List<Share> shares) {
		check(shares);
		int signum = units.signum();
		BigInteger abs = units.abs();
		BigInteger whole = BigInteger.valueOf(WHOLE);
		record Part(long key, BigInteger floor, BigInteger remainder) {
		}
		List<Part> parts = new ArrayList<>(shares.size());
		BigInteger given = BigInteger.ZERO;
		for (Share s : shares) {
			BigInteger[] qr = abs.multiply(BigInteger.valueOf(s.basisPoints())).divideAndRemainder(whole);
			parts.add(new Part(s.key(), qr[0], qr[1]));
			given = given.add(qr[0]);
		}
		int left = abs.subtract(given).intValueExact();
		List<Part> byRemainder = new ArrayList<>(parts);
		byRemainder.sort(Comparator.comparing(Part::remainder).reversed().thenComparingLong(Part::key));
		Map<Long, BigInteger> extra = new LinkedHashMap<>();
		for (int i = 0; i < left; i++) {
			extra.put(byRemainder.get(i).key(), BigInteger.ONE);
		}
		Map<Long, BigInteger> out = new LinkedHashMap<>();
		for (Part p : parts) {
			BigInteger v = p.floor().add(extra.getOrDefault(p.key(), BigInteger.ZERO));
			out.put(p.key(), signum < 0 ? v.negate() : v);
		}
		return out;
	}

	/** A count split to tenths (scale 1): {@code 1} over 60/40 gives 0.6 and 0.4, over three thirds 0.4, 0.3, 0.3. */
	public static Map<Long, BigDecimal> splitCount(long count, List<Share> shares) {
		return split(BigDecimal.valueOf(count), shares, 1);
	}

	private static void check(List<Share> shares) {
		if (shares == null || shares.isEmpty()) {
			throw new IllegalArgumentException("no shares");
		}
		int sum = 0;
		java.util.Set<Long> keys = new java.util.HashSet<>();
		for (Share s : shares) {
			if (!keys.add(s.key())) {
				throw new IllegalArgumentException("key twice: " + s.key());
			}
			sum += s.basisPoints();
		}
		if (sum != WHOLE) {
			throw new IllegalArgumentException("shares add up to " + sum + ", not " + WHOLE);
		}
	}
}
