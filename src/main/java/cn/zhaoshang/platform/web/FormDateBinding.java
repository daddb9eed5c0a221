package cn.zhaoshang.platform.web;

import java.beans.PropertyEditorSupport;
import java.time.Clock;
import java.time.LocalDate;

import cn.zhaoshang.platform.InputText;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The date rule (platform.InputText) for every date bound from a form field or a query parameter: {@code yyyy-MM-dd}
 * within the window, else a binding error on the field ({@code typeMismatch}), which forms show next to it and the
 * API answers with 400 naming the parameter. An empty value is no date.
 */
@ControllerAdvice
class FormDateBinding {

	private final Clock clock;

	FormDateBinding(Clock clock) {
		this.clock = clock;
	}

	@InitBinder
	void dates(WebDataBinder binder) {
		binder.registerCustomEditor(LocalDate.class, new PropertyEditorSupport() {

			@Override
			public void setAsText(String text) {
				if (text == null || text.isBlank()) {
					setValue(null);
					return;
				}
				LocalDate date = InputText.parseDate(text.trim(), clock);
				if (date == null) {
					throw new IllegalArgumentException("not a yyyy-MM-dd date within the accepted window: " + text);
				}
				setValue(date);
			}

			@Override
			public String getAsText() {
				return getValue() == null ? "" : getValue().toString();
			}
		});
	}
}
