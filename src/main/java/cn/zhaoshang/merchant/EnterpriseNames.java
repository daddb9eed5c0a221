package cn.zhaoshang.merchant;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The normalised form of a Chinese enterprise name, used to find likely duplicates when an enterprise is created or
 * imported without (or with a different) USCC. Two names with the same normalised form are candidates for "the same
 * enterprise"; the form is never shown to users and never replaces the registered name.
 * <p>
 * Steps, in order: full-width to half-width; Latin lower-cased; bracketed parts that are only a place name dropped,
 * other brackets removed but their content kept; English legal forms (Co., Ltd., Limited, Inc.) stripped from the
 * end; all whitespace removed; Chinese legal forms (有限公司, 集团, ...) stripped repeatedly from the end; leading
 * place names (known ones, and any 2-3 Han characters followed by 省/市/县/区) stripped repeatedly from the start. The
 * word lists live in {@code merchant/enterprise-names.txt}.
 * <p>
 * Limits, honestly:
 * <ul>
 * <li>It is a heuristic for finding candidates, not an identity. The USCC is the identity; a matching normalised
 * name must be confirmed by a person.</li>
 * <li>Bare place names (without 省/市/县/区) are only stripped as a prefix when listed under {@code [places]} (this
 * province and city). So 北京某某科技 and 某某科技 stay different, while 某某（北京）科技 equals 某某科技.</li>
 * <li>The general "XX市/XX区" rule can still mistake a distinctive word for a place when it is not in
 * {@code [not-places]}, and it misses places of one or of four and more characters (范县 must be listed;
 * 呼和浩特市 is not recognised).</li>
 * <li>A leading place is kept when stripping it would leave fewer than two characters, so 濮阳市有限公司 stays
 * 濮阳市; but a generic core is kept as is, so 濮阳市化工有限公司 and 化工有限公司 both become 化工.</li>
 * <li>No traditional/simplified conversion, no synonyms (科技 vs 技术), no abbreviations (中石化 vs 中国石化), no
 * typo tolerance; English names are compared letter by letter without spaces.</li>
 * <li>Branches (分公司) and partnerships (合伙) are deliberately not folded into their parent name.</li>
 * </ul>
 */
public final class EnterpriseNames {

	private static final String RESOURCE = "/merchant/enterprise-names.txt";

	/** Fewer characters than this left after stripping a place means the "place" was the name itself. */
	private static final int MIN_CORE = 2;

	/** Chinese legal forms, longest first so 股份有限公司 is removed whole rather than leaving 股份. */
	private static final List<String> LEGAL_FORMS;

	/** Places stripped as a prefix and as a bracketed part; longest first so 濮阳市 wins over 濮阳. */
	private static final List<String> PLACES;

	/** Places stripped only when they are the whole bracketed part. */
	private static final Set<String> BRACKET_PLACES;

	/** Words ending or starting with 省/市/县/区 that are not places (超市, 社区, 市场, ...). */
	private static final Set<String> NOT_PLACES;

	/**
	 * English legal forms at the end, as written in registered English names ("Co., Ltd.", "Co.,Ltd", "Limited",
	 * "Inc."). The look-behind asks for a non-alphanumeric before the form, so "Zinc" does not lose its "inc" -
	 * which is why this runs before whitespace is removed.
	 */
	private static final Pattern ENGLISH_LEGAL_FORM = Pattern.compile(
			"(?<![a-z0-9])(?:co\\.?\\s*,?\\s*ltd\\.?|company\\s+limited|limited|ltd\\.?|inc\\.?|co\\.?|corp\\.?|corporation)[\\s,.]*$");

	/** A bracketed part: half-width round or square brackets (after width folding) and the CJK 【】. */
	private static final Pattern BRACKETED = Pattern.compile("[(\\[\u3010]([^()\\[\\]\u3010\u3011]*)[)\\]\u3011]");

	/** Stray brackets left over from unbalanced or nested input. */
	private static final Pattern BRACKET = Pattern.compile("[()\\[\\]\u3010\u3011]");

	/** Whitespace including the no-break and ideographic spaces that copy-paste from documents brings. */
	private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");

	/** Administrative markers (省 市 县 区) that end a place name in the general rule. */
	private static final String PLACE_MARKERS;

	static {
		Map<String, List<String>> sections = load();
		Comparator<String> longestFirst = Comparator.comparingInt(String::length).reversed();
		LEGAL_FORMS = sections.getOrDefault("legal-forms", List.of()).stream().sorted(longestFirst).toList();
		PLACES = sections.getOrDefault("places", List.of()).stream().sorted(longestFirst).toList();
		BRACKET_PLACES = Set.copyOf(new HashSet<>(sections.getOrDefault("bracket-places", List.of())));
		NOT_PLACES = Set.copyOf(new HashSet<>(sections.getOrDefault("not-places", List.of())));
		PLACE_MARKERS = String.join("", sections.getOrDefault("place-markers", List.of()));
		if (LEGAL_FORMS.isEmpty() || PLACES.isEmpty() || PLACE_MARKERS.isEmpty()) {
			throw new IllegalStateException(RESOURCE + " has no legal forms or places");
		}
	}

	private EnterpriseNames() {
	}

	/** The normalised form of {@code name}; {@code null} for {@code null}, never empty for a non-blank name. */
	public static String normalize(String name) {
		if (name == null) {
			return null;
		}
		// Width and case first: every later rule then sees one spelling of "(", "Co." and digits.
		String folded = fold(name);
		// Brackets before anything else: their content decides whether it is a place or part of the name.
		String s = brackets(folded);
		// English forms need the spaces still there to see word boundaries.
		s = stripEnglishLegalForms(s);
		// Spaces are typing noise in Chinese names ("华为 技术 有限公司").
		s = WHITESPACE.matcher(s).replaceAll("");
		// Legal form before place: "濮阳市有限公司" must be seen as place-only (and kept) rather than losing both.
		s = stripLegalForms(s);
		s = stripLeadingPlaces(s);
		if (s.isEmpty()) {
			// Nothing distinctive left (e.g. "有限公司"): compare the whole name rather than match everything.
			return WHITESPACE.matcher(folded).replaceAll("");
		}
		return s;
	}

