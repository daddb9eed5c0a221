package cn.zhaoshang.partner.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.Shares;
import cn.zhaoshang.project.Stage;

/**
 * The reward rule of clause XI as arithmetic: when a project an intermediary introduced reaches a rule's stage by a
 * move the city bureau approved, the whole reward is either a percentage of the funds actually in place (万元, so
 * {@code funds x 10,000 x percent / 100} yuan) or a fixed sum in yuan, rounded half up to the fen, and never above
 * the cap when one is set. A project credited to several introducers splits the whole by their credit (basis
 * points) with the largest-remainder rule of {@link Shares}, so no fen is lost or made up.
 */
public final class RewardPolicy {

	private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private RewardPolicy() {
	}

	/**
	 * A rule: the stage it pays for and either a percentage of funds in place or a fixed sum (yuan), with an
	 * optional cap (yuan).
	 */
	public record Rule(Stage stage, BigDecimal percentOfFunds, BigDecimal fixedAmount, BigDecimal cap) {

		public boolean percentage() {
			return percentOfFunds != null;
		}
	}

	/**
	 * The whole reward of a project under a rule, in yuan to the fen.
	 *
	 * @param fundsInPlace funds actually in place when the stage was reached, in 万元 (null counts as zero)
	 */
	public static BigDecimal whole(Rule rule, BigDecimal fundsInPlace) {
		BigDecimal amount;
		if (rule.percentOfFunds() != null) {
			BigDecimal funds = fundsInPlace == null ? BigDecimal.ZERO : fundsInPlace;
			amount = funds.multiply(WAN).multiply(rule.percentOfFunds()).divide(HUNDRED);
		}
		else {
			amount = rule.fixedAmount() == null ? BigDecimal.ZERO : rule.fixedAmount();
		}
		amount = amount.setScale(2, RoundingMode.HALF_UP);
		if (rule.cap() != null && amount.compareTo(rule.cap()) > 0) {
			amount = rule.cap().setScale(2, RoundingMode.HALF_UP);
		}
		return amount.max(BigDecimal.ZERO.setScale(2));
	}

	/** Each introducer's part of the whole by its credit (unit id to basis points adding up to 10,000). */
	public static Map<Long, BigDecimal> split(BigDecimal whole, Map<Long, Integer> credit) {
		List<Shares.Share> shares = credit.entrySet()
			.stream()
			.map(e -> new Shares.Share(e.getKey(), e.getValue()))
			.toList();
		return Shares.splitAmount(whole.setScale(2, RoundingMode.HALF_UP), shares);
	}
}
