package cn.zhaoshang.clue.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.clue.ClueSource;
import cn.zhaoshang.clue.FollowUpKind;
import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.clue.internal.Clue;
import cn.zhaoshang.clue.internal.ClueAccess;
import cn.zhaoshang.clue.internal.AssignClue;
import cn.zhaoshang.clue.internal.ClueLookup;
import cn.zhaoshang.clue.internal.ClueQueries;
import cn.zhaoshang.clue.internal.ConfirmClue;
import cn.zhaoshang.clue.internal.EditClue;
import cn.zhaoshang.clue.internal.FollowUpClue;
import cn.zhaoshang.clue.internal.InvalidateClue;
import cn.zhaoshang.clue.internal.LogClue;
import cn.zhaoshang.clue.internal.MatchClue;
import cn.zhaoshang.clue.internal.RegisterClueMerchant;
import cn.zhaoshang.clue.internal.ReturnClueToPool;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A clue's page and its forms: log/submit, edit, follow up (also as a phone-friendly page), confirm intent, mark
 * invalid, assign, return to the city pool, link the enterprise. Reading: internal roles every clue, an
 * intermediary its own; changing: as {@link ClueAccess} says (403 from {@link ClueLookup} otherwise).
 * Just over 400 lines: eight small form handlers of one page, each binding and calling one use case.
 */
@Controller
class ClueController {

	private final ClueLookup clues;
	private final LogClue log;
	private final EditClue edit;
	private final FollowUpClue followUp;
	private final ConfirmClue confirm;
	private final InvalidateClue invalidate;
	private final ReturnClueToPool returnToPool;
	private final AssignClue assign;
	private final MatchClue match;
	private final RegisterClueMerchant registerMerchant;
	private final ClueQueries queries;
	private final ClueChoices choices;
	private final ClueDetailPage detailPage;
	private final MessageSource messages;
	private final jakarta.validation.Validator validator;
	private final Clock clock;

	ClueController(ClueLookup clues, LogClue log, EditClue edit, FollowUpClue followUp, ConfirmClue confirm,
			InvalidateClue invalidate, ReturnClueToPool returnToPool, AssignClue assign, MatchClue match,
			RegisterClueMerchant registerMerchant, ClueQueries queries, ClueChoices choices, ClueDetailPage detailPage,
			MessageSource messages, jakarta.validation.Validator validator, Clock clock) {
		this.clues = clues;
		this.log = log;
		this.edit = edit;
		this.followUp = followUp;
		this.confirm = confirm;
		this.invalidate = invalidate;
		this.returnToPool = returnToPool;
		this.assign = assign;
		this.match = match;
		this.registerMerchant = registerMerchant;
		this.queries = queries;
		this.choices = choices;
		this.detailPage = detailPage;
		this.messages = messages;
		this.validator = validator;
		this.clock = clock;
	}

