package cn.zhaoshang.platform.web;

import java.time.Duration;

import cn.zhaoshang.platform.Security;

import org.springframework.beans.factory.annotation.Value;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.ui.Model;

/** Sign-in page and the home page every module's navigation hangs from. */
@Controller
class HomeController {

	private final long lockMinutes;

	HomeController(@Value("${zhaoshang.security.lock-duration:15m}") Duration lockDuration) {
		this.lockMinutes = lockDuration.toMinutes();
	}

	@GetMapping("/")
	@PreAuthorize(Security.Rules.SIGNED_IN)
	String home() {
		return "platform/home";
	}

	@GetMapping("/login")
	@PreAuthorize(Security.Rules.PUBLIC)
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
			Model model) {
		model.addAttribute("error", error == null ? null : switch (error) {
			case "locked" -> "login.error.locked";
			case "disabled" -> "login.error.disabled";
			default -> "login.error.bad";
		});
		model.addAttribute("lockMinutes", lockMinutes);
		model.addAttribute("loggedOut", logout != null);
		return "platform/login";
	}
}
