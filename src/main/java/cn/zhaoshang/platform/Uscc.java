package cn.zhaoshang.platform;

import java.util.Locale;

/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character alphabet (digits
 * and upper-case letters without I, O, S, V, Z); the last one is a check character over the first 17.
 */
public final class Uscc {

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private Uscc() {
	}

	/** Upper-cases and trims; full-width letters and digits become half-width. */
	public static String normalize(String code) {
		if (code == null) {
			return null;
		}
		var sb = new StringBuilder();
		for (char c : code.trim().toCharArray()) {
			if (c >= '\uFF01' && c <= '\uFF5E') {
				c = (char) (c - 0xFEE0);
			}
			if (!Character.isWhitespace(c)) {
				sb.append(c);
			}
		}
		return sb.toString().toUpperCase(Locale.ROOT);
	}

	/** Whether the (normalised) code has 18 valid characters and the right check character. */
	public static boolean isValid(String code) {
		String c = normalize(code);
		if (c == null || c.length() != 18) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int v = ALPHABET.indexOf(c.charAt(i));
			if (v < 0) {
				return false;
			}
			sum += v * WEIGHTS[i];
		}
		int check = (31 - sum % 31) % 31;
		return c.charAt(17) == ALPHABET.charAt(check);
	}
}