	/** Full-width ASCII (ＡＢＣ１２３（）) to half-width, ideographic space to space, Latin lower-cased. */
	private static String fold(String name) {
		var sb = new StringBuilder(name.length());
		for (char c : name.toCharArray()) {
			if (c >= '\uFF01' && c <= '\uFF5E') {
				c = (char) (c - 0xFEE0);
			}
			else if (c == '\u3000') {
				c = ' ';
			}
			sb.append(c);
		}
		return sb.toString().toLowerCase(Locale.ROOT);
	}

	/**
	 * A bracketed place (某某化工（濮阳）有限公司) is the registry's way of writing the place that other registrations put
	 * in front, so it goes; any other bracketed part (（集团）) is part of the name, so only the brackets go.
	 */
	private static String brackets(String s) {
		Matcher m = BRACKETED.matcher(s);
		var sb = new StringBuilder();
		while (m.find()) {
			String content = m.group(1).strip();
			m.appendReplacement(sb, Matcher.quoteReplacement(isPlace(content) ? " " : content));
		}
		m.appendTail(sb);
		return BRACKET.matcher(sb).replaceAll("");
	}

	/** Whether the whole text is place names (河南, 濮阳市, 河南濮阳, 北京, 中国). */
	private static boolean isPlace(String text) {
		String s = WHITESPACE.matcher(text).replaceAll("");
		if (s.isEmpty()) {
			return false;
		}
		if (BRACKET_PLACES.contains(s)) {
			return true;
		}
		String rest = s;
		int length;
		do {
			length = rest.length();
			rest = rest.substring(placeLength(rest));
		}
		while (!rest.isEmpty() && rest.length() < length);
		return rest.isEmpty();
	}

	private static String stripEnglishLegalForms(String s) {
		String before;
		do {
			before = s;
			s = ENGLISH_LEGAL_FORM.matcher(s.stripTrailing()).replaceFirst("").stripTrailing();
			// "Acme Co., Ltd." leaves "Acme ," or "Acme." behind.
			while (!s.isEmpty() && (s.endsWith(",") || s.endsWith("."))) {
				s = s.substring(0, s.length() - 1).stripTrailing();
			}
		}
		while (!s.equals(before) && !s.isEmpty());
		return s.isEmpty() ? before : s;
	}

	/**
	 * Repeatedly, so 集团有限公司 goes as 有限公司 then 集团 and 盛源石油化工（集团）有限公司 meets 盛源石油化工有限公司. A form that
	 * is the whole rest of the name stays (集团 of 集团有限责任公司); a name that is one listed legal form (有限公司,
	 * 集团有限公司) has no core at all.
	 */
	private static String stripLegalForms(String s) {
		if (LEGAL_FORMS.contains(s)) {
			// The name is a legal form and nothing else (有限公司): no core to compare, so the caller falls back.
			return "";
		}
		boolean stripped = true;
		while (stripped) {
			stripped = false;
			for (String form : LEGAL_FORMS) {
				if (s.endsWith(form) && s.length() > form.length()) {
					s = s.substring(0, s.length() - form.length());
					stripped = true;
					break;
				}
			}
		}
		return s;
	}

	/**
	 * Repeatedly, so 河南省濮阳市华龙区某某 loses all three levels, but never below {@link #MIN_CORE} characters: a name
	 * that is only a place keeps it, since the place is then all that tells it apart.
	 */
	private static String stripLeadingPlaces(String s) {
		while (true) {
			int length = placeLength(s);
			if (length == 0 || s.length() - length < MIN_CORE) {
				return s;
			}
			s = s.substring(length);
		}
	}

	/** Length of the place name at the start of {@code s}: a listed one, else the general rule; 0 for none. */
	private static int placeLength(String s) {
		for (String place : PLACES) {
			if (s.startsWith(place)) {
				return place.length();
			}
		}
		// The general rule: 2 or 3 Han characters and a marker (濮阳市, 华龙区, 石家庄市), shortest first so one level is
		// taken at a time; words like 超市, 社区 and 市场 only look like places and are skipped.
		for (int nameLength = 2; nameLength <= 3 && nameLength < s.length(); nameLength++) {
			if (!isHan(s.charAt(nameLength - 1)) || (nameLength == 2 && !isHan(s.charAt(0)))) {
				return 0;
			}
			int end = nameLength + 1;
			if (PLACE_MARKERS.indexOf(s.charAt(nameLength)) >= 0 && !NOT_PLACES.contains(s.substring(end - 2, end))
					&& !(end < s.length() && NOT_PLACES.contains(s.substring(end - 1, end + 1)))) {
				return end;
			}
		}
		return 0;
	}

	private static boolean isHan(char c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
	}

	private static Map<String, List<String>> load() {
		Map<String, List<String>> sections = new LinkedHashMap<>();
		try (InputStream in = EnterpriseNames.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing");
			}
			var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			List<String> current = null;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String entry = line.strip();
				if (entry.isEmpty() || entry.startsWith("#")) {
					continue;
				}
				if (entry.startsWith("[") && entry.endsWith("]")) {
					current = sections.computeIfAbsent(entry.substring(1, entry.length() - 1), k -> new ArrayList<>());
				}
				else if (current != null) {
					current.add(fold(entry));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return sections;
	}
}
