package cn.zhaoshang.platform.notification;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.list.Paging;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 我的通知: every signed-in user's own notices, newest first; open one (marks it read), mark read, mark all read. */
@Controller
@PreAuthorize(Security.Rules.SIGNED_IN)
class NotificationController {

	static final int PAGE_SIZE = 20;

	private final NotificationService notifications;

	NotificationController(NotificationService notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "1") int page,
			Model model) {
		var rows = notifications.list(user.id(), "unread".equals(status), q);
		model.addAttribute("result", Paging.of(rows, page, PAGE_SIZE));
		model.addAttribute("q", q);
		model.addAttribute("status", status);
		return "platform/notifications";
	}

	/** Marks the notice read and opens the page it is about. */
	@PostMapping("/notifications/{id}/open")
	String open(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		String link = notifications.markRead(user.id(), id);
		return "redirect:" + (safe(link) ? link : "/notifications");
	}

	@PostMapping("/notifications/{id}/read")
	String read(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		notifications.markRead(user.id(), id);
		Flash.success(redirect, "notification.flash.read");
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/read-all")
	String readAll(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		notifications.markAllRead(user.id());
		Flash.success(redirect, "notification.flash.allRead");
		return "redirect:/notifications";
	}

	/** Only a path of this application: a notice never redirects to another site. */
	static boolean safe(String link) {
		return link != null && link.startsWith("/") && !link.startsWith("//") && !link.contains("\\");
	}
}