	@InitBinder({ "form", "followUp" })
	void binder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "status", "projectId");
	}

	@GetMapping("/clues/{id}")
	@PreAuthorize(Security.Rules.SIGNED_IN)
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(name = "enterprise", required = false) String enterpriseQuery, Model model) {
		String page = detailPage.render(id, user, model, FollowUpForm.today(LocalDate.now(clock)), FormErrors.NONE);
		detailPage.searchEnterprises(model, enterpriseQuery);
		return page;
	}

	// ---------------------------------------------------------------- create and edit

	@GetMapping("/clues/new")
	@PreAuthorize(Security.Rules.CLUE_SUBMITTER)
	String createForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		Long own = user.unitId() == null ? null : user.unitId().value();
		var owners = ownerChoices(user);
		Long owner = owners.stream().anyMatch(c -> c.is(own)) ? own
				: owners.size() == 1 && !owners.get(0).value().isEmpty() ? Long.valueOf(owners.get(0).value()) : null;
		return form(user, model, null, ClueForm.empty(owner), FormErrors.NONE);
	}

	@PostMapping("/clues/new")
	@PreAuthorize(Security.Rules.CLUE_SUBMITTER)
	String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") ClueForm form,
			BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
		FormErrors errors = validate(form.toDetails(), binding, locale);
		if (errors.any()) {
			return form(user, model, null, form, errors);
		}
		try {
			Clue saved = log.execute(form.toDetails(), user);
			Flash.success(redirect, user.role() == Role.INTERMEDIARY ? "clue.flash.submitted" : "clue.flash.created");
			return "redirect:/clues/" + saved.id().value();
		}
		catch (FieldException e) {
			return form(user, model, null, form, FormErrors.of(e, messages, locale));
		}
		catch (InvalidInputException e) {
			return form(user, model, null, form, FormErrors.of(e, messages, locale));
		}
	}

	@GetMapping("/clues/{id}/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		clues.editable(id, user).requireOpen();
		return form(user, model, id, ClueForm.of(queries.detail(id)), FormErrors.NONE);
	}

	@PostMapping("/clues/{id}/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("form") ClueForm form, BindingResult binding, Model model, Locale locale,
			RedirectAttributes redirect) {
		clues.editable(id, user);
		FormErrors errors = validate(form.toDetails(), binding, locale);
		if (errors.any()) {
			return form(user, model, id, form, errors);
		}
		try {
			edit.execute(id, form.toDetails(), user);
			Flash.success(redirect, "flash.saved");
			return "redirect:/clues/" + id;
		}
		catch (FieldException e) {
			return form(user, model, id, form, FormErrors.of(e, messages, locale));
		}
		catch (InvalidInputException e) {
			return form(user, model, id, form, FormErrors.of(e, messages, locale));
		}
		catch (OptimisticLockingFailureException e) {
			// someone saved in between: nothing of this submission is stored; say so and carry the new version
			form.setVersion(queries.detail(id).version());
			model.addAttribute("conflict", true);
			return form(user, model, id, form, FormErrors.NONE);
		}
	}

	private List<Choice> ownerChoices(CurrentUser user) {
		if (user.role() == Role.INTERMEDIARY) {
			return choices.entrusting(user);
		}
		var owners = new java.util.ArrayList<Choice>();
		if (ClueAccess.cityBureau(user)) {
			owners.add(new Choice("", messages.getMessage("clue.form.pool", null,
					org.springframework.context.i18n.LocaleContextHolder.getLocale())));
		}
		owners.addAll(choices.editableOwnerUnits(user));
		return owners;
	}

	private String form(CurrentUser user, Model model, Long id, ClueForm form, FormErrors errors) {
		boolean intermediary = user.role() == Role.INTERMEDIARY;
		model.addAttribute("clueId", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.asMap().putIfAbsent("conflict", false);
		model.addAttribute("intermediary", intermediary);
		model.addAttribute("owners", ownerChoices(user));
		model.addAttribute("assignees", intermediary || id != null ? List.of()
				: choices.assigneesFor(user, user.unitId()));
		model.addAttribute("chains", choices.chains());
		model.addAttribute("sourceUnits", choices.allUnits());
		model.addAttribute("sources", List.of(ClueSource.values()));
		model.addAttribute("modes", List.of(PromotionMode.values()));
		return "clue/form";
	}

	// ---------------------------------------------------------------- follow-ups

	/** The follow-up form alone: what staff open on a phone after a visit. */
	@GetMapping("/clues/{id}/follow-up")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String followUpForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		clues.followable(id, user).requireOpen();
		return followUpPage(id, model, FollowUpForm.today(LocalDate.now(clock)), FormErrors.NONE);
	}

	@PostMapping("/clues/{id}/follow-ups")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String followUp(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("followUp") FollowUpForm form, BindingResult binding,
			@RequestParam(defaultValue = "detail") String from, Model model, Locale locale,
			RedirectAttributes redirect) {
		FormErrors errors = binding.hasErrors() ? FormErrors.of(binding, messages, locale) : FormErrors.NONE;
		if (!errors.any()) {
			try {
				followUp.execute(id, form.toInput(), user);
				Flash.success(redirect, "clue.flash.followedUp");
				return "redirect:/clues/" + id + "#follow-ups";
			}
			catch (InvalidInputException e) {
				errors = FormErrors.of(e, messages, locale);
			}
		}
		if ("page".equals(from)) {
			return followUpPage(id, model, form, errors);
		}
		return detailPage.render(id, user, model, form, errors);
	}

	private String followUpPage(long id, Model model, FollowUpForm form, FormErrors errors) {
		model.addAttribute("d", queries.detail(id));
		model.addAttribute("followUp", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", List.of(FollowUpKind.values()));
		return "clue/follow-up";
	}

	// ---------------------------------------------------------------- status

	@PostMapping("/clues/{id}/confirm")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		confirm.execute(id, user);
		Flash.success(redirect, "clue.flash.confirmed");
		return "redirect:/clues/" + id;
	}

	@GetMapping("/clues/{id}/invalid")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String invalidForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		clues.editable(id, user).requireOpen();
		return reasonPage(id, "invalid", "", FormErrors.NONE, model);
	}

	@PostMapping("/clues/{id}/invalid")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String invalidate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String reason, Model model, Locale locale, RedirectAttributes redirect) {
		return withReason(id, "invalid", reason, () -> invalidate.execute(id, reason, user), "clue.flash.invalidated",
				model, locale, redirect);
	}

	@GetMapping("/clues/{id}/return")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String returnForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		clues.returnable(id, user).requireOpen();
		return reasonPage(id, "return", "", FormErrors.NONE, model);
	}

	@PostMapping("/clues/{id}/return")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String returnToPool(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String reason, Model model, Locale locale, RedirectAttributes redirect) {
		return withReason(id, "return", reason, () -> returnToPool.execute(id, reason, user), "clue.flash.returned",
				model, locale, redirect);
	}

	/** Runs an action that needs a reason; a refused reason shows the form again with the message. */
	private String withReason(long id, String action, String reason, Runnable use, String flash, Model model,
			Locale locale, RedirectAttributes redirect) {
		try {
			use.run();
		}
		catch (FieldException e) {
			return reasonPage(id, action, reason, FormErrors.of(e, messages, locale), model);
		}
		Flash.success(redirect, flash);
		return "redirect:/clues/" + id;
	}

	private String reasonPage(long id, String action, String reason, FormErrors errors, Model model) {
		model.addAttribute("d", queries.detail(id));
		model.addAttribute("action", action);
		model.addAttribute("reason", reason);
		model.addAttribute("errors", errors);
		return "clue/reason";
	}

	// ---------------------------------------------------------------- assignment

	@GetMapping("/clues/{id}/assignment")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String assignForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		clues.assignable(id, user).requireOpen();
		var d = queries.detail(id);
		return assignPage(user, d, d.row().ownerUnitId(), d.row().assigneeId(), "", FormErrors.NONE, model);
	}

	@PostMapping("/clues/{id}/assignment")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String assign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) String ownerUnitId, @RequestParam(required = false) String assigneeId,
			@RequestParam(defaultValue = "") String reason, Model model, Locale locale, RedirectAttributes redirect) {
		Long unit = parse(ownerUnitId);
		Long assignee = parse(assigneeId);
		try {
			assign.execute(id, unit, assignee, reason, user);
		}
		catch (FieldException e) {
			return assignPage(user, queries.detail(id), unit, assignee, reason, FormErrors.of(e, messages, locale),
					model);
		}
		catch (InvalidInputException e) {
			return assignPage(user, queries.detail(id), unit, assignee, reason, FormErrors.of(e, messages, locale),
					model);
		}
		Flash.success(redirect, "clue.flash.assigned");
		return "redirect:/clues/" + id;
	}

	private String assignPage(CurrentUser user, ClueQueries.Detail d, Long unit, Long assignee, String reason,
			FormErrors errors, Model model) {
		model.addAttribute("d", d);
		model.addAttribute("units", ClueAccess.cityBureau(user) ? choices.ownerUnits()
				: choices.editableOwnerUnits(user));
		model.addAttribute("assignees", choices.assigneesFor(user, cn.zhaoshang.platform.UnitId.of(d.row().ownerUnitId())));
		model.addAttribute("unit", unit);
		model.addAttribute("assignee", assignee);
		model.addAttribute("reason", reason);
		model.addAttribute("errors", errors);
		return "clue/assign";
	}

	// ---------------------------------------------------------------- enterprise

	@PostMapping("/clues/{id}/match")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String match(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long merchantId,
			RedirectAttributes redirect) {
		match.execute(id, merchantId, user);
		Flash.success(redirect, "clue.flash.matched");
		return "redirect:/clues/" + id;
	}

	/**
	 * Registers the clue's enterprise in the merchant database (or finds it there, never a duplicate) and links the
	 * clue to it; the new record has only a name, so the flash points to its page to complete it.
	 */
	@PostMapping("/clues/{id}/register-merchant")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String registerMerchant(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			RedirectAttributes redirect) {
		registerMerchant.execute(id, user);
		Flash.success(redirect, "clue.flash.merchantRegistered");
		return "redirect:/clues/" + id;
	}

	/** Binding errors first (a malformed number), then the rules of the record; one message per field. */
	private FormErrors validate(Object details, BindingResult binding, Locale locale) {
		for (var v : validator.validate(details)) {
			String field = v.getPropertyPath().toString();
			if (binding.getFieldErrors(field).stream().noneMatch(e -> e.isBindingFailure())) {
				String code = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
				binding.rejectValue(field, code, v.getMessage());
			}
		}
		return binding.hasErrors() ? FormErrors.of(binding, messages, locale) : FormErrors.NONE;
	}

	private static Long parse(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.trim());
		}
		catch (NumberFormatException e) {
			throw new BusinessException(400, "validation.invalidValue");
		}
	}
}
