package cn.zhaoshang.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.ImportRejected;
import cn.zhaoshang.platform.InvalidInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.support.RequestContextUtils;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Errors of the REST API as RFC 9457 {@code application/problem+json}, with a human message in the caller's
 * language and, for validation, {@code errors: [{field, message}]}. Never a stack trace, never a bare 500 for
 * input the caller can fix.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionAdvice extends ResponseEntityExceptionHandler {

	private final MessageSource messages;
	private final long uploadLimitMegabytes;
	private final long lockMinutes;
	private final UploadNameLimit uploadNames;

	ApiExceptionAdvice(MessageSource messages,
			@Value("${spring.servlet.multipart.max-file-size:20MB}") DataSize uploadLimit,
			@Value("${zhaoshang.security.lock-duration:15m}") java.time.Duration lockDuration,
			UploadNameLimit uploadNames) {
		this.messages = messages;
		this.uploadNames = uploadNames;
		this.uploadLimitMegabytes = uploadLimit.toMegabytes();
		this.lockMinutes = lockDuration.toMinutes();
		setMessageSource(messages);
	}

	/** One invalid field: its (API) name and the reason, in the caller's language. */
	public record FieldProblem(String field, String message) {
	}

	@ExceptionHandler(BusinessException.class)
	ResponseEntity<ProblemDetail> business(BusinessException e, HttpServletRequest request) {
		var locale = RequestContextUtils.getLocale(request);
		String message = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
		if (e instanceof ImportRejected rejected) {
			return ResponseEntity.status(e.status())
				.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
				.body(ImportProblem.of(rejected, messages, locale, URI.create(request.getRequestURI())));
		}
		List<FieldProblem> errors = null;
		if (e instanceof InvalidInputException invalid) {
			// the label as the pages read it: a list row's field (problems[0].text) by its number
			errors = invalid.violations().stream().map(v -> new FieldProblem(v.field(),
					FormErrors.fieldMessage(messages, v.field(),
							messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale), locale)))
				.toList();
		}
		if (e instanceof FieldException f) {
			String label = messages.getMessage("field." + f.field(), null, f.field(), locale);
			errors = List.of(new FieldProblem(f.field(), labelled(label, message, locale)));
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
				messages.getMessage(key, new Object[] { lockMinutes }, RequestContextUtils.getLocale(request)), null);
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
		// A label particular to the bound object (field.projectFilter.to) wins over the shared one (field.to),
		// because the same short name can mean different things: "to" is a target stage and a date bound.
		String label = messages.getMessage("field." + error.getObjectName() + "." + error.getField(), null,
				messages.getMessage("field." + error.getField(), null, error.getField(), locale), locale);
		String reason = error.isBindingFailure() ? messages.getMessage("validation.invalidValue", null, locale)
				: messages.getMessage(error, locale);
		return labelled(label, reason, locale);
	}

	/**
	 * A body that is not JSON, or a value of the wrong kind (an unknown enum name, a malformed date, text for a
	 * number): 400 naming the field by its JSON path, and the allowed names for an enum.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var servletRequest = ((ServletWebRequest) request).getRequest();
		Locale locale = RequestContextUtils.getLocale(servletRequest);
		JacksonException json = cause(ex, JacksonException.class);
		String detail = messages.getMessage("error.badRequest", null, locale);
		List<FieldProblem> errors = null;
		if (json instanceof StreamReadException syntax) {
			var at = syntax.getLocation();
			detail = messages.getMessage("error.badJson",
					new Object[] { at == null ? "?" : at.getLineNr(), at == null ? "?" : at.getColumnNr() }, locale);
		}
		else if (json instanceof JsonInputRules.InputRuleException rule && !json.getPath().isEmpty()) {
			// The right JSON type, but a value the input rules refuse (a control character, a date out of range).
			String field = path(json);
			String label = messages.getMessage("field." + field.replaceAll("\\[\\d+]$", ""), null, field, locale);
			String reason = messages.getMessage(rule.messageKey(), rule.args(), rule.messageKey(), locale);
			return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
				.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem(servletRequest, HttpStatus.UNPROCESSABLE_CONTENT,
						messages.getMessage("error.validation", null, locale),
						List.of(new FieldProblem(field, labelled(label, reason, locale))))
					.getBody());
		}
		else if (json != null && !json.getPath().isEmpty()) {
			String field = path(json);
			String label = messages.getMessage("field." + field.replaceAll("\\[\\d+]$", ""), null, field, locale);
			Class<?> target = json instanceof MismatchedInputException m ? m.getTargetType() : null;
			String reason = target != null && target.isEnum() && json instanceof InvalidFormatException
					? messages.getMessage("validation.oneOf", new Object[] { enumNames(target) }, locale)
					: messages.getMessage("validation.invalidValue", null, locale);
			errors = List.of(new FieldProblem(field, labelled(label, reason, locale)));
			detail = messages.getMessage("error.validation", null, locale);
		}
		return ResponseEntity.badRequest()
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(servletRequest, HttpStatus.BAD_REQUEST, detail, errors).getBody());
	}

	/** A query or path parameter that does not convert (page=abc, stage=FOO): 400 naming the parameter. */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = ex.getPropertyName() == null ? "value" : ex.getPropertyName();
		Class<?> target = ex.getRequiredType();
		var servletRequest = ((ServletWebRequest) request).getRequest();
		Locale locale = RequestContextUtils.getLocale(servletRequest);
		String reason = target != null && target.isEnum()
				? messages.getMessage("validation.oneOf", new Object[] { enumNames(target) }, locale)
				: messages.getMessage("validation.invalidValue", null, locale);
		return badRequest(servletRequest, name, reason);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var servletRequest = ((ServletWebRequest) request).getRequest();
		return badRequest(servletRequest, ex.getParameterName(),
				messages.getMessage("validation.required", null, RequestContextUtils.getLocale(servletRequest)));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var servletRequest = ((ServletWebRequest) request).getRequest();
		return badRequest(servletRequest, ex.getRequestPartName(),
				messages.getMessage("validation.required", null, RequestContextUtils.getLocale(servletRequest)));
	}

	/** An upload over {@code spring.servlet.multipart.max-file-size} (see also {@link UploadLimitAdvice}). */
	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var refused = uploadRefused(((ServletWebRequest) request).getRequest(), ex);
		return ResponseEntity.status(refused.getStatusCode())
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(refused.getBody());
	}

	/**
	 * A multipart request refused while it was parsed: 413 for a file over the limit, 400 naming the file name when
	 * the name was too long for the part's headers (which Spring reports as the same exception).
	 */
	ResponseEntity<ProblemDetail> uploadRefused(HttpServletRequest request, MaxUploadSizeExceededException e) {
		if (UploadNameLimit.exceededBy(e)) {
			return problem(request, HttpStatus.BAD_REQUEST, messages.getMessage("upload.nameTooLong",
					new Object[] { uploadNames.maxCharacters() }, RequestContextUtils.getLocale(request)), null);
		}
		return uploadTooLarge(request, -1);
	}

	ResponseEntity<ProblemDetail> uploadTooLarge(HttpServletRequest request, long maxMegabytes) {
		long mb = maxMegabytes > 0 ? maxMegabytes : uploadLimitMegabytes;
		return problem(request, HttpStatus.CONTENT_TOO_LARGE, messages.getMessage("attachment.tooLarge",
				new Object[] { mb }, RequestContextUtils.getLocale(request)), null);
	}

	private ResponseEntity<Object> badRequest(HttpServletRequest request, String field, String reason) {
		Locale locale = RequestContextUtils.getLocale(request);
		String label = messages.getMessage("field." + field, null, field, locale);
		var body = problem(request, HttpStatus.BAD_REQUEST, messages.getMessage("error.validation", null, locale),
				List.of(new FieldProblem(field, labelled(label, reason, locale))))
			.getBody();
		return ResponseEntity.badRequest()
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(body);
	}

	/**
	 * "label：reason" in Chinese, "label: reason" in English: the punctuation belongs to the language, so it comes
	 * from the bundle too.
	 */
	private String labelled(String label, String reason, Locale locale) {
		return messages.getMessage("form.fieldError", new Object[] { label, reason }, label + ": " + reason, locale);
	}

	/** The JSON path of the offending value: {@code to}, {@code evidenceIds[0]}. */
	private static String path(JacksonException e) {
		var sb = new StringBuilder();
		for (var ref : e.getPath()) {
			if (ref.getPropertyName() != null) {
				sb.append(sb.isEmpty() ? "" : ".").append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				sb.append('[').append(ref.getIndex()).append(']');
			}
		}
		return sb.toString();
	}

	private static String enumNames(Class<?> type) {
		return java.util.Arrays.stream(type.getEnumConstants())
			.map(c -> ((Enum<?>) c).name())
			.collect(java.util.stream.Collectors.joining(", "));
	}

	private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpStatus status, String detail,
			List<?> errors) {
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
