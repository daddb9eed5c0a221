package cn.zhaoshang.service.appeal;

import java.time.Clock;
import java.util.Locale;

import jakarta.validation.Valid;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.list.PageSizes;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The appeals' internal pages: the list (filters, sort, paging; overdue ones marked), the filing form, and the detail
 * page with assignment, acknowledging, the answer, the enterprise's rating and reopening.
 */
@Controller
class AppealController {

	private final AppealQueries queries;
	private final AppealWrites writes;
	private final UnitDirectory units;
	private final DataScopes scopes;
	private final RecordHistory history;
	private final MessageSource messages;
	private final Clock clock;
	private final AppealDocuments documents;

	AppealController(AppealQueries queries, AppealWrites writes, UnitDirectory units, DataScopes scopes,
			RecordHistory history, MessageSource messages, Clock clock, AppealDocuments documents) {
		this.documents = documents;
		this.queries = queries;
		this.writes = writes;
		this.units = units;
		this.scopes = scopes;
		this.history = history;
		this.messages = messages;
		this.clock = clock;
	}

	@Bean
	static NavItem navAppeals() {
		return new NavItem("nav.group.merchants", "appeal.nav", "/appeals", 215, Role.where(Role::isInternal));
	}

	@GetMapping("/appeals")
	@PreAuthorize(Security.Rules.INTERNAL)
	String list(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("filter") AppealFilter filter,
			BindingResult binding, @RequestParam(defaultValue = "1") String page,
			@RequestParam(defaultValue = "20") String size, Model model, Locale locale) {
		AppealFilter f = binding.hasErrors() ? AppealFilter.none() : filter;
		model.addAttribute("filter", f);
		model.addAttribute("errors", binding.hasErrors() ? FormErrors.of(binding, messages, locale) : FormErrors.NONE);
		model.addAttribute("result",
				queries.list(f, AppealScope.of(user, scopes), PageSizes.page(page), PageSizes.forPage(size), true));
		model.addAttribute("units", units.all().stream().filter(UnitSummary::active).toList());
		model.addAttribute("now", clock.instant());
		model.addAttribute("canFile", AppealWrites.editorRole(user));
		return "appeal/list";
	}

	@GetMapping("/appeals/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String newForm(Model model) {
		return form(model, AppealInput.empty(), FormErrors.NONE);
	}

	@PostMapping("/appeals/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String file(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") AppealInput form,
			BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(model, form, AppealErrors.of(binding, messages, locale));
		}
		try {
			long id = writes.file(form, user).id();
			Flash.success(redirect, "appeal.flash.filed");
			return "redirect:/appeals/" + id;
		}
		catch (FieldException e) {
			String field = e.field().equals("content") ? "appealContent" : e.field();
			return form(model, form, FormErrors.NONE.with(java.util.Map.of(e.field(), FormErrors.fieldMessage(messages,
					field, messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale), locale))));
		}
	}

	@GetMapping("/appeals/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		return detailPage(user, id, FormErrors.NONE, model);
	}

	/** Adds a file to the appeal (the store refuses empty, too large or unknown types: shown on the page). */
	@PostMapping("/appeals/{id}/documents")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String upload(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, Locale locale,
			RedirectAttributes redirect) throws java.io.IOException {
		try {
			documents.store(id, file == null ? null : file.getOriginalFilename(),
					file == null ? null : file.getBytes(), user);
		}
		catch (BusinessException e) {
			if (e.status() == 403) {
				throw e;
			}
			model.addAttribute("uploadError", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
			return detailPage(user, id, FormErrors.NONE, model);
		}
		Flash.success(redirect, "appeal.flash.documentSaved");
		return "redirect:/appeals/" + id + "#documents";
	}

	@PostMapping("/appeals/{id}/assign")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String assign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer version,
			Model model, Locale locale, RedirectAttributes redirect) {
		try {
			writes.assign(id, unitId, version, user);
		}
		catch (FieldException e) {
			return detailPage(user, id, FormErrors.of(e, messages, locale), model);
		}
		Flash.success(redirect, "appeal.flash.assigned");
		return "redirect:/appeals/" + id;
	}

	@PostMapping("/appeals/{id}/acknowledge")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String acknowledge(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		writes.acknowledge(id, version, user);
		Flash.success(redirect, "appeal.flash.acknowledged");
		return "redirect:/appeals/" + id;
	}

	@PostMapping("/appeals/{id}/answer")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String answer(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) String answer, @RequestParam(required = false) Integer version,
			Model model, Locale locale, RedirectAttributes redirect) {
		try {
			writes.answer(id, answer, version, user);
		}
		catch (FieldException e) {
			return detailPage(user, id, FormErrors.of(e, messages, locale), model);
		}
		Flash.success(redirect, "appeal.flash.answered");
		return "redirect:/appeals/" + id;
	}

	@PostMapping("/appeals/{id}/satisfaction")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String rate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Satisfaction satisfaction,
			@RequestParam(required = false) Integer version, Model model, Locale locale,
			RedirectAttributes redirect) {
		try {
			writes.rate(id, satisfaction, version, user);
		}
		catch (FieldException e) {
			return detailPage(user, id, FormErrors.of(e, messages, locale), model);
		}
		Flash.success(redirect, "appeal.flash.rated");
		return "redirect:/appeals/" + id;
	}

	@PostMapping("/appeals/{id}/reopen")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String reopen(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		writes.reopen(id, version, user);
		Flash.success(redirect, "appeal.flash.reopened");
		return "redirect:/appeals/" + id;
	}

	private String detailPage(CurrentUser user, long id, FormErrors errors, Model model) {
		var row = queries.find(id, AppealScope.of(user, scopes)).orElseThrow(NotFoundException::new);
		model.addAttribute("a", row);
		model.addAttribute("now", clock.instant());
		model.addAttribute("bureau", AppealWrites.bureau(user));
		model.addAttribute("canHandle", writes.mayHandle(row, user));
		model.addAttribute("units", units.all().stream().filter(UnitSummary::active).toList());
		model.addAttribute("satisfactions", Satisfaction.values());
		model.addAttribute("history", history.of(AppealWrites.RECORD, String.valueOf(id)));
		model.addAttribute("documents", documents.of(id, user));
		if (!model.containsAttribute("uploadError")) {
			model.addAttribute("uploadError", null);
		}
		model.addAttribute("errors", errors);
		return "appeal/detail";
	}

	private String form(Model model, AppealInput form, FormErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("channels", AppealChannel.values());
		model.addAttribute("categories", AppealCategory.values());
		model.addAttribute("units", units.all().stream().filter(UnitSummary::active).toList());
		return "appeal/form";
	}
}
