package cn.zhaoshang.chain.internal;

import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;

/** Collects the broken rules of one input and throws them all at once, each naming its field. */
final class Checks {

	private final List<Violation> broken = new ArrayList<>();

	void required(String field, Object value) {
		if (value == null || (value instanceof String s && s.isBlank())) {
			broken.add(new Violation(field, "validation.required"));
		}
	}

	void maxLength(String field, String value, int max) {
		if (value != null && value.strip().length() > max) {
			broken.add(new Violation(field, "chain.validation.tooLong", max));
		}
	}

	void range(String field, Integer value, int min, int max) {
		if (value != null && (value < min || value > max)) {
			broken.add(new Violation(field, "chain.validation.range", min, max));
		}
	}

	void fail(String field, String key, Object... args) {
		broken.add(new Violation(field, key, args));
	}

	void throwIfBroken() {
		if (!broken.isEmpty()) {
			throw new InvalidInputException(broken);
		}
	}

	static String clean(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
