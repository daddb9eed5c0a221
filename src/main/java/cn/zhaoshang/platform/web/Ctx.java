package cn.zhaoshang.platform.web;

import java.util.List;
import java.util.Locale;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.NavItem;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

/**
 * What every template gets as {@code ctx}: the translator, the signed-in user, the navigation, the CSRF token
 * and the flash message. Templates take all user-visible text from {@link #t}.
 */
public final class Ctx {

	private final MessageSource messages;
	private final Locale locale;
	private final CurrentUser user;
	private final List<NavGroup> nav;
	private final String csrfParameter;
	private final String csrfHeader;
	private final String csrfToken;
	private final String path;
	private final String flash;
	private final String query;
	private final long unreadNotifications;

	public Ctx(MessageSource messages, Locale locale, CurrentUser user, List<NavGroup> nav, String csrfParameter,
			String csrfHeader, String csrfToken, String path, String query, String flash) {
		this(messages, locale, user, nav, csrfParameter, csrfHeader, csrfToken, path, query, flash, 0);
	}

	/** With the signed-in user's count of unread notifications, for the bell in the navigation bar. */
	public Ctx(MessageSource messages, Locale locale, CurrentUser user, List<NavGroup> nav, String csrfParameter,
			String csrfHeader, String csrfToken, String path, String query, String flash, long unreadNotifications) {
		this.unreadNotifications = unreadNotifications;
		this.query = query == null ? "" : query;
		this.messages = messages;
		this.locale = locale;
		this.user = user;
		this.nav = nav;
		this.csrfParameter = csrfParameter;
		this.csrfHeader = csrfHeader;
		this.csrfToken = csrfToken;
		this.path = path;
		this.flash = flash;
	}

	/** The message for a key in the request's language; the key itself when it is missing (tests catch that). */
	/** A message given with its arguments (e.g. a value's labels), in the user's language. */
	public String t(org.springframework.context.MessageSourceResolvable message) {
		try {
			return messages.getMessage(message, locale);
		}
		catch (NoSuchMessageException e) {
			return message.getDefaultMessage() != null ? message.getDefaultMessage()
					: String.valueOf(message.getCodes() == null ? "" : message.getCodes()[0]);
		}
	}

	public String t(String key, Object... args) {
		try {
			return messages.getMessage(key, args, locale);
		}
		catch (NoSuchMessageException e) {
			return key;
		}
	}

	/**
	 * The colon between a label and its value, as the language writes it: full-width in Chinese (人员：), colon and
	 * space in English (People met: ).
	 */
	public String colon() {
		return t("label.colon");
	}

	/** The message for a key, or the fallback text when there is none (for data-driven keys such as enum values). */
	public String tOr(String key, String fallback) {
		return messages.getMessage(key, null, fallback, locale);
	}

	public Locale locale() {
		return locale;
	}

	public String lang() {
		return "en".equals(locale.getLanguage()) ? "en" : "zh-CN";
	}

	public boolean english() {
		return "en".equals(locale.getLanguage());
	}

	public CurrentUser user() {
		return user;
	}

	public boolean signedIn() {
		return user != null;
	}

	public List<NavGroup> nav() {
		return nav;
	}

	public String csrfParameter() {
		return csrfParameter;
	}

	public String csrfHeader() {
		return csrfHeader;
	}

	public String csrfToken() {
		return csrfToken;
	}

	public String path() {
		return path;
	}

	public boolean active(String prefix) {
		return path != null && (path.equals(prefix) || (!prefix.equals("/") && path.startsWith(prefix + "/")));
	}

	/**
	 * The current page's address with one query parameter set (or removed when value is null); other parameters
	 * stay. For pagers and sortable column headers.
	 */
	public String withParam(String name, Object value) {
		var sb = new StringBuilder();
		for (String pair : query.split("&")) {
			if (pair.isEmpty() || pair.equals(name) || pair.startsWith(name + "=")) {
				continue;
			}
			sb.append(sb.isEmpty() ? "" : "&").append(pair);
		}
		if (value != null) {
			sb.append(sb.isEmpty() ? "" : "&").append(name).append('=')
				.append(java.net.URLEncoder.encode(String.valueOf(value), java.nio.charset.StandardCharsets.UTF_8));
		}
		return sb.isEmpty() ? path : path + "?" + sb;
	}

	/**
	 * The current page's address with several query parameters set or removed at once (name, value, name, value …;
	 * a null value removes the parameter). For column headers that set sort and direction and reset the page.
	 */
	public String withParams(Object... namesAndValues) {
		var names = new java.util.HashSet<String>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			names.add(String.valueOf(namesAndValues[i]));
		}
		var sb = new StringBuilder();
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			if (pair.isEmpty() || names.contains(eq < 0 ? pair : pair.substring(0, eq))) {
				continue;
			}
			sb.append(sb.isEmpty() ? "" : "&").append(pair);
		}
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			Object value = namesAndValues[i + 1];
			if (value != null) {
				sb.append(sb.isEmpty() ? "" : "&").append(namesAndValues[i]).append('=')
					.append(java.net.URLEncoder.encode(String.valueOf(value), java.nio.charset.StandardCharsets.UTF_8));
			}
		}
		return sb.isEmpty() ? path : path + "?" + sb;
	}

	/**
	 * An amount as Chinese ledgers write it: thousands separators and two decimals ({@code 12,345.00}); empty for
	 * null. The same in every language, as in the users' Excel sheets.
	 */
	public String amount(java.math.BigDecimal value) {
		if (value == null) {
			return "";
		}
		var format = new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
		format.setRoundingMode(java.math.RoundingMode.HALF_UP);
		return format.format(value);
	}

	/** The text cut to at most {@code max} characters, with an ellipsis when cut; empty for null. */
	public String abbreviate(String text, int max) {
		if (text == null) {
			return "";
		}
		String t = text.strip();
		return t.codePointCount(0, t.length()) <= max ? t : t.substring(0, t.offsetByCodePoints(0, max)) + "…";
	}

	/** Formats an instant as local date and time (yyyy-MM-dd HH:mm) for tables. */
	public String dateTime(java.time.Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant.atZone(java.time.ZoneId.systemDefault()));
	}

	private static final java.time.format.DateTimeFormatter DATE_TIME = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm");

	public String flash() {
		return flash;
	}

	/** The signed-in user's unread notifications (the bell's badge). */
	public long unreadNotifications() {
		return unreadNotifications;
	}

	/** Navigation group with its visible entries. */
	public record NavGroup(String label, List<NavItem> items) {
	}
}
