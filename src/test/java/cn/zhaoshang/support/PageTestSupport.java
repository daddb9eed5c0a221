package cn.zhaoshang.support;

import java.util.Locale;

import cn.zhaoshang.platform.user.AccountUserDetailsService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the page test classes share: MockMvc over the whole application with Spring Security, UTF-8 responses, the
 * database ({@link MockMvcTestSupport}), and the demo accounts, signed in as a real sign-in would ({@link Pages#as}).
 * The counterpart of {@link ApiTestSupport} for the server-rendered pages.
 */
public abstract class PageTestSupport extends MockMvcTestSupport {

	@Autowired
	protected AccountUserDetailsService accounts;

	/** Authenticates a request as the demo account, with the principal a real sign-in produces. */
	protected RequestPostProcessor as(String user) {
		return Pages.as(accounts, user);
	}

	/** The page at {@code path} (status 200) as the demo account, in the account's own language. */
	protected String html(String user, String path) throws Exception {
		return html(user, path, null);
	}

	/**
	 * The page at {@code path} (status 200) as the demo account, in {@code locale} as if chosen with the language
	 * button (null: the account's own language).
	 */
	protected String html(String user, String path, Locale locale) throws Exception {
		return Pages.html(mvc, accounts, user, path, locale);
	}
}
