package cn.zhaoshang.project.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A ledger filter's date range names its date: {@code from}/{@code to} without {@code dateOf} is refused on
 * {@code dateOf} (required). Which date the range applies to cannot be guessed, and ignoring the range would show
 * or export a set nobody asked for. Part of {@link ProjectFilter}'s own validation, so the list page (a form error),
 * the exports and the API (400 naming {@code dateOf}) refuse it alike.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DateRangeNamed.Check.class)
public @interface DateRangeNamed {

	String message() default "{validation.required}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** The check behind the annotation. */
	class Check implements ConstraintValidator<DateRangeNamed, ProjectFilter> {

		@Override
		public boolean isValid(ProjectFilter f, ConstraintValidatorContext context) {
			if (f == null || f.dateOf() != null || (f.from() == null && f.to() == null)) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
				.addPropertyNode("dateOf")
				.addConstraintViolation();
			return false;
		}
	}
}
