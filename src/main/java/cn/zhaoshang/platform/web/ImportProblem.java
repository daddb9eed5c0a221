package cn.zhaoshang.platform.web;

import java.net.URI;
import java.util.Locale;

import cn.zhaoshang.platform.ImportRejected;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one answer of the API to a refused import, for every module: 422 {@code application/problem+json} with
 * {@code title}, {@code detail} (the workbook has N errors, nothing was imported), {@code instance},
 * {@code errors: [{row, column, message}]} (row as Excel numbers it, column header as in the file, reason in the
 * caller's language) and {@code errorCount}. {@link ApiExceptionAdvice} answers every {@link ImportRejected} with it.
 */
public final class ImportProblem {

	private ImportProblem() {
	}

	public static ProblemDetail of(ImportRejected e, MessageSource messages, Locale locale, URI instance) {
		HttpStatus status = HttpStatus.valueOf(e.status());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
		problem.setTitle(messages.getMessage("error.title." + status.value(), null, status.getReasonPhrase(), locale));
		problem.setInstance(instance);
		problem.setProperty("errors", e.resolved(messages, locale));
		problem.setProperty("errorCount", e.errors().size());
		return problem;
	}
}
