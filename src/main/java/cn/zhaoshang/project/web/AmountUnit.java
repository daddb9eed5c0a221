package cn.zhaoshang.project.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The unit in which the ledger shows sums: always 万元, always 亿元, or {@link #AUTO} (亿元 where the sum exceeds
 * 10,000 万元, else 万元). Sums are stored in 万元; the exact 万元 figure stays on hover and in exports.
 */
public enum AmountUnit {

	WAN, YI, AUTO;

	static final BigDecimal WAN_PER_YI = BigDecimal.valueOf(10_000);

	/** The unit a saved or posted word names; AUTO for anything else. */
	static AmountUnit parse(String word) {
		for (AmountUnit u : values()) {
			if (u.name().equalsIgnoreCase(word == null ? "" : word.trim())) {
				return u;
			}
		}
		return AUTO;
	}

	/** Whether a sum of {@code wan} 万元 is shown in 亿元 (AUTO: its absolute value exceeds 10,000 万元). */
	public boolean inYi(BigDecimal wan) {
		return this == YI || (this == AUTO && wan != null && wan.abs().compareTo(WAN_PER_YI) > 0);
	}

	/** The number as shown, without its unit word: {@code 19,623.00} (万元) or {@code 196.23} (亿元). */
	public String number(BigDecimal wan) {
		if (wan == null) {
			return "";
		}
		BigDecimal v = inYi(wan) ? wan.divide(WAN_PER_YI, 2, RoundingMode.HALF_UP) : wan;
		return format(v.signum() == 0 ? BigDecimal.ZERO : v);
	}

	/** The message key of the unit word shown after {@link #number}. */
	public String wordKey(BigDecimal wan) {
		return inYi(wan) ? "ledger.unit.yi" : "ledger.unit.wan";
	}

	/** The exact figure in 万元 with separators and two decimals (for the hover text and exports). */
	public static String exact(BigDecimal wan) {
		return wan == null ? "" : format(wan);
	}

	private static String format(BigDecimal v) {
		var format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(v);
	}
}
