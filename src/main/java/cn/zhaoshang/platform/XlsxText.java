package cn.zhaoshang.platform;

import org.apache.poi.ss.usermodel.Cell;

/**
 * The text of a workbook cell as the file stores it. In .xlsx (ECMA-376 ST_Xstring) {@code _xHHHH_} stands for the
 * character U+HHHH — Excel writes a carriage return as {@code _x000D_} — so a text that itself contains such a
 * sequence must escape its underscore as {@code _x005F_}. Apache POI decodes these sequences on reading but does not
 * escape them on writing, so {@code X_x0041_Y} written by POI came back as {@code XAY}. Every writer of this platform
 * sets texts through {@link #set} and the one reader decodes through {@link #decode}, exactly once, so that every
 * text imports back as it was exported.
 */
public final class XlsxText {

	private XlsxText() {
	}

	/** Sets a text cell, escaped; null leaves the cell blank. */
	public static void set(Cell cell, String value) {
		if (value != null) {
			cell.setCellValue(escape(value));
		}
	}

	/** The text as a file stores it: the underscore of every {@code _xHHHH_} in it written as {@code _x005F_}. */
	public static String escape(String text) {
		if (text.indexOf("_x") < 0) {
			return text;
		}
		var out = new StringBuilder(text.length() + 14);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			out.append(c == '_' && escapeAt(text, i) ? "_x005F_" : String.valueOf(c));
		}
		return out.toString();
	}

	/** The text a file stores, with every {@code _xHHHH_} replaced by its character (read left to right, once). */
	public static String decode(String stored) {
		if (stored.indexOf('_') < 0) {
			return stored;
		}
		var out = new StringBuilder(stored.length());
		int i = 0;
		while (i < stored.length()) {
			if (stored.charAt(i) == '_' && escapeAt(stored, i)) {
				out.append((char) Integer.parseInt(stored.substring(i + 2, i + 6), 16));
				i += 7;
			}
			else {
				out.append(stored.charAt(i++));
			}
		}
		return out.toString();
	}

	/** Whether {@code _xHHHH_} (ASCII hex digits in either case, as Excel and POI read it) starts at index i. */
	private static boolean escapeAt(String s, int i) {
		if (i + 7 > s.length() || s.charAt(i) != '_' || s.charAt(i + 1) != 'x' || s.charAt(i + 6) != '_') {
			return false;
		}
		for (int k = i + 2; k < i + 6; k++) {
			char c = s.charAt(k);
			if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
				return false;
			}
		}
		return true;
	}
}
