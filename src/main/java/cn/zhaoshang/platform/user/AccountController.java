package cn.zhaoshang.platform.user;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.i18n.Languages;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A user's own account: change password; the language switch (remembered per user, or per browser before sign-in). */
@Controller
class AccountController {

	private final UserManagement users;
	private final MessageSource messages;
	private final LocaleResolver locales;

	AccountController(UserManagement users, MessageSource messages, LocaleResolver locales) {
		this.users = users;
		this.messages = messages;
		this.locales = locales;
	}

	@GetMapping("/account/password")
	@PreAuthorize(Security.Rules.SIGNED_IN)
	String passwordForm(Model model) {
		model.addAttribute("errors", FormErrors.NONE);
		return "platform/password";
	}

	@PostMapping("/account/password")
	@PreAuthorize(Security.Rules.SIGNED_IN)
	String changePassword(@AuthenticationPrincipal CurrentUser user, @RequestParam String currentPassword,
			@RequestParam String newPassword, @RequestParam String repeatPassword, Model model, Locale locale,
			HttpServletRequest request, RedirectAttributes redirect) {
		var session = request.getSession(false);
		try {
			users.changeOwnPassword(user.id().value(), currentPassword, newPassword, repeatPassword,
					session == null ? null : session.getId());
		}
		catch (FieldException e) {
			model.addAttribute("errors", FormErrors.of(e, messages, locale));
			return "platform/password";
		}
		Flash.success(redirect, "flash.passwordChanged");
		return "redirect:/";
	}

	/** Switches the language; works before sign-in too (then only the browser remembers it). */
	@PostMapping("/language")
	@PreAuthorize(Security.Rules.PUBLIC)
	String language(@RequestParam String lang, @RequestHeader(name = "Referer", required = false) String referer,
			HttpServletRequest request, HttpServletResponse response) {
		Locale locale = Languages.fromTag(lang);
		locales.setLocale(request, response, locale);
		Security.currentUser().ifPresent(u -> users.changeLocale(u.id().value(), Languages.tag(locale)));
		return "redirect:" + safeReturn(referer, request);
	}

	/** Only ever redirect back into this application. */
	private static String safeReturn(String referer, HttpServletRequest request) {
		if (referer != null) {
			try {
				var uri = java.net.URI.create(referer);
				if (uri.getHost() == null || uri.getHost().equals(request.getServerName())) {
					String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
					if (path.startsWith("//")) {
						// "//host/..." would send the browser to another site (a protocol-relative URL)
						return "/";
					}
					return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
				}
			}
			catch (IllegalArgumentException e) {
				// fall through to the home page
			}
		}
		return "/";
	}
}
