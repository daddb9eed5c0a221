package cn.zhaoshang.service.finance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.list.PageSizes;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

/**
 * The equity and financing pages: totals per unit, the stakes and the needs (filters, paging), the forms to record
 * them, a stake's page with its exit events and a need's page with the banks' offers and its status.
 */
@Controller
class FinanceController {

	static final String PAGE = "/finance";

	private final Finance finance;
	private final FinanceStore store;
	private final DataScopes scopes;
	private final Units units;
	private final RecordHistory history;
	private final MessageSource messages;
	private final Clock clock;

	FinanceController(Finance finance, FinanceStore store, DataScopes scopes, Units units, RecordHistory history,
			MessageSource messages, Clock clock) {
		this.finance = finance;
		this.store = store;
		this.scopes = scopes;
		this.units = units;
		this.history = history;
		this.messages = messages;
		this.clock = clock;
	}

	/** Equity and financing in the element guarantees group of the navigation. */
	@Configuration(proxyBeanMethods = false)
	static class Nav {

		@Bean
		NavItem navFinance() {
			return new NavItem("nav.group.projects", "nav.finance", PAGE, 730, Role.where(Role::isInternal));
		}
	}

	@GetMapping(PAGE)
	@PreAuthorize(Security.Rules.INTERNAL)
	String totals(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("totals", store.totals(scopes.of(user)));
		model.addAttribute("canCreate", Finance.editorRole(user));
		return "service/finance";
	}

	@GetMapping(PAGE + "/equity")
	@PreAuthorize(Security.Rules.INTERNAL)
	String stakes(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("filter") FinanceFilter filter,
			BindingResult binding, @RequestParam(defaultValue = "1") String page,
			@RequestParam(defaultValue = "20") String size, Model model, Locale locale) {
		FinanceFilter f = binding.hasErrors() ? FinanceFilter.none() : filter;
		model.addAttribute("result",
				store.stakes(f, scopes.of(user), PageSizes.page(page), PageSizes.forPage(size), true));
		listModel(user, f, binding, model, locale);
		return "service/equity-list";
	}

	@GetMapping(PAGE + "/needs")
	@PreAuthorize(Security.Rules.INTERNAL)
	String needs(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("filter") FinanceFilter filter,
			BindingResult binding, @RequestParam(defaultValue = "1") String page,
			@RequestParam(defaultValue = "20") String size, Model model, Locale locale) {
		FinanceFilter f = binding.hasErrors() ? FinanceFilter.none() : filter;
		model.addAttribute("result",
				store.needs(f, scopes.of(user), PageSizes.page(page), PageSizes.forPage(size), true));
		listModel(user, f, binding, model, locale);
		return "service/need-list";
	}

	// ---- stakes

	@GetMapping(PAGE + "/equity/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String newStake(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String project,
			Model model) {
		return stakeForm(user, model, new FinanceInputs.Stake(null, project, null, null, null, null,
				LocalDate.now(clock), null), FormErrors.NONE);
	}

