package cn.zhaoshang.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.Objects;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;

/**
 * A money amount as the ledger keeps it: in 万元 (or 万美元 for foreign capital), never negative, at most 12 integer
 * digits and 2 decimals (the columns are {@code NUMERIC(14, 2)}). The one place of that rule: forms and JSON use
 * {@link Valid @Amount.Valid}, use cases {@link #problem(BigDecimal)}, imports {@link #parse(String)}.
 */
public record Amount(BigDecimal value) implements Comparable<Amount> {

	public static final int INTEGER_DIGITS = 12;
	public static final int FRACTION_DIGITS = 2;
	public static final Amount ZERO = new Amount(BigDecimal.ZERO);

	/** Message keys (platform bundle) of the rule. */
	public static final String NEGATIVE = "validation.notNegative";
	public static final String TOO_LARGE = "validation.amount";
	public static final String NOT_A_NUMBER = "validation.number";

	public Amount {
		Objects.requireNonNull(value, "value");
		String problem = problem(value.stripTrailingZeros()).orElse(null);
		if (problem != null) {
			throw new IllegalArgumentException(problem + ": " + value.toPlainString());
		}
		value = value.setScale(FRACTION_DIGITS, RoundingMode.UNNECESSARY);
	}

	/** The amount of a value that keeps the rule ({@code null} for {@code null}); else IllegalArgumentException. */
	public static Amount of(BigDecimal value) {
		return value == null ? null : new Amount(value);
	}

	/**
	 * The message key of the rule a value breaks, checked in this order: negative, then more than 12 integer digits
	 * or more than 2 decimals as given (like {@code @Digits}: {@code 1.500} has three; {@link #parse} and
	 * {@link #of} drop trailing zeros first); empty when it keeps the rule or is {@code null} (whether a value is
	 * required is the caller's rule).
	 */
	public static Optional<String> problem(BigDecimal value) {
		if (value == null) {
			return Optional.empty();
		}
		if (value.signum() < 0) {
			return Optional.of(NEGATIVE);
		}
		if (value.scale() > FRACTION_DIGITS || value.precision() - value.scale() > INTEGER_DIGITS) {
			return Optional.of(TOO_LARGE);
		}
		return Optional.empty();
	}

	/** The violation of {@link #problem} for a named field, for use cases collecting {@link InvalidInputException}s. */
	public static Optional<InvalidInputException.Violation> violation(String field, BigDecimal value) {
		return problem(value).map(key -> new InvalidInputException.Violation(field, key));
	}

	/**
	 * Reads an amount typed by a person or found in a spreadsheet cell: full-width digits and thousands separators
	 * are accepted ({@code １，２３４.５} is 1234.50); blank gives {@code null}; anything else that is not a number, or
	 * breaks the rule, is refused with the message key of {@link #problem} or {@link #NOT_A_NUMBER}.
	 */
	public static Amount parse(String text) {
		if (text == null) {
			return null;
		}
		String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replace(",", "");
		if (s.isEmpty()) {
			return null;
		}
		BigDecimal value;
		try {
			value = new BigDecimal(s);
		}
		catch (NumberFormatException e) {
			throw new BusinessException(NOT_A_NUMBER);
		}
		String problem = problem(value.stripTrailingZeros()).orElse(null);
		if (problem != null) {
			throw new BusinessException(problem);
		}
		return new Amount(value);
	}

	public Amount plus(Amount other) {
		return new Amount(value.add(other.value));
	}

	/** Two decimals, no grouping: {@code 1234.50}. */
	public String plain() {
		return value.toPlainString();
	}

	/** Two decimals with thousands separators, as tables and documents show it: {@code 1,234.50}. */
	public String grouped() {
		return String.format(java.util.Locale.ROOT, "%,.2f", value);
	}

	@Override
	public int compareTo(Amount o) {
		return value.compareTo(o.value);
	}

	@Override
	public String toString() {
		return plain();
	}

	/**
	 * Bean Validation of the rule on a {@link BigDecimal} field or record component: not negative, 12 integer
	 * digits, 2 decimals, each broken part reported with the message of {@link Amount#problem}. {@code null} passes
	 * (add {@code @NotNull} where the amount is required).
	 */
	@Documented
	@Constraint(validatedBy = {})
	@Target({ ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR,
			ElementType.PARAMETER, ElementType.TYPE_USE })
	@Retention(RetentionPolicy.RUNTIME)
	@DecimalMin(value = "0", message = "{validation.notNegative}")
	@Digits(integer = INTEGER_DIGITS, fraction = FRACTION_DIGITS, message = "{validation.amount}")
	public @interface Valid {

		String message() default "{validation.amount}";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};
	}
}
