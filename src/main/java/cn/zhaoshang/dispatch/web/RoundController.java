package cn.zhaoshang.dispatch.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import cn.zhaoshang.dispatch.internal.ChangeScope;
import cn.zhaoshang.dispatch.internal.CloseRound;
import cn.zhaoshang.dispatch.internal.DispatchAccess;
import cn.zhaoshang.dispatch.internal.DispatchCalendar;
import cn.zhaoshang.dispatch.internal.DispatchRound;
import cn.zhaoshang.dispatch.internal.EditRound;
import cn.zhaoshang.dispatch.internal.OpenRound;
import cn.zhaoshang.dispatch.internal.RoundFilter;
import cn.zhaoshang.dispatch.internal.RoundQueries;
import cn.zhaoshang.dispatch.internal.ScopeFilter;
import cn.zhaoshang.org.People;
import cn.zhaoshang.org.PersonKind;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.list.PageSizes;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;
import cn.zhaoshang.project.ProjectSummaries;
import cn.zhaoshang.project.ProjectSummary;

import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The rounds list, the form to open a round, and a round's page (completion, scope, close and reopen). */
@Controller
class RoundController {

	private final OpenRound open;
	private final ChangeScope changeScope;
	private final CloseRound close;
	private final EditRound edit;
	private final DispatchAccess access;
	private final RoundQueries queries;
	private final DispatchCalendar calendar;
	private final People people;
	private final ProjectSummaries projects;
	private final RecordHistory history;
	private final MessageSource messages;

	RoundController(OpenRound open, ChangeScope changeScope, CloseRound close, EditRound edit,
			DispatchAccess access, RoundQueries queries, DispatchCalendar calendar, People people,
			ProjectSummaries projects, RecordHistory history, MessageSource messages) {
		this.open = open;
		this.changeScope = changeScope;
		this.close = close;
		this.edit = edit;
		this.access = access;
		this.queries = queries;
		this.calendar = calendar;
		this.people = people;
		this.projects = projects;
		this.history = history;
		this.messages = messages;
	}

	@GetMapping("/dispatch/rounds")
	@PreAuthorize(Security.Rules.INTERNAL)
	String list(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("filter") RoundFilter filter,
			BindingResult binding, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size, Model model, Locale locale) {
		RoundFilter applied = binding.hasErrors() ? RoundFilter.none() : filter;
		model.addAttribute("result",
				queries.list(applied, PageSizes.page(page), PageSizes.forPage(size), true));
		model.addAttribute("filter", filter);
		model.addAttribute("errors", binding.hasErrors() ? FormErrors.of(binding, messages, locale) : FormErrors.NONE);
		model.addAttribute("canOpen", DispatchAccess.bureau(user));
		return "dispatch/rounds";
	}

	@GetMapping("/dispatch/rounds/new")
	@PreAuthorize(DispatchAccess.BUREAU)
	String openForm(Model model, Locale locale) {
		var s = calendar.suggest(locale);
		return form(model, new RoundForm(s.name(), s.periodFrom(), s.periodTo(), s.deadline(), null, "default"),
				FormErrors.NONE);
	}

