package cn.zhaoshang.platform.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import cn.zhaoshang.platform.Security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Spring Boot's error page and error document, with two corrections. A request for {@code /error} itself (not a
 * forward after an error) has no error to show; Boot would answer 500 for it, this answers 404. An upload whose file
 * name is too long for the multipart headers fails like an oversize file; this names the name as the problem (400).
 */
@Controller
@PreAuthorize(Security.Rules.PUBLIC)
class ErrorPageController extends BasicErrorController {

	private final ErrorAttributes errors;
	private final UploadNameLimit uploadNames;

	ErrorPageController(ErrorAttributes errors, WebProperties web, ObjectProvider<ErrorViewResolver> resolvers,
			UploadNameLimit uploadNames) {
		super(errors, web.getError(), resolvers.orderedStream().toList());
		this.errors = errors;
		this.uploadNames = uploadNames;
	}

	@Override
	protected HttpStatus getStatus(HttpServletRequest request) {
		if (!forwardedAfterAnError(request)) {
			return HttpStatus.NOT_FOUND;
		}
		if (fileNameTooLong(request)) {
			return HttpStatus.BAD_REQUEST;
		}
		return super.getStatus(request);
	}

	@Override
	protected Map<String, Object> getErrorAttributes(HttpServletRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		if (!forwardedAfterAnError(request)) {
			attributes.put("status", HttpStatus.NOT_FOUND.value());
			attributes.put("error", HttpStatus.NOT_FOUND.getReasonPhrase());
		}
		else if (fileNameTooLong(request)) {
			attributes.put("status", HttpStatus.BAD_REQUEST.value());
			attributes.put("error", HttpStatus.BAD_REQUEST.getReasonPhrase());
			attributes.put("messageKey", "upload.nameTooLong");
			attributes.put("messageArgs", new Object[] { uploadNames.maxCharacters() });
		}
		return attributes;
	}

	private static boolean forwardedAfterAnError(HttpServletRequest request) {
		return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null;
	}

	private boolean fileNameTooLong(HttpServletRequest request) {
		return UploadNameLimit.exceededBy(errors.getError(new ServletWebRequest(request)));
	}
}
