package cn.zhaoshang.platform.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import cn.zhaoshang.platform.FieldException;

import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;

/**
 * Validation errors of a form, resolved into the user's language: each names the field and the rule
 * (e.g. "用户名：不能为空"). Templates show them next to the fields and in a summary at the top.
 */
public final class FormErrors {

	public static final FormErrors NONE = new FormErrors(Map.of());

	private final Map<String, String> byField;

	private FormErrors(Map<String, String> byField) {
		this.byField = byField;
	}

	public static FormErrors of(BindingResult result, MessageSource messages, Locale locale) {
		Map<String, String> map = new LinkedHashMap<>();
		result.getFieldErrors().forEach(e -> map.putIfAbsent(e.getField(),
				fieldMessage(messages, e.getField(), messages.getMessage(e, locale), locale)));
		result.getGlobalErrors().forEach(e -> map.putIfAbsent("", messages.getMessage(e, locale)));
		return new FormErrors(map);
	}

	public static FormErrors of(FieldException e, MessageSource messages, Locale locale) {
		return new FormErrors(Map.of(e.field(), fieldMessage(messages, e.field(),
				messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale), locale)));
	}

	/**
	 * The field's label and the broken rule, e.g. "用户名：不能为空" / "User name: must not be empty"; the separator is
	 * a message too ({@code validation.field}), since Chinese and English punctuate differently.
	 */
	public static String fieldMessage(MessageSource messages, String field, String rule, Locale locale) {
		String label = messages.getMessage("field." + field, null, field, locale);
		return messages.getMessage("validation.field", new Object[] { label, rule }, locale);
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
