package cn.zhaoshang.platform;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The input rules every text and date entered into the platform obeys, decided once (docs/operations.md, "Input
 * rules"). JSON bodies, query parameters, form fields and upload file names are all checked against these rules
 * before any controller sees them (platform.web), so no module repeats them.
 * <ul>
 * <li>Text: control characters are refused except tab, line feed and carriage return (U+0000–U+001F other than
 * those, and U+007F), and so is text that is not valid Unicode (a lone UTF-16 surrogate). PostgreSQL cannot store a
 * NUL and silently turns a lone surrogate into "?", so what is accepted must be refused before it gets there.</li>
 * <li>Dates: {@code yyyy-MM-dd}, from {@link #EARLIEST_DATE} to ten years after today.</li>
 * </ul>
 */
public final class InputText {

	/** Message key: the text holds a control character. */
	public static final String CONTROL_CHARACTER = "validation.text.control";

	/** Message key: the text is not valid Unicode (a lone surrogate). */
	public static final String INVALID_UNICODE = "validation.text.unicode";

	/** Message key: the date is not {@code yyyy-MM-dd} within the window (arguments: earliest, latest). */
	public static final String DATE = "validation.date";

	/** No record of the platform predates this (the policy is of 2020; the oldest enterprises' facts are later). */
	public static final LocalDate EARLIEST_DATE = LocalDate.of(1990, 1, 1);

	/** How far ahead a date may lie: plans and next steps, not typing slips such as 2206 for 2026. */
	public static final int YEARS_AHEAD = 10;

	private InputText() {
	}

	/** The message key of the first rule the text breaks, or {@code null} when it breaks none. */
	public static String problem(CharSequence text) {
		int at = firstInvalid(text);
		if (at < 0) {
			return null;
		}
		return Character.isSurrogate(text.charAt(at)) ? INVALID_UNICODE : CONTROL_CHARACTER;
	}

	/**
	 * The index of the first character that breaks the rules (a refused control character or a lone surrogate), or
	 * -1: JSON, forms and workbook cells (WorkbookReader) all refuse by this one rule.
	 */
	public static int firstInvalid(CharSequence text) {
		if (text == null) {
			return -1;
		}
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return i;
			}
			if (Character.isLowSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The text with every character that breaks the rules replaced by U+FFFD, for the few places that must record
	 * what was sent rather than refuse it (a failed sign-in's name in the audit trail).
	 */
	public static String replaceInvalid(String text) {
		if (problem(text) == null) {
			return text;
		}
		var out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				out.append(c).append(text.charAt(++i));
			}
			else if (Character.isSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
				out.append('\uFFFD');
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	/** The latest date accepted today. */
	public static LocalDate latestDate(Clock clock) {
		return LocalDate.now(clock).plusYears(YEARS_AHEAD);
	}

	/** Whether the date lies in the window. */
	public static boolean inWindow(LocalDate date, Clock clock) {
		return !date.isBefore(EARLIEST_DATE) && !date.isAfter(latestDate(clock));
	}

	/**
	 * The date written exactly as {@code yyyy-MM-dd} (four-digit year, two-digit month and day, a real calendar
	 * day) within the window, or {@code null} when the text is anything else.
	 */
	public static LocalDate parseDate(String text, Clock clock) {
		if (text == null || text.length() != 10 || !text.matches("\\d{4}-\\d{2}-\\d{2}")) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text, java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd")
				.withResolverStyle(java.time.format.ResolverStyle.STRICT));
			return inWindow(date, clock) ? date : null;
		}
		catch (java.time.format.DateTimeParseException e) {
			return null;
		}
	}
}
