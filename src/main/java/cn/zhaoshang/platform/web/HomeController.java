package cn.zhaoshang.platform.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.HomeContributor;
import cn.zhaoshang.platform.HomePanel;
import cn.zhaoshang.platform.HomeSection;

import gg.jte.Content;
import gg.jte.TemplateEngine;

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
	private final List<HomePanel> panels;
	private final TemplateEngine templates;

	HomeController(@Value("${zhaoshang.security.lock-duration:15m}") Duration lockDuration,
			List<HomeContributor> contributors, List<HomePanel> panels, TemplateEngine templates) {
		this.lockMinutes = lockDuration.toMinutes();
		this.contributors = contributors;
		this.panels = panels.stream().sorted(Comparator.comparingInt(HomePanel::order)).toList();
		this.templates = templates;
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
		model.addAttribute("panels", panels(user, model.asMap().get("ctx")));
		return "platform/home";
	}

	/** The modules' own blocks for this user, each its template rendered with the page's ctx. */
	private List<Content> panels(CurrentUser user, Object ctx) {
		List<Content> contents = new ArrayList<>();
		for (HomePanel panel : panels) {
			String template = panel.template(user);
			if (template != null) {
				contents.add(output -> templates.render(template, java.util.Map.of("ctx", ctx), output));
			}
		}
		return contents;
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
