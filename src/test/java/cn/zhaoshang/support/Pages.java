package cn.zhaoshang.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.i18n.UserLocaleResolver;
import cn.zhaoshang.platform.user.AccountUserDetailsService;

import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Small helpers for page tests: signing in as a demo user, unique test names, picking bits out of HTML. */
public final class Pages {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private Pages() {
	}

	/** Authenticates a request as the demo user, with the same principal a real sign-in produces. */
	public static RequestPostProcessor as(AccountUserDetailsService accounts, String username) {
		CurrentUser user = accounts.loadUserByUsername(username);
		return SecurityMockMvcRequestPostProcessors.user(user);
	}

	/**
	 * The page at {@code path} (status 200) as the demo user, in {@code locale} as if chosen with the language button
	 * (null: the account's own language).
	 */
	public static String html(org.springframework.test.web.servlet.MockMvc mvc, AccountUserDetailsService accounts,
			String username, String path, Locale locale) throws Exception {
		var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
			.with(as(accounts, username));
		if (locale != null) {
			request.sessionAttr(UserLocaleResolver.SESSION_ATTRIBUTE, locale);
		}
		var response = mvc.perform(request).andReturn().getResponse();
		if (response.getStatus() != 200) {
			throw new AssertionError(path + " answered " + response.getStatus());
		}
		return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	/**
	 * A name no other test (in this or another class sharing the context and database) uses: the prefix, the
	 * time-based run id and a counter.
	 */
	public static String unique(String prefix) {
		return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + COUNTER.incrementAndGet();
	}

	/** The text of group 1 of every match, in order. */
	public static List<String> all(String html, String regex) {
		List<String> found = new ArrayList<>();
		Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	/** The part of a page from the element with this id on (for example {@code history}). */
	public static String from(String html, String id) {
		int at = html.indexOf("id=\"" + id + "\"");
		if (at < 0) {
			throw new AssertionError("no element with id " + id + " in the page");
		}
		return html.substring(at);
	}

	/** The body of the table with this id. */
	public static String table(String html, String id) {
		String rest = from(html, id);
		int body = rest.indexOf("<tbody>");
		int end = rest.indexOf("</tbody>");
		return rest.substring(body, end);
	}

	/** The id at the end of a redirect such as {@code /org/units/42}. */
	public static long idOf(String redirect) {
		Matcher m = Pattern.compile("/(\\d+)$").matcher(redirect);
		if (!m.find()) {
			throw new AssertionError("no id at the end of " + redirect);
		}
		return Long.parseLong(m.group(1));
	}
}
