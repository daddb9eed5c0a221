package cn.zhaoshang.project.web;

import java.time.LocalDate;
import java.util.Locale;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;
import cn.zhaoshang.project.internal.ProjectAccess;
import cn.zhaoshang.project.internal.RecordRegistration;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The detail page's action recording the REGISTERED milestone (注册日期) of a signed or later project. */
@Controller
class RegistrationController {

	private final ProjectAccess access;
	private final RecordRegistration registration;
	private final DetailPage detailPage;
	private final MessageSource messages;

	RegistrationController(ProjectAccess access, RecordRegistration registration, DetailPage detailPage,
			MessageSource messages) {
		this.access = access;
		this.registration = registration;
		this.detailPage = detailPage;
		this.messages = messages;
	}

	@PostMapping("/projects/{id}/registration")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String record(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(name = "registeredDate", required = false) String date, Model model, Locale locale,
			RedirectAttributes redirect) {
		access.editable(id, user);
		LocalDate parsed;
		try {
			parsed = date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			return refused(id, user, model, locale, new FieldException("registeredDate", "validation.invalidValue"));
		}
		try {
			registration.execute(id, parsed, user);
		}
		catch (FieldException e) {
			return refused(id, user, model, locale, e);
		}
		Flash.success(redirect, "ledger.flash.registered");
		return "redirect:/projects/" + id + "#stage-facts";
	}

	private String refused(long id, CurrentUser user, Model model, Locale locale, FieldException e) {
		model.addAttribute("registrationErrors", FormErrors.of(e, messages, locale));
		return detailPage.render(id, user, model, DetailPage.Errors.NONE);
	}
}
