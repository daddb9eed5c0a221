package cn.zhaoshang.platform;

import java.util.Objects;

/**
 * A system setting that administrators may change on the 系统设置 page. Modules declare theirs as beans; the value is
 * read through {@link Settings}, which answers the default until an administrator saves another value.
 *
 * @param key unique, prefixed by the declaring module (e.g. {@code clue.staleAfterDays})
 * @param labelKey message key of the setting's name
 * @param helpKey message key of one sentence that says what the setting changes
 * @param type how the value is entered and checked
 * @param defaultValue the value while none is saved, as text
 * @param min for {@link Type#INT} the smallest value allowed; for {@link Type#TEXT} the shortest length (may be null)
 * @param max for {@link Type#INT} the largest value allowed; for {@link Type#TEXT} the longest length (may be null)
 */
public record SettingDefinition(String key, String labelKey, String helpKey, Type type, String defaultValue,
		Integer min, Integer max) {

	/** How a setting's value is entered and checked. */
	public enum Type {
		/** A whole number between min and max. */
		INT,
		/** Yes or no ({@code true}/{@code false}). */
		BOOLEAN,
		/** Free text, at most max characters. */
		TEXT
	}

	public SettingDefinition {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(labelKey, "labelKey");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(defaultValue, "defaultValue");
	}

	public static SettingDefinition ofInt(String key, String labelKey, String helpKey, int defaultValue, int min,
			int max) {
		return new SettingDefinition(key, labelKey, helpKey, Type.INT, Integer.toString(defaultValue), min, max);
	}

	public static SettingDefinition ofBoolean(String key, String labelKey, String helpKey, boolean defaultValue) {
		return new SettingDefinition(key, labelKey, helpKey, Type.BOOLEAN, Boolean.toString(defaultValue), null,
				null);
	}

	public static SettingDefinition ofText(String key, String labelKey, String helpKey, String defaultValue,
			int maxLength) {
		return new SettingDefinition(key, labelKey, helpKey, Type.TEXT, defaultValue, null, maxLength);
	}
}
