package cn.zhaoshang.activity.event;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.list.PageSizes;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;
import cn.zhaoshang.project.ProjectSummaries;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The event pages (活动): the list (search, filters, sort, paging, export), an event's page (a signing ceremony's
 * projects with their contracted amounts and total), the form, and the ranking by what events produced.
 */
@Controller
class EventController {

	static final String PAGE = "/activity/events";

	private final Events events;
	private final UnitDirectory units;
	private final DataScopes scopes;
	private final Merchants merchants;
	private final ProjectSummaries projects;
	private final RecordHistory history;
	private final MessageSource messages;
	private final Clock clock;

	EventController(Events events, UnitDirectory units, DataScopes scopes, Merchants merchants,
			ProjectSummaries projects, RecordHistory history, MessageSource messages, Clock clock) {
		this.events = events;
		this.units = units;
		this.scopes = scopes;
		this.merchants = merchants;
		this.projects = projects;
		this.history = history;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping(PAGE)
	@PreAuthorize(Security.Rules.INTERNAL)
	String list(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("filter") EventFilter filter,
			BindingResult binding, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size, Locale locale, Model model) {
		EventFilter f = binding.hasErrors() ? EventFilter.NONE : filter;
		model.addAttribute("filter", f);
		model.addAttribute("filterErrors", FormErrors.of(binding, messages, locale));
		model.addAttribute("result", events.list(f, PageSizes.page(page), PageSizes.forPage(size), true));
		model.addAttribute("kinds", List.of(EventKind.values()));
		model.addAttribute("units", units.all());
		model.addAttribute("canCreate", user.role().isEditor());
		return "activity/events";
	}

	@GetMapping(PAGE + "/ranking")
	@PreAuthorize(Security.Rules.INTERNAL)
	String ranking(@RequestParam(required = false) Integer year, @RequestParam(required = false) EventKind kind,
			Model model) {
		int y = year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() : year;
		model.addAttribute("year", y);
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", List.of(EventKind.values()));
		model.addAttribute("ranked", events.ranking(y, kind));
		return "activity/event-ranking";
	}

	@GetMapping(PAGE + "/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var e = events.get(id);
		model.addAttribute("e", e);
		model.addAttribute("canEdit", events.canEdit(e.row(), user));
		model.addAttribute("history", history.of(Events.RECORD, id));
		return "activity/event";
	}

	@GetMapping(PAGE + "/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String createForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		return form(model, user, null,
				EventForm.empty(user.unitId() == null ? null : user.unitId().value(), LocalDate.now(clock)),
				FormErrors.NONE);
	}

	@PostMapping(PAGE + "/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") EventForm form,
			BindingResult binding, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			var saved = events.create(input(form, binding), user);
			Flash.success(redirect, "flash.saved");
			return "redirect:" + PAGE + "/" + saved.row().id();
		}
		catch (InvalidInputException e) {
			return form(model, user, null, form, FormErrors.of(e, messages, locale));
		}
	}

	@GetMapping(PAGE + "/{id}/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var e = events.get(id);
		cn.zhaoshang.activity.event.Checks.requireEditable(scopes.of(user), e.row().organiserUnitId());
		return form(model, user, id, EventForm.of(e), FormErrors.NONE);
	}

	@PostMapping(PAGE + "/{id}/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("form") EventForm form, BindingResult binding, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			events.update(id, input(form, binding), user);
			Flash.success(redirect, "flash.saved");
			return "redirect:" + PAGE + "/" + id;
		}
		catch (InvalidInputException e) {
			return form(model, user, id, form, FormErrors.of(e, messages, locale));
		}
	}

	@PostMapping(PAGE + "/{id}/delete")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		events.delete(id, version, user);
		Flash.success(redirect, "flash.deleted");
		return "redirect:" + PAGE;
	}

	/** The form's text lists turned into ids; a name, number or code that names nothing is refused by its field. */
	private EventInput input(EventForm f, BindingResult binding) {
		List<Violation> problems = new ArrayList<>();
		binding.getFieldErrors().forEach(e -> problems.add(new Violation(e.getField(), "validation.invalidValue")));
		List<Long> merchantIds = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		for (String name : EventForm.words(f.merchantNames(), false)) {
			merchants.match(name, null).ifPresentOrElse(m -> merchantIds.add(m.id().value()), () -> unknown.add(name));
		}
		if (!unknown.isEmpty()) {
			problems.add(new Violation("merchantNames", "activity.rule.unknownNames", String.join("\u3001", unknown)));
		}
		List<Long> clueIds = new ArrayList<>();
		for (String n : EventForm.words(f.clueNumbers(), true)) {
			try {
				clueIds.add(Long.parseLong(n));
			}
			catch (NumberFormatException e) {
				problems.add(new Violation("clueNumbers", "activity.rule.unknownNames", n));
			}
		}
		List<String> codes = EventForm.words(f.projectCodes(), true);
		var found = projects.byCodes(codes);
		List<String> missing = codes.stream()
			.filter(c -> found.stream().noneMatch(p -> p.code().equalsIgnoreCase(c)))
			.toList();
		if (!missing.isEmpty()) {
			problems.add(new Violation("projectCodes", "activity.rule.unknownNames", String.join(", ", missing)));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new EventInput(f.kind(), f.name(), f.startDate(), f.endDate(), f.place(), f.onlineLink(),
				f.organiserUnitId(), f.participantUnitIds(), merchantIds, clueIds,
				found.stream().map(p -> p.id().value()).toList(), f.overview(), f.version());
	}

	private String form(Model model, CurrentUser user, Long id, EventForm form, FormErrors errors) {
		var scope = scopes.of(user);
		List<UnitSummary> all = units.all().stream().filter(UnitSummary::active).toList();
		model.addAttribute("id", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", List.of(EventKind.values()));
		model.addAttribute("organisers", all.stream().filter(u -> scope.canEdit(u.id())).toList());
		model.addAttribute("units", all);
		return "activity/event-form";
	}
}
