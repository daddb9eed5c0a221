package cn.zhaoshang.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Notifications;
import cn.zhaoshang.platform.Security;

import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Puts {@link Ctx} into every page's model. JTE sees only the model, so the CSRF token travels here too (see the
 * layout's meta tags and {@code app.js}, which sends it on htmx requests).
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

	static final String FLASH = "flash";

	private final MessageSource messages;
	private final List<NavItem> navItems;
	private final Notifications notifications;

	LayoutAdvice(MessageSource messages, List<NavItem> navItems, Notifications notifications) {
		this.messages = messages;
		this.notifications = notifications;
		this.navItems = navItems.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
	}

	@ModelAttribute("ctx")
	Ctx ctx(HttpServletRequest request) {
		CurrentUser user = Security.currentUser().orElse(null);
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		var flashMap = RequestContextUtils.getInputFlashMap(request);
		String flash = flashMap == null ? null : (String) flashMap.get(FLASH);
		var locale = RequestContextUtils.getLocale(request);
		return new Ctx(messages, locale, user, navFor(user), csrf == null ? "_csrf" : csrf.getParameterName(),
				csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName(), csrf == null ? "" : csrf.getToken(),
				request.getRequestURI().substring(request.getContextPath().length()), request.getQueryString(),
				flash == null ? null : messages.getMessage(flash, null, flash, locale),
				user == null ? 0 : notifications.unread(user.id()));
	}

	private List<Ctx.NavGroup> navFor(CurrentUser user) {
		if (user == null) {
			return List.of();
		}
		Map<String, List<NavItem>> groups = new LinkedHashMap<>();
		for (NavItem item : navItems) {
			if (item.visibleTo(user.role())) {
				groups.computeIfAbsent(item.group(), g -> new ArrayList<>()).add(item);
			}
		}
		return groups.entrySet().stream().map(e -> new Ctx.NavGroup(e.getKey(), e.getValue())).toList();
	}
}
