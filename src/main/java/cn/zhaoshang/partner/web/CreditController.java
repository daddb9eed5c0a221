package cn.zhaoshang.partner.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import cn.zhaoshang.partner.internal.Agreements;
import cn.zhaoshang.partner.internal.PartnerAccess;
import cn.zhaoshang.partner.internal.Rewards;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.ProjectId;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;
import cn.zhaoshang.project.ProjectPageSection;
import cn.zhaoshang.project.ProjectSummaries;
import cn.zhaoshang.project.ProjectSummary;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A project's introducer credit (clause XI): which intermediaries introduced it and their parts, which split its
 * rewards. Internal users read it (on its page and as a section of the project page); the city bureau sets it.
 */
@Controller
class CreditController implements ProjectPageSection {

	private final Rewards rewards;
	private final Agreements agreements;
	private final ProjectSummaries projects;
	private final UnitDirectory units;
	private final MessageSource messages;

	CreditController(Rewards rewards, Agreements agreements, ProjectSummaries projects, UnitDirectory units,
			MessageSource messages) {
		this.rewards = rewards;
		this.agreements = agreements;
		this.projects = projects;
		this.units = units;
		this.messages = messages;
	}

	@GetMapping("/partner/credits/{projectId}")
	@PreAuthorize(PartnerAccess.INTERNAL)
	String page(@AuthenticationPrincipal CurrentUser user, @PathVariable long projectId, Model model) {
		return page(user, projectId, model, null, FormErrors.NONE);
	}

	@PostMapping("/partner/credits/{projectId}")
	@PreAuthorize(PartnerAccess.BUREAU)
	String set(@AuthenticationPrincipal CurrentUser user, @PathVariable long projectId,
			@ModelAttribute("form") CreditForm form, BindingResult binding, Model model, Locale locale,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return page(user, projectId, model, form, FormErrors.of(binding, messages, locale));
		}
		try {
			rewards.setCredit(projectId, form.credit(), user);
		}
		catch (InvalidInputException e) {
			return page(user, projectId, model, form, FormErrors.of(e, messages, locale));
		}
		Flash.success(redirect, "partner.flash.creditSaved");
		return "redirect:/partner/credits/" + projectId;
	}

	private String page(CurrentUser user, long projectId, Model model, CreditForm form, FormErrors errors) {
		ProjectSummary project = projects.find(new ProjectId(projectId)).orElseThrow(NotFoundException::new);
		var credit = rewards.credit(projectId, rewards.introUnit(projectId));
		model.addAttribute("project", project);
		model.addAttribute("shares", named(credit));
		model.addAttribute("recorded", rewards.creditRecorded(projectId));
		model.addAttribute("form", form != null ? form : CreditForm.of(credit));
		model.addAttribute("errors", errors);
		model.addAttribute("intermediaries", agreements.intermediaries());
		model.addAttribute("canEdit", PartnerAccess.bureau(user));
		return "partner/credit";
	}

	/** Unit names and their parts in percent, in the credit's order. */
	private Map<String, java.math.BigDecimal> named(Map<Long, Integer> credit) {
		Map<String, java.math.BigDecimal> named = new LinkedHashMap<>();
		credit.forEach((unit, bp) -> named.put(units.find(new UnitId(unit)).map(UnitSummary::name)
			.orElse(String.valueOf(unit)), java.math.BigDecimal.valueOf(bp, 2)));
		return named;
	}

	/** The project page's section: the credit in a line with a link to its page (nothing for external users). */
	@Override
	public Section section(ProjectId project, CurrentUser user) {
		if (user.hasRole(Role.INTERMEDIARY)) {
			return null;
		}
		var shares = named(rewards.credit(project.value(), rewards.introUnit(project.value())));
		if (shares.isEmpty() && !PartnerAccess.bureau(user)) {
			return null;
		}
		Map<String, Object> params = new HashMap<>();
		params.put("projectId", project.value());
		params.put("shares", shares);
		return new Section("partner/project-credit.jte", params);
	}

	@Override
	public int order() {
		return 60;
	}
}
