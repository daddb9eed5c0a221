package cn.zhaoshang.service.appeal;

import java.util.Locale;

import jakarta.validation.Valid;

import cn.zhaoshang.platform.PublicForm;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public, sign-in-free appeal pages (DESIGN §6a, ADR 0016): the form (zh/en, CSRF-protected, guarded), the
 * confirmation with the tracking number, and the tracking page that shows the status and the answer only.
 */
@Controller
class PublicAppealController {

	private final AppealWrites writes;
	private final AppealQueries queries;
	private final MessageSource messages;

	PublicAppealController(AppealWrites writes, AppealQueries queries, MessageSource messages) {
		this.writes = writes;
		this.queries = queries;
		this.messages = messages;
	}

	@GetMapping("/appeal")
	@PreAuthorize(Security.Rules.PUBLIC)
	String form(Model model) {
		return form(model, PublicAppealForm.empty(), FormErrors.NONE);
	}

	@PostMapping("/appeal")
	@PreAuthorize(Security.Rules.PUBLIC)
	@PublicForm(PublicAppealApiController.FORM)
	String file(@Valid @ModelAttribute("form") PublicAppealForm form, BindingResult binding, Model model,
			Locale locale) {
		if (binding.hasErrors()) {
			return form(model, form, AppealErrors.of(binding, messages, locale));
		}
		model.addAttribute("trackingNo", writes.filePublic(form).trackingNo());
		return "appeal/public-filed";
	}

	@GetMapping("/appeal/track")
	@PreAuthorize(Security.Rules.PUBLIC)
	String track(@RequestParam(required = false) String no, Model model) {
		model.addAttribute("no", no == null ? "" : no.strip());
		model.addAttribute("searched", no != null && !no.isBlank());
		model.addAttribute("result", no == null || no.isBlank() ? null : queries.publicStatus(no).orElse(null));
		return "appeal/public-track";
	}

	private String form(Model model, PublicAppealForm form, FormErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("categories", AppealCategory.values());
		return "appeal/public-form";
	}
}
