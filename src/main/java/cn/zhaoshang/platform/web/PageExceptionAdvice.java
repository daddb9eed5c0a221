package cn.zhaoshang.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.FieldException;

import org.springframework.context.MessageSource;
import org.springframework.web.servlet.support.RequestContextUtils;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refusals on pages that the page's controller did not handle itself: shown on the error page with the reason,
 * with the matching status code. Access-denied and sign-in problems are left to Spring Security.
 */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionAdvice {

	private final LayoutAdvice layout;
	private final MessageSource messages;

	PageExceptionAdvice(LayoutAdvice layout, MessageSource messages) {
		this.layout = layout;
		this.messages = messages;
	}

	@ExceptionHandler(BusinessException.class)
	ModelAndView business(BusinessException e, HttpServletRequest request, HttpServletResponse response) {
		if (e instanceof FieldException f) {
			// Name the field: "名称：含有控制字符…" (a refused query parameter or form field, see RequestInputCheck).
			var locale = RequestContextUtils.getLocale(request);
			String rule = messages.getMessage(f.messageKey(), f.args(), f.messageKey(), locale);
			return errorPage(request, response, e.status(), "error.field",
					new Object[] { FormErrors.fieldMessage(messages, f.field(), rule, locale) });
		}
		return errorPage(request, response, e.status(), e.messageKey(), e.args());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ModelAndView conflict(HttpServletRequest request, HttpServletResponse response) {
		return errorPage(request, response, 409, "error.conflict", new Object[0]);
	}

	private ModelAndView errorPage(HttpServletRequest request, HttpServletResponse response, int status, String key, Object[] args) {
		response.setStatus(status);
		var mav = new ModelAndView("error");
		mav.addObject("ctx", layout.ctx(request));
		mav.addObject("status", status);
		mav.addObject("messageKey", key);
		mav.addObject("messageArgs", args);
		return mav;
	}
}
