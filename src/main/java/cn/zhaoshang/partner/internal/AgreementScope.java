package cn.zhaoshang.partner.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether a project lies inside an agreement's scope, so that its stage moves earn the agreement's rewards (clause
 * XI: an intermediary is entrusted with some chains and some regions). The period is the agreement's own check
 * ({@link Agreements.Agreement#inForce}); here the two scope lists, each a list of words as the agreement page shows
 * them (split as {@link AgreementOverlap#words}), a blank list covering everything:
 * <ul>
 * <li>chains: the project's industry chain, by its Chinese or English name or its code, equal to a word or one
 * containing the other (化工 covers 精细化工);</li>
 * <li>regions: where the investor has its headquarters (the enterprise record's 总部所在地), which must name one of the
 * places, read without a trailing 省, 市 or 自治区 (浙江省 covers 浙江宁波); an investor whose headquarters is not
 * recorded is outside a regional scope until it is. A word that names a region grouping of {@link RegionGroups}
 * (长三角) stands for its places (上海, 江苏, 浙江, 安徽).</li>
 * </ul>
 */
final class AgreementScope {

	/** 省, 市, 自治区: trailing parts of a place name that the headquarters may leave out. */
	private static final String[] SUFFIXES = { "\u81ea\u6cbb\u533a", "\u7701", "\u5e02" };

	private AgreementScope() {
	}

	/** The project's side of the comparison. */
	record Project(String chainName, String chainNameEn, String chainCode, String headquarters) {
	}

	static boolean covers(String scopeChains, String scopeRegions, Project p, Map<String, List<String>> groups) {
		return chains(scopeChains, p) && regions(scopeRegions, p.headquarters(), groups);
	}

	static boolean chains(String scope, Project p) {
		Set<String> words = AgreementOverlap.words(scope);
		if (words.isEmpty()) {
			return true;
		}
		for (String name : new String[] { p.chainName(), p.chainNameEn(), p.chainCode() }) {
			if (name == null || name.isBlank()) {
				continue;
			}
			String n = name.strip().toLowerCase(Locale.ROOT);
			for (String w : words) {
				if (n.equals(w) || n.contains(w) || w.contains(n)) {
					return true;
				}
			}
		}
		return false;
	}

	static boolean regions(String scope, String headquarters) {
		return regions(scope, headquarters, Map.of());
	}

	static boolean regions(String scope, String headquarters, Map<String, List<String>> groups) {
		Set<String> words = AgreementOverlap.words(scope);
		if (words.isEmpty()) {
			return true;
		}
		if (headquarters == null || headquarters.isBlank()) {
			return false;
		}
		String hq = headquarters.toLowerCase(Locale.ROOT);
		for (String w : words) {
			List<String> places = groups.getOrDefault(w, List.of(w));
			for (String p : places) {
				String place = place(p);
				if (!place.isEmpty() && hq.contains(place)) {
					return true;
				}
			}
		}
		return false;
	}

	static String place(String word) {
		String w = word;
		for (String suffix : SUFFIXES) {
			if (w.length() > suffix.length() + 1 && w.endsWith(suffix)) {
				return w.substring(0, w.length() - suffix.length());
			}
		}
		return w;
	}
}
