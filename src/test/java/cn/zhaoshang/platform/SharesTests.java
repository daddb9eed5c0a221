package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.zhaoshang.platform.Shares.Share;

import org.junit.jupiter.api.Test;

/** The largest-remainder split: parts add up to the whole exactly, every time, in the same way every time. */
class SharesTests {

	@Test
	void splitsAnOddAmountToTheFenWithNothingLost() {
		Map<Long, BigDecimal> parts = Shares.splitAmount(new BigDecimal("100.01"),
				List.of(new Share(7, 6000), new Share(3, 4000)));
		// 60.006 and 40.004: both remainders are below the fen; the one fen left goes to the larger remainder
		assertThat(parts).containsEntry(7L, new BigDecimal("60.01")).containsEntry(3L, new BigDecimal("40.00"));
	}

	@Test
	void breaksEqualRemaindersByTheSmallerKey() {
		List<Share> thirds = List.of(new Share(9, 3334), new Share(2, 3333), new Share(5, 3333));
		assertThat(Shares.splitAmount(new BigDecimal("0.02"), thirds)).containsEntry(9L, new BigDecimal("0.01"))
			.containsEntry(2L, new BigDecimal("0.01"))
			.containsEntry(5L, new BigDecimal("0.00"));
		assertThat(Shares.splitCount(1, List.of(new Share(4, 5000), new Share(1, 5000))))
			.containsEntry(1L, new BigDecimal("0.5"))
			.containsEntry(4L, new BigDecimal("0.5"));
		assertThat(Shares.split(BigInteger.ONE, List.of(new Share(4, 5000), new Share(1, 5000))))
			.containsEntry(1L, BigInteger.ONE)
			.containsEntry(4L, BigInteger.ZERO);
	}

	@Test
	void aWholeShareTakesAll() {
		assertThat(Shares.splitAmount(new BigDecimal("12345.67"), List.of(new Share(1, 10_000))))
			.containsExactly(Map.entry(1L, new BigDecimal("12345.67")));
		assertThat(Shares.splitAmount(new BigDecimal("-0.03"), List.of(new Share(1, 5000), new Share(2, 5000))))
			.containsEntry(1L, new BigDecimal("-0.02"))
			.containsEntry(2L, new BigDecimal("-0.01"));
	}

	@Test
	void refusesSharesThatDoNotMakeAWhole() {
		assertThatThrownBy(() -> Shares.splitAmount(BigDecimal.ONE, List.of(new Share(1, 6000), new Share(2, 3999))))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Shares.splitAmount(BigDecimal.ONE, List.of(new Share(1, 5000), new Share(1, 5000))))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Share(1, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Shares.splitAmount(new BigDecimal("1.005"), List.of(new Share(1, 10_000))))
			.isInstanceOf(ArithmeticException.class);
	}

	/** Property: many random splits always sum exactly, each part within one unit of its exact share, repeatable. */
	@Test
	void randomSplitsAlwaysAddUpExactly() {
		Random random = new Random(20261206L);
		for (int round = 0; round < 20_000; round++) {
			List<Share> shares = randomShares(random);
			BigDecimal whole = BigDecimal.valueOf(random.nextLong(0, 100_000_000_000L), 2);
			Map<Long, BigDecimal> parts = Shares.splitAmount(whole, shares);
			assertThat(parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(whole);
			for (Share s : shares) {
				BigDecimal exact = whole.multiply(BigDecimal.valueOf(s.basisPoints()))
					.divide(BigDecimal.valueOf(Shares.WHOLE));
				assertThat(parts.get(s.key()).subtract(exact).abs()).isLessThan(new BigDecimal("0.01"));
				assertThat(parts.get(s.key()).signum()).isGreaterThanOrEqualTo(0);
			}
			assertThat(Shares.splitAmount(whole, shares)).isEqualTo(parts);
			long count = random.nextInt(0, 50);
			Map<Long, BigDecimal> counts = Shares.splitCount(count, shares);
			assertThat(counts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
				.isEqualByComparingTo(BigDecimal.valueOf(count));
		}
	}

	private static List<Share> randomShares(Random random) {
		int n = random.nextInt(1, 7);
		List<Integer> cuts = new ArrayList<>();
		java.util.Set<Integer> used = new java.util.TreeSet<>();
		while (used.size() < n - 1) {
			used.add(random.nextInt(1, Shares.WHOLE));
		}
		cuts.add(0);
		cuts.addAll(used);
		cuts.add(Shares.WHOLE);
		List<Share> shares = new ArrayList<>();
		java.util.Set<Long> keys = new java.util.HashSet<>();
		for (int i = 0; i < n; i++) {
			long key;
			do {
				key = random.nextInt(1, 1000);
			}
			while (!keys.add(key));
			shares.add(new Share(key, cuts.get(i + 1) - cuts.get(i)));
		}
		return shares;
	}
}
