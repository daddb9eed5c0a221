package cn.zhaoshang.platform.i18n;

import java.util.List;
import java.util.Locale;

/** The supported languages. Anything else falls back to Chinese. */
public final class Languages {

	public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
	public static final Locale ENGLISH = Locale.ENGLISH;
	public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);

	private Languages() {
	}

	/** Maps a language tag such as {@code en}, {@code en-US}, {@code zh-CN} or {@code zh} to a supported locale. */
	public static Locale fromTag(String tag) {
		if (tag == null || tag.isBlank()) {
			return CHINESE;
		}
		return Locale.forLanguageTag(tag.replace('_', '-')).getLanguage().equals("en") ? ENGLISH : CHINESE;
	}

	public static boolean isSupportedTag(String tag) {
		return tag != null && (tag.equals("zh-CN") || tag.equals("en"));
	}

	public static String tag(Locale locale) {
		return ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "zh-CN";
	}
}
