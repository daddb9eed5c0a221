package cn.zhaoshang.platform.i18n;

import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import cn.zhaoshang.platform.Security;

import org.springframework.web.servlet.LocaleResolver;

/**
 * Picks the language of a request: the signed-in user's saved choice (kept in the session after sign-in, or on the
 * API principal), then the language cookie set on the sign-in page, then, for the API only, Accept-Language; else
 * Chinese. Pages default to Chinese whatever the browser says, because the users read Chinese.
 */
public class UserLocaleResolver implements LocaleResolver {

	public static final String SESSION_ATTRIBUTE = "zs.locale";
	public static final String COOKIE = "zs_lang";

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Locale locale) {
			return locale;
		}
		var user = Security.currentUser();
		if (user.isPresent() && user.get().locale() != null && session == null) {
			return user.get().locale();
		}
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (COOKIE.equals(cookie.getName()) && Languages.isSupportedTag(cookie.getValue())) {
					return Languages.fromTag(cookie.getValue());
				}
			}
		}
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				&& request.getHeader("Accept-Language") != null) {
			return Languages.fromTag(request.getLocale().toLanguageTag());
		}
		return Languages.CHINESE;
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Locale chosen = locale == null ? Languages.CHINESE : Languages.fromTag(locale.toLanguageTag());
		request.getSession().setAttribute(SESSION_ATTRIBUTE, chosen);
		Cookie cookie = new Cookie(COOKIE, Languages.tag(chosen));
		cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
		cookie.setMaxAge(365 * 24 * 3600);
		cookie.setHttpOnly(true);
		response.addCookie(cookie);
	}
}
