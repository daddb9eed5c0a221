package cn.zhaoshang.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler that strangers reach without signing in (DESIGN §6a): the platform's public-form guard runs before
 * it, whatever the body holds: the request must say its length and stay within {@link #maxBytes} (else 411 or 413),
 * and each client address may call the form at most the configured number of times per hour (else 429, counted in
 * the database so that the limit holds across nodes). The handler itself checks the honeypot field with
 * {@link PublicForms#requireEmptyHoneypot(String)} and validates its fields' sizes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PublicForm {

	/** The form's name: the rate limit counts calls per client address and form name. */
	String value();

	/** The largest request body accepted, in bytes. */
	int maxBytes() default 16 * 1024;
}
