package cn.zhaoshang.service.attendant;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The chief attendant's page ({@code /service/attendant}): the signed-in user's served projects (or, for anyone
 * inside the government, a chosen attendant's) with what needs attention, the service log and its entry form.
 */
@Controller
class AttendantController {

	private final AttendantWork work;
	private final MessageSource messages;
	private final Clock clock;

	AttendantController(AttendantWork work, MessageSource messages, Clock clock) {
		this.work = work;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/service/attendant")
	@PreAuthorize(Security.Rules.INTERNAL)
	String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long personId,
			Model model) {
		return render(user, personId, model, FormErrors.NONE, null);
	}

	private String render(CurrentUser user, Long personId, Model model, FormErrors errors, AttendantWork.LogInput input) {
		Long person = personId != null ? personId : work.personOf(user).orElse(null);
		model.addAttribute("attendants", work.attendants(user));
		model.addAttribute("personId", person);
		model.addAttribute("personName", person == null ? null : work.name(person).orElse(null));
		var served = person == null ? java.util.List.<AttendantWork.ServedProject>of() : work.served(person, user);
		model.addAttribute("projects", served);
		model.addAttribute("log", person == null ? java.util.List.of() : work.log(person, user));
		model.addAttribute("errors", errors);
		model.addAttribute("input", input == null
				? new AttendantWork.LogInput(ServiceLogKind.VISIT, LocalDate.now(clock), "", null) : input);
		model.addAttribute("canLog", user.role() != Role.LEADER && user.role() != Role.VIEWER && !served.isEmpty());
		return "service/attendant";
	}

	@PostMapping("/service/attendant/log")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String addLog(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long personId,
			@RequestParam(required = false) Long projectId, @RequestParam(required = false) ServiceLogKind kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate logDate,
			@RequestParam(required = false) String content, @RequestParam(required = false) Satisfaction satisfaction,
			Model model, Locale locale, RedirectAttributes redirect) {
		var input = new AttendantWork.LogInput(kind, logDate, content, satisfaction);
		try {
			if (projectId == null) {
				throw new InvalidInputException(java.util.List.of(
						new InvalidInputException.Violation("projectId", "validation.required")));
			}
			work.addLog(projectId, input, user);
		}
		catch (InvalidInputException e) {
			return render(user, personId, model, FormErrors.of(e, messages, locale), input);
		}
		Flash.success(redirect, "attendant.flash.logged");
		return "redirect:/service/attendant" + (personId == null ? "" : "?personId=" + personId);
	}

	@Configuration(proxyBeanMethods = false)
	static class Nav {

		@Bean
		NavItem navChiefAttendant() {
			return new NavItem("nav.group.projects", "attendant.nav", "/service/attendant", 140,
					Role.where(Role::isInternal));
		}
	}
}