	@PostMapping("/dispatch/rounds/new")
	@PreAuthorize(DispatchAccess.BUREAU)
	String open(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") RoundForm form,
			BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(model, form, FormErrors.of(binding, messages, locale));
		}
		try {
			long id = open.execute(form.input(), user);
			Flash.success(redirect, "dispatch.flash.opened");
			return "redirect:/dispatch/rounds/" + id;
		}
		catch (InvalidInputException e) {
			return form(model, form, FormErrors.of(e, messages, locale));
		}
		catch (FieldException e) {
			return form(model, form, FormErrors.of(e, messages, locale));
		}
	}

	private String form(Model model, RoundForm form, FormErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("leaders", leaders(null));
		return "dispatch/round-form";
	}

	/** The active leaders, and the one chairing already (kept even when no longer active). */
	private List<People.PersonSummary> leaders(Long chairing) {
		return people.summaries()
			.stream()
			.filter(p -> p.kind() == PersonKind.LEADER
					&& (p.active() || chairing != null && chairing == p.id().value()))
			.toList();
	}

	@GetMapping("/dispatch/rounds/{id}/edit")
	@PreAuthorize(DispatchAccess.BUREAU)
	String editForm(@PathVariable long id, Model model) {
		DispatchRound round = access.round(id);
		if (!round.isOpen()) {
			throw new cn.zhaoshang.platform.BusinessException(409, "dispatch.error.roundClosedEdit", round.name());
		}
		return editForm(model, round, RoundEditForm.of(round), FormErrors.NONE);
	}

	@PostMapping("/dispatch/rounds/{id}/edit")
	@PreAuthorize(DispatchAccess.BUREAU)
	String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("form") RoundEditForm form, BindingResult binding, Model model, Locale locale,
			RedirectAttributes redirect) {
		DispatchRound round = access.round(id);
		if (binding.hasErrors()) {
			return editForm(model, round, form, FormErrors.of(binding, messages, locale));
		}
		try {
			edit.execute(id, form.input(), form.version(), user);
			Flash.success(redirect, "dispatch.flash.edited");
			return "redirect:/dispatch/rounds/" + id;
		}
		catch (InvalidInputException e) {
			return editForm(model, round, form, FormErrors.of(e, messages, locale));
		}
		catch (FieldException e) {
			return editForm(model, round, form, FormErrors.of(e, messages, locale));
		}
		catch (OptimisticLockingFailureException e) {
			// Someone saved in between: nothing stored; show the form again with the current version so that a
			// deliberate second save may replace their change.
			DispatchRound current = access.round(id);
			return editForm(model, current, form.withVersion(current.version()), FormErrors.NONE
				.with(java.util.Map.of("version", messages.getMessage("error.conflict", null, locale))));
		}
	}

	private String editForm(Model model, DispatchRound round, RoundEditForm form, FormErrors errors) {
		model.addAttribute("round", round);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("leaders", leaders(round.chairPersonId()));
		return "dispatch/round-edit";
	}

	@GetMapping("/dispatch/rounds/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("filter") ScopeFilter filter, BindingResult binding,
			@RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model,
			Locale locale) {
		return page(model, user, id, binding.hasErrors() ? ScopeFilter.none() : filter, filter, page, size,
				binding.hasErrors() ? FormErrors.of(binding, messages, locale) : FormErrors.NONE, null);
	}

	private String page(Model model, CurrentUser user, long id, ScopeFilter applied, ScopeFilter shown, String page,
			String size, FormErrors errors, String addCodes) {
		DispatchRound round = access.round(id);
		model.addAttribute("round", round);
		model.addAttribute("completion", queries.completion(id));
		model.addAttribute("result",
				queries.scope(round, applied, user, PageSizes.page(page), PageSizes.forPage(size), true));
		model.addAttribute("filter", shown);
		model.addAttribute("errors", errors);
		model.addAttribute("addCodes", addCodes);
		model.addAttribute("canManage", DispatchAccess.bureau(user));
		model.addAttribute("history", history.of("dispatchRound", id));
		return "dispatch/round";
	}

	@PostMapping("/dispatch/rounds/{id}/projects")
	@PreAuthorize(DispatchAccess.BUREAU)
	String addProjects(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String codes, Model model, Locale locale, RedirectAttributes redirect) {
		List<String> wanted = Arrays.stream(codes.split("[\\s,;\\u3001\\uff0c\\uff1b]+"))
			.map(String::trim)
			.filter(c -> !c.isEmpty())
			.distinct()
			.toList();
		List<ProjectSummary> found = projects.byCodes(wanted);
		try {
			if (wanted.isEmpty()) {
				throw new FieldException("codes", "validation.required");
			}
			if (found.size() != wanted.size()) {
				List<String> known = found.stream().map(p -> p.code().toUpperCase()).toList();
				String unknown = String.join(", ",
						wanted.stream().filter(c -> !known.contains(c.toUpperCase())).toList());
				throw new FieldException("codes", "dispatch.validation.unknownCodes", unknown);
			}
			changeScope.add(id, found.stream().map(p -> p.id().value()).toList(), user);
			Flash.success(redirect, "dispatch.flash.projectsAdded");
			return "redirect:/dispatch/rounds/" + id;
		}
		catch (FieldException e) {
			return page(model, user, id, ScopeFilter.none(), ScopeFilter.none(), null, null,
					FormErrors.of(e, messages, locale), codes);
		}
	}

	@PostMapping("/dispatch/rounds/{id}/projects/{projectId}/remove")
	@PreAuthorize(DispatchAccess.BUREAU)
	String removeProject(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long projectId, RedirectAttributes redirect) {
		changeScope.remove(id, projectId, user);
		Flash.success(redirect, "dispatch.flash.projectRemoved");
		return "redirect:/dispatch/rounds/" + id;
	}

	@PostMapping("/dispatch/rounds/{id}/close")
	@PreAuthorize(DispatchAccess.BUREAU)
	String close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		close.close(id, user);
		Flash.success(redirect, "dispatch.flash.closed");
		return "redirect:/dispatch/rounds/" + id;
	}

	@PostMapping("/dispatch/rounds/{id}/reopen")
	@PreAuthorize(DispatchAccess.BUREAU)
	String reopen(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String reason, Model model, Locale locale, RedirectAttributes redirect) {
		try {
			close.reopen(id, reason, user);
		}
		catch (FieldException e) {
			return page(model, user, id, ScopeFilter.none(), ScopeFilter.none(), null, null,
					FormErrors.of(e, messages, locale), null);
		}
		Flash.success(redirect, "dispatch.flash.reopened");
		return "redirect:/dispatch/rounds/" + id;
	}
}
