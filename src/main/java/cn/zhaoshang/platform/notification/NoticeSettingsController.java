package cn.zhaoshang.platform.notification;

import java.util.Set;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Flash;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 通知设置: every signed-in user switches kinds of notice on or off and chooses immediate or daily-digest e-mail. */
@Controller
@PreAuthorize(Security.Rules.SIGNED_IN)
class NoticeSettingsController {

	private final NoticePreferences preferences;

	NoticeSettingsController(NoticePreferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping("/account/notifications")
	String show(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("kinds", preferences.kinds());
		model.addAttribute("switches", preferences.switches(user.id()));
		model.addAttribute("mail", preferences.mailMode(user.id()).name());
		// mail mode → message key of its label
		var modes = new java.util.LinkedHashMap<String, String>();
		for (NoticePreferences.MailMode m : NoticePreferences.MailMode.values()) {
			modes.put(m.name(), m.messageKey());
		}
		model.addAttribute("modes", modes);
		return "platform/notice-settings";
	}

	@PostMapping("/account/notifications")
	String save(@AuthenticationPrincipal CurrentUser user, @RequestParam(name = "kind", required = false) Set<String> on,
			@RequestParam(defaultValue = "IMMEDIATE") String mail, RedirectAttributes redirect) {
		preferences.save(user.id(), on == null ? Set.of() : on, NoticePreferences.MailMode.of(mail));
		Flash.success(redirect, "notice.settings.saved");
		return "redirect:/account/notifications";
	}
}
