package cn.zhaoshang.platform.user;

import java.util.Optional;

/**
 * A password is at least 8 characters and mixes letters with digits or symbols. Kept as code rather than a Bean
 * Validation annotation because the same rule serves the admin form, the own-password form and first start.
 */
final class PasswordPolicy {

	private PasswordPolicy() {
	}

	/** The message key of the broken rule, if any. */
	static Optional<String> violation(String password) {
		if (password == null || password.length() < 8) {
			return Optional.of("validation.password.length");
		}
		if (password.length() > 72) {
			return Optional.of("validation.password.tooLong");
		}
		boolean letter = password.chars().anyMatch(Character::isLetter);
		boolean other = password.chars().anyMatch(c -> !Character.isLetter(c));
		if (!letter || !other) {
			return Optional.of("validation.password.mix");
		}
		return Optional.empty();
	}
}