	@PostMapping(PAGE + "/equity/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String createStake(@AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("form") FinanceInputs.Stake form, BindingResult binding, Model model,
			Locale locale, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return stakeForm(user, model, form, FormErrors.of(binding, messages, locale));
		}
		try {
			long id = finance.createStake(form, user);
			Flash.success(redirect, "finance.flash.stakeCreated");
			return "redirect:" + PAGE + "/equity/" + id;
		}
		catch (FieldException e) {
			return stakeForm(user, model, form, FormErrors.of(e, messages, locale));
		}
	}

	@GetMapping(PAGE + "/equity/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String stake(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return stakePage(id, user, model, null, FormErrors.NONE);
	}

	@PostMapping(PAGE + "/equity/{id}/events")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String addEvent(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("event") FinanceInputs.Event event, BindingResult binding, Model model,
			Locale locale, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return stakePage(id, user, model, event, FormErrors.of(binding, messages, locale));
		}
		finance.addEvent(id, event, user);
		Flash.success(redirect, "finance.flash.eventAdded");
		return "redirect:" + PAGE + "/equity/" + id;
	}

	private String stakePage(long id, CurrentUser user, Model model, FinanceInputs.Event event, FormErrors errors) {
		var s = finance.stake(id, user);
		model.addAttribute("s", s);
		model.addAttribute("canEdit", finance.canEdit(user, s.unitId()));
		model.addAttribute("event", event != null ? event
				: new FinanceInputs.Event(LocalDate.now(clock), null, null, null, s.version()));
		model.addAttribute("errors", errors);
		model.addAttribute("history", history.of(Finance.STAKE, id));
		return "service/equity";
	}

	@GetMapping(PAGE + "/equity/{id}/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String editStake(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var s = finance.stake(id, user);
		editable(s.unitId(), user);
		return editForm("s", s, new FinanceInputs.StakeEdit(s.vehicle(), s.amount(), s.sharePct(), s.investedOn(),
				s.exitPlan(), s.version()), FormErrors.NONE, model);
	}

	/** Changes a stake's facts at the version read: refused fields or another's change show the form again. */
	@PostMapping(PAGE + "/equity/{id}/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String updateStake(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("form") FinanceInputs.StakeEdit form, BindingResult binding, Model model,
			Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
		return saveEdit(binding, () -> finance.updateStake(id, form, user), PAGE + "/equity/" + id,
				errors -> editForm("s", finance.stake(id, user), form, errors, model), locale, redirect, response);
	}

	/** The edit form of a stake ({@code s}) or a need ({@code n}). */
	private String editForm(String name, Object record, Object form, FormErrors errors, Model model) {
		model.addAttribute(name, record);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return name.equals("s") ? "service/equity-edit" : "service/need-edit";
	}

	private String stakeForm(CurrentUser user, Model model, FinanceInputs.Stake form, FormErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("units", editableUnits(user));
		return "service/equity-form";
	}

	// ---- needs

	@GetMapping(PAGE + "/needs/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String newNeed(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String project,
			Model model) {
		return needForm(model, new FinanceInputs.Need(null, project, null, null), FormErrors.NONE);
	}

	@PostMapping(PAGE + "/needs/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String createNeed(@AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("form") FinanceInputs.Need form, BindingResult binding, Model model, Locale locale,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return needForm(model, form, FormErrors.of(binding, messages, locale));
		}
		try {
			long id = finance.createNeed(form, user);
			Flash.success(redirect, "finance.flash.needCreated");
			return "redirect:" + PAGE + "/needs/" + id;
		}
		catch (FieldException e) {
			return needForm(model, form, FormErrors.of(e, messages, locale));
		}
	}

	@GetMapping(PAGE + "/needs/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String need(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return needPage(id, user, model, null, FormErrors.NONE);
	}

	@PostMapping(PAGE + "/needs/{id}/offers")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String addOffer(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("offer") FinanceInputs.Offer offer, BindingResult binding, Model model,
			Locale locale, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return needPage(id, user, model, offer, FormErrors.of(binding, messages, locale));
		}
		finance.addOffer(id, offer, user);
		Flash.success(redirect, "finance.flash.offerAdded");
		return "redirect:" + PAGE + "/needs/" + id;
	}

	@PostMapping(PAGE + "/needs/{id}/status")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String setStatus(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, @RequestParam String status,
			@RequestParam int version, RedirectAttributes redirect) {
		NeedStatus to;
		try {
			to = NeedStatus.valueOf(status);
		}
		catch (IllegalArgumentException e) {
			throw new BusinessException(400, "site.rule.status");
		}
		finance.setStatus(id, to, version, user);
		Flash.success(redirect, "site.flash.saved");
		return "redirect:" + PAGE + "/needs/" + id;
	}

	@GetMapping(PAGE + "/needs/{id}/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String editNeed(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var n = finance.need(id, user);
		editable(n.unitId(), user);
		return editForm("n", n, new FinanceInputs.NeedEdit(n.amount(), n.purpose(), n.version()), FormErrors.NONE,
				model);
	}

	/** Changes a need's amount and purpose at the version read: refused fields or another's change show the form. */
	@PostMapping(PAGE + "/needs/{id}/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String updateNeed(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("form") FinanceInputs.NeedEdit form, BindingResult binding, Model model,
			Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
		return saveEdit(binding, () -> finance.updateNeed(id, form, user), PAGE + "/needs/" + id,
				errors -> editForm("n", finance.need(id, user), form, errors, model), locale, redirect, response);
	}

	private String needPage(long id, CurrentUser user, Model model, FinanceInputs.Offer offer, FormErrors errors) {
		var n = finance.need(id, user);
		model.addAttribute("n", n);
		model.addAttribute("canEdit", finance.canEdit(user, n.unitId()));
		model.addAttribute("offer", offer != null ? offer
				: new FinanceInputs.Offer(null, null, null, null, LocalDate.now(clock), null, n.version()));
		model.addAttribute("errors", errors);
		model.addAttribute("history", history.of(Finance.NEED, id));
		return "service/need";
	}

	private String needForm(Model model, FinanceInputs.Need form, FormErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "service/need-form";
	}

	// ---- helpers

	/** 403 unless the user may change the unit's records. */
	private void editable(long unitId, CurrentUser user) {
		if (!finance.canEdit(user, unitId)) {
			throw new BusinessException(403, "error.forbidden");
		}
	}

	/**
	 * Saves an edit form: refused fields show the form again naming each field and its rule, a change made by
	 * someone else since the form was read shows it again (409) saying so; saved, back to the record's page.
	 */
	private String saveEdit(BindingResult binding, Runnable save, String record, Function<FormErrors, String> form,
			Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
		FormErrors errors = binding.hasErrors() ? FormErrors.of(binding, messages, locale) : FormErrors.NONE;
		if (errors.any()) {
			return form.apply(errors);
		}
		try {
			save.run();
		}
		catch (FieldException e) {
			return form.apply(FormErrors.of(e, messages, locale));
		}
		catch (OptimisticLockingFailureException e) {
			response.setStatus(409);
			return form.apply(FormErrors.NONE.with(Map.of("version", messages.getMessage("error.conflict", null,
					locale))));
		}
		Flash.success(redirect, "site.flash.saved");
		return "redirect:" + record;
	}

	private void listModel(CurrentUser user, FinanceFilter f, BindingResult binding, Model model, Locale locale) {
		model.addAttribute("filter", f);
		model.addAttribute("errors", binding.hasErrors() ? FormErrors.of(binding, messages, locale) : FormErrors.NONE);
		model.addAttribute("units", units.all().stream().filter(UnitSummary::active).toList());
		model.addAttribute("canCreate", Finance.editorRole(user));
	}

	private List<UnitSummary> editableUnits(CurrentUser user) {
		var scope = scopes.of(user);
		return units.all().stream().filter(u -> u.active() && scope.canEdit(u.id())).toList();
	}
}
