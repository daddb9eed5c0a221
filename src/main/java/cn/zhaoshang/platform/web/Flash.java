package cn.zhaoshang.platform.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The one-line confirmation shown after a redirect; the text is a message key. */
public final class Flash {

	private Flash() {
	}

	public static void success(RedirectAttributes redirect, String messageKey) {
		redirect.addFlashAttribute(LayoutAdvice.FLASH, messageKey);
	}
}
