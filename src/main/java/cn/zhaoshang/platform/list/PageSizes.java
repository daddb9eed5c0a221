package cn.zhaoshang.platform.list;

import java.util.List;

/**
 * The page sizes of lists, decided once: pages offer {@link #CHOICES} (anything else means the first), the API
 * takes 1 to {@link #API_MAX}. A page number below 1 is page 1.
 */
public final class PageSizes {

	/** What the page-size select of a list page offers; the first is the default. */
	public static final List<Integer> CHOICES = List.of(20, 50, 100);

	/** The largest page the API serves. */
	public static final int API_MAX = 200;

	private PageSizes() {
	}

	/** The size a list page shows for the requested one (a parameter, possibly missing or not a number). */
	public static int forPage(String requested) {
		int size = number(requested, CHOICES.get(0));
		return CHOICES.contains(size) ? size : CHOICES.get(0);
	}

	/** The size an API list serves for the requested one: clamped to 1..{@link #API_MAX}. */
	public static int forApi(int requested) {
		return Math.min(Math.max(requested, 1), API_MAX);
	}

	/** The page number for a parameter: 1 when missing, not a number or below 1. */
	public static int page(String requested) {
		return Math.max(1, number(requested, 1));
	}

	private static int number(String v, int fallback) {
		if (v == null || v.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(v.trim());
		}
		catch (NumberFormatException e) {
			return fallback;
		}
	}
}
