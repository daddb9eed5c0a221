package cn.zhaoshang.merchant.talent.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;

/**
 * The messages, with the talent form's own field labels first: {@code field.name} is 名称 elsewhere, but a talent
 * has a 姓名. The labels live under {@code field.talentForm.*}, where the API's validation errors look first (the
 * bound object is called {@code talentForm}), so pages and API name a field alike.
 */
final class TalentLabels implements MessageSource {

	private static final String FIELD = "field.";
	private static final String OWN = "field.talentForm.";

	private final MessageSource messages;

	TalentLabels(MessageSource messages) {
		this.messages = messages;
	}

	private String own(String code) {
		return code != null && code.startsWith(FIELD) && !code.startsWith(OWN) ? OWN + code.substring(FIELD.length())
				: null;
	}

	@Override
	public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
		String own = own(code);
		String fallback = messages.getMessage(code, args, defaultMessage, locale);
		return own == null ? fallback : messages.getMessage(own, args, fallback, locale);
	}

	@Override
	public String getMessage(String code, Object[] args, Locale locale) throws NoSuchMessageException {
		String own = own(code);
		if (own != null) {
			String found = messages.getMessage(own, args, null, locale);
			if (found != null) {
				return found;
			}
		}
		return messages.getMessage(code, args, locale);
	}

	@Override
	public String getMessage(MessageSourceResolvable resolvable, Locale locale) throws NoSuchMessageException {
		return messages.getMessage(resolvable, locale);
	}
}
