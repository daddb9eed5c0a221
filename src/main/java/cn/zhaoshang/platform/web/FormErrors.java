package cn.zhaoshang.platform.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.zhaoshang.platform.FieldException;

import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Validation errors of a form, resolved into the user's language: each names the field and the rule
 * (e.g. "用户名：不能为空", "User name: must not be empty"; the pattern is {@code form.fieldError}). Templates show them
 * next to the fields and in a summary at the top, in the order of the form's fields. A field that breaks several
 * rules shows one message: "must not be empty" when it is empty, not the length rule that an empty value also breaks.
 */
public final class FormErrors {

	public static final FormErrors NONE = new FormErrors(Map.of());

	private final Map<String, String> byField;

	private FormErrors(Map<String, String> byField) {
		this.byField = byField;
	}

	/** Constraints that say a value is missing: their message is the one to show for an empty field. */
	private static final Set<String> REQUIRED = Set.of("NotBlank", "NotNull", "NotEmpty");

	public static FormErrors of(BindingResult result, MessageSource messages, Locale locale) {
		Map<String, FieldError> chosen = new LinkedHashMap<>();
		for (FieldError e : result.getFieldErrors()) {
			chosen.merge(e.getField(), e, (kept, next) -> !REQUIRED.contains(kept.getCode())
					&& REQUIRED.contains(next.getCode()) ? next : kept);
		}
		List<String> order = fieldOrder(result.getTarget());
		Map<String, String> map = new LinkedHashMap<>();
		chosen.values()
			.stream()
			.sorted(Comparator.comparingInt((FieldError e) -> order.indexOf(e.getField()) < 0 ? order.size()
					: order.indexOf(e.getField())))
			.forEach(e -> map.put(e.getField(), fieldMessage(messages, e.getField(), messages.getMessage(e, locale),
					locale)));
		result.getGlobalErrors().forEach(e -> map.putIfAbsent("", messages.getMessage(e, locale)));
		return new FormErrors(map);
	}

	public static FormErrors of(FieldException e, MessageSource messages, Locale locale) {
		return new FormErrors(Map.of(e.field(), fieldMessage(messages, e.field(),
				messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale), locale)));
	}

	public static FormErrors of(cn.zhaoshang.platform.InvalidInputException e, MessageSource messages,
			Locale locale) {
		Map<String, String> map = new LinkedHashMap<>();
		e.violations().forEach(v -> map.putIfAbsent(v.field(), fieldMessage(messages, v.field(),
				messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale), locale)));
		return new FormErrors(map);
	}

	/**
	 * These errors plus more, already resolved (see {@link #fieldMessage}), by field; a field keeps its first message.
	 * For pages that collect refusals from several steps (binding, an upload, the use case).
	 */
	public FormErrors with(Map<String, String> more) {
		if (more.isEmpty()) {
			return this;
		}
		Map<String, String> map = new LinkedHashMap<>(byField);
		more.forEach(map::putIfAbsent);
		return new FormErrors(map);
	}

	/**
	 * Fields in declaration order: a record's components, or a form bean's own fields (validation reports them in no
	 * particular order).
	 */
	private static List<String> fieldOrder(Object form) {
		if (form == null) {
			return List.of();
		}
		if (form.getClass().isRecord()) {
			return Arrays.stream(form.getClass().getRecordComponents()).map(c -> c.getName()).toList();
		}
		return Arrays.stream(form.getClass().getDeclaredFields())
			.filter(f -> !java.lang.reflect.Modifier.isStatic(f.getModifiers()))
			.map(java.lang.reflect.Field::getName)
			.toList();
	}

	private static final java.util.regex.Pattern INDEXED = java.util.regex.Pattern.compile("(\\w+)\\[(\\d+)]\\.(\\w+)");

	/** "Label：rule" in the user's language (pattern {@code form.fieldError}); also used by the API's errors[]. */
	public static String fieldMessage(MessageSource messages, String field, String rule, Locale locale) {
		String label = messages.getMessage("field." + field, null, null, locale);
		java.util.regex.Matcher row = INDEXED.matcher(field);
		if (label == null && row.matches()) {
			// a field of a list row (problems[2].text): the row's label with its number (field.problems.text)
			label = messages.getMessage("field." + row.group(1) + "." + row.group(3),
					new Object[] { Integer.parseInt(row.group(2)) + 1 }, null, locale);
		}
		label = label == null ? field : label;
		return messages.getMessage("form.fieldError", new Object[] { label, rule }, label + ": " + rule, locale);
	}

	/** The resolved messages by field, e.g. to add to another form's errors with {@link #with}. */
	public Map<String, String> byField() {
		return java.util.Collections.unmodifiableMap(byField);
	}

	public boolean any() {
		return !byField.isEmpty();
	}

	public boolean has(String field) {
		return byField.containsKey(field);
	}

	public String get(String field) {
		return byField.get(field);
	}

	public java.util.Collection<String> all() {
		return byField.values();
	}
}
