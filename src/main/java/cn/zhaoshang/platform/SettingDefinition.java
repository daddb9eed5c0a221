package cn.zhaoshang.platform;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
 * @param check the declaring module's own rule for a value, after the type's rules (may be null)
 * @param editors roles besides ADMIN that may change this setting (e.g. the city bureau for its own rules)
 * @param display how the settings page reads a value out to people (e.g. codes as their translated labels); null
 *        shows the stored value as it is
 */
public record SettingDefinition(String key, String labelKey, String helpKey, Type type, String defaultValue,
		Integer min, Integer max, Check check, Set<Role> editors, Display display) {

	/** A module's own rule for a value: the broken rule (message key and arguments), or empty. */
	@FunctionalInterface
	public interface Check {

		Optional<Problem> check(String value);
	}

	/**
	 * A value as people read it: a message (resolved in the reader's language) for a stored value, e.g. the labels of
	 * the codes it holds; null when the stored value itself is the best reading.
	 */
	@FunctionalInterface
	public interface Display {

		org.springframework.context.MessageSourceResolvable of(String value);
	}

	/** A rule a value breaks: message key and its arguments. */
	public record Problem(String messageKey, Object... args) {
	}

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
		editors = editors == null ? Set.of() : Set.copyOf(editors);
	}

	public SettingDefinition(String key, String labelKey, String helpKey, Type type, String defaultValue, Integer min,
			Integer max) {
		this(key, labelKey, helpKey, type, defaultValue, min, max, null, Set.of(), null);
	}

	/** The same setting with a module rule checked on every save. */
	public SettingDefinition withCheck(Check newCheck) {
		return new SettingDefinition(key, labelKey, helpKey, type, defaultValue, min, max, newCheck, editors, display);
	}

	/** The same setting, its values shown to people through this display. */
	public SettingDefinition withDisplay(Display newDisplay) {
		return new SettingDefinition(key, labelKey, helpKey, type, defaultValue, min, max, check, editors, newDisplay);
	}

	/** The value as people read it, or null when it is best shown as stored. */
	public org.springframework.context.MessageSourceResolvable displayOf(String value) {
		if (display == null || value == null) {
			return null;
		}
		try {
			return display.of(value);
		}
		catch (RuntimeException e) {
			return null; // a value the display cannot read (saved before a rule changed) is shown as stored
		}
	}

	/** The same setting, editable also by these roles (ADMIN always may). */
	public SettingDefinition editableBy(Role... roles) {
		return new SettingDefinition(key, labelKey, helpKey, type, defaultValue, min, max, check, Set.of(roles),
				display);
	}

	/** Whether a user of this role may change the setting. */
	public boolean mayBeEditedBy(Role role) {
		return role == Role.ADMIN || editors.contains(role);
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
