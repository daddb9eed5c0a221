package cn.zhaoshang.supervision.observation;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import cn.zhaoshang.platform.InvalidInputException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Broken rules of the observation and year-end APIs as a 422 problem naming each field with this feature's own
 * labels ({@code observation.field.<name>}; a list row's field, e.g. {@code criteria[1].maxPoints}, is labelled
 * {@code observation.field.criteria.maxPoints} with the row's number), because the shared labels mean other things
 * (the shared {@code title} is a person's job title).
 */
public final class FieldProblems {

	private static final Pattern INDEXED = Pattern.compile("([A-Za-z]+)\\[(\\d+)\\]\\.([A-Za-z]+)");

	private FieldProblems() {
	}

	public static ResponseEntity<ProblemDetail> of(InvalidInputException e, HttpServletRequest request,
			MessageSource messages, Locale locale) {
		List<Map<String, String>> errors = e.violations().stream().map(v -> {
			String rule = messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale);
			return Map.of("field", v.field(), "message", messages.getMessage("form.fieldError",
					new Object[] { label(messages, v.field(), locale), rule }, locale));
		}).toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				messages.getMessage("error.validation", null, locale));
		problem.setTitle(messages.getMessage("error.title.422", null, "Unprocessable Content", locale));
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("errors", errors);
		return ResponseEntity.status(422).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** The label of a field in the reader's language. */
	public static String label(MessageSource messages, String field, Locale locale) {
		Matcher m = INDEXED.matcher(field);
		if (m.matches()) {
			return messages.getMessage("observation.field." + m.group(1) + "." + m.group(3),
					new Object[] { Integer.parseInt(m.group(2)) + 1 }, field, locale);
		}
		return messages.getMessage("observation.field." + field, null, field, locale);
	}
}
