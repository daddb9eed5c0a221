package cn.zhaoshang.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size} is refused while the DispatcherServlet parses the
 * multipart request, before any handler is chosen. {@link ApiExceptionAdvice} is scoped to REST controllers and
 * so never sees it; Spring would fall back to a bare 413 with an empty body. This advice has no scope (it is
 * consulted when there is no handler) and answers API requests with the API's problem document; anything else is
 * left to Spring's default handling.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

	private final ApiExceptionAdvice api;

	UploadLimitAdvice(ApiExceptionAdvice api) {
		this.api = api;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request)
			throws MaxUploadSizeExceededException {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			throw e;
		}
		return api.uploadRefused(request, e);
	}
}
