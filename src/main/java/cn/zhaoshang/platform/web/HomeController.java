package cn.zhaoshang.platform.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.HomeContributor;
import cn.zhaoshang.platform.HomeSection;

import cn.zhaoshang.platform.Security;

import org.springframework.beans.factory.annotation.Value;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.ui.Model;

/** Sign-in page and the home page every module's navigation hangs from. */
@Controller
class HomeController {

	private final long lockMinutes;
	private final List<HomeContributor> contributors;

	HomeController(@Value("${zhaoshang.security.lock-duration:15m}") Duration lockDuration,
			List<HomeContributor> contributors) {
		this.lockMinutes = lockDuration.toMinutes();
		this.contributors = contributors;
	}

	/** The user's inbox: what the modules say needs them today, with exact counts, each linking to where it is done. */
	@GetMapping("/")
	@PreAuthorize(Security.Rules.SIGNED_IN)
	String home(@AuthenticationPrincipal CurrentUser user, Model model) {
		List<HomeSection> sections = new ArrayList<>();
		for (HomeContributor contributor : contributors) {
			sections.addAll(contributor.sections(user));
		}
		sections.sort(Comparator.comparingInt(HomeSection::order));
		model.addAttribute("sections", sections);
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
