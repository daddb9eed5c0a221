package cn.zhaoshang.service.appeal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import cn.zhaoshang.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;

/**
 * Form errors of the appeal forms: as {@link FormErrors}, but the field {@code content} (its name fixed by the API)
 * is labelled as the appeal's content, not as the follow-up text the shared label {@code field.content} names.
 */
final class AppealErrors {

	private AppealErrors() {
	}

	static FormErrors of(BindingResult binding, MessageSource messages, Locale locale) {
		Map<String, String> byField = new LinkedHashMap<>();
		binding.getFieldErrors().forEach(e -> byField.putIfAbsent(e.getField(),
				FormErrors.fieldMessage(messages, e.getField().equals("content") ? "appealContent" : e.getField(),
						messages.getMessage(e, locale), locale)));
		return FormErrors.NONE.with(byField);
	}
}
