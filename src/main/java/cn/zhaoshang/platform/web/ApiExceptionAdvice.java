package cn.zhaoshang.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.InvalidInputException;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Errors of the REST API as RFC 9457 {@code application/problem+json}, with a human message in the caller's
 * language and, for validation, {@code errors: [{field, message}]}. Never a stack trace, never a bare 500 for
 * input the caller can fix.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionAdvice extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	ApiExceptionAdvice(MessageSource messages) {
		this.messages = messages;
		setMessageSource(messages);
	}

	/** One invalid field: its (API) name and the reason, in the caller's language. */
	public record FieldProblem(String field, String message) {
	}

	@ExceptionHandler(BusinessException.class)
	ResponseEntity<ProblemDetail> business(BusinessException e, HttpServletRequest request) {
		var locale = RequestContextUtils.getLocale(request);
		String message = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
		List<FieldProblem> errors = null;
		if (e instanceof InvalidInputException invalid) {
			errors = invalid.violations().stream().map(v -> new FieldProblem(v.field(),
					FormErrors.fieldMessage(messages, v.field(),
							messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale), locale)))
				.toList();
		}
		if (e instanceof FieldException f) {
			errors = List.of(new FieldProblem(f.field(), FormErrors.fieldMessage(messages, f.field(), message, locale)));
			message = messages.getMessage("error.validation", null, locale);
		}
		return problem(request, HttpStatus.valueOf(e.status()), message, errors);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> staleVersion(HttpServletRequest request) {
		return problem(request, HttpStatus.CONFLICT,
				messages.getMessage("error.conflict", null, RequestContextUtils.getLocale(request)), null);
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<ProblemDetail> authentication(AuthenticationException e, HttpServletRequest request) {
		String key = e instanceof LockedException ? "login.error.locked"
				: e instanceof DisabledException ? "login.error.disabled" : "login.error.bad";
		var response = problem(request, HttpStatus.UNAUTHORIZED,
				messages.getMessage(key, null, RequestContextUtils.getLocale(request)), null);
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.body(response.getBody());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var servletRequest = ((ServletWebRequest) request).getRequest();
		Locale locale = RequestContextUtils.getLocale(servletRequest);
		var errors = fieldProblems(ex.getBindingResult(), locale);
		var body = problem(servletRequest, HttpStatus.BAD_REQUEST, messages.getMessage("error.validation", null, locale),
				errors)
			.getBody();
		return ResponseEntity.badRequest().body(body);
	}

	List<FieldProblem> fieldProblems(BindingResult result, Locale locale) {
		return result.getFieldErrors().stream().map(f -> new FieldProblem(f.getField(), message(f, locale))).toList();
	}

	private String message(FieldError error, Locale locale) {
		return FormErrors.fieldMessage(messages, error.getField(), messages.getMessage(error, locale), locale);
	}

	ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpStatus status, String detail,
			List<FieldProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(messages.getMessage("error.title." + status.value(), null, status.getReasonPhrase(),
				RequestContextUtils.getLocale(request)));
		problem.setInstance(URI.create(request.getRequestURI()));
		if (errors != null) {
			problem.setProperties(Map.of("errors", errors));
		}
		return ResponseEntity.status(status)
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}
}
