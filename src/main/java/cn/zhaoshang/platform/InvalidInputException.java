package cn.zhaoshang.platform;

import java.util.List;

/**
 * Several rules broken at once (e.g. an unmet stage gate): each names its field and a message key. Pages list them
 * next to the fields; the API answers 422 with {@code errors: [{field, message}]}.
 */
public class InvalidInputException extends BusinessException {

	/** One broken rule. */
	public record Violation(String field, String messageKey, Object... args) {
	}

	private final transient List<Violation> violations;

	public InvalidInputException(List<Violation> violations) {
		super(422, "error.validation");
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return violations;
	}
}
