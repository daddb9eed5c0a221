package cn.zhaoshang.merchant.web;

import java.util.List;
import java.util.Locale;

import cn.zhaoshang.merchant.EnterpriseSize;
import cn.zhaoshang.merchant.EnterpriseType;
import cn.zhaoshang.merchant.SourceTag;
import cn.zhaoshang.merchant.internal.MerchantFilter;
import cn.zhaoshang.merchant.internal.MerchantQueries;
import cn.zhaoshang.merchant.internal.MerchantRecord;
import cn.zhaoshang.merchant.internal.EditMerchant;
import cn.zhaoshang.merchant.internal.MerchantRegistry;
import cn.zhaoshang.merchant.internal.RegisterMerchant;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;
import cn.zhaoshang.platform.list.PageSizes;

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
 * The enterprise list, an enterprise's page and its create/edit form. Every internal role reads (intermediaries
 * never); the four editing roles create; the registering unit's users, the city bureau and administrators edit
 * (checked by {@link MerchantRegistry}, else 403). A duplicate is refused with the matching records shown.
 */
@Controller
class MerchantController {

	private final MerchantRegistry registry;
	private final RegisterMerchant register;
	private final EditMerchant edit;
	private final MerchantQueries queries;
	private final MerchantPages pages;
	private final MessageSource messages;

	MerchantController(MerchantRegistry registry, RegisterMerchant register, EditMerchant edit,
			MerchantQueries queries, MerchantPages pages,
			MessageSource messages) {
		this.registry = registry;
		this.register = register;
		this.edit = edit;
		this.queries = queries;
		this.pages = pages;
		this.messages = messages;
	}

	@InitBinder("form")
	void binder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/merchants")
	@PreAuthorize(Security.Rules.INTERNAL)
	String list(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") MerchantFilter filter,
			BindingResult binding, @RequestParam(defaultValue = "1") String page,
			@RequestParam(defaultValue = "20") String size, Model model) {
		// a malformed filter value (type=FOO) is ignored rather than refused: the list shows everything else
		MerchantFilter f = binding.hasErrors() ? MerchantFilter.NONE : filter;
		var result = queries.list(f, PageSizes.page(page), PageSizes.forPage(size), MerchantPages.english());
		model.addAttribute("filter", f);
		model.addAttribute("paging", result);
		model.addAttribute("types", List.of(EnterpriseType.values()));
		model.addAttribute("tags", List.of(SourceTag.values()));
		model.addAttribute("chains", pages.chains());
		model.addAttribute("units", pages.units());
		model.addAttribute("canCreate", MerchantRegistry.canCreate(user));
		return "merchant/list";
	}

	@GetMapping("/merchants/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		return pages.detail(id, user, model);
	}

	@GetMapping("/merchants/new")
	@PreAuthorize(Security.Rules.MERCHANT_EDITOR)
	String createForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		var units = pages.registeringUnits(user);
		Long own = user.unitId() == null ? null : user.unitId().value();
		Long unit = units.stream().anyMatch(u -> own != null && u.id() == own) ? own
				: units.size() == 1 ? units.get(0).id() : null;
		return form(user, model, null, MerchantForm.empty(unit), FormErrors.NONE, List.of(), false);
	}

	@PostMapping("/merchants/new")
	@PreAuthorize(Security.Rules.MERCHANT_EDITOR)
	String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") MerchantForm form,
			BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(user, model, null, form, FormErrors.of(binding, messages, locale), List.of(), false);
		}
		try {
			long id = register.execute(form.toInput(), user);
			Flash.success(redirect, "merchant.flash.created");
			return "redirect:/merchants/" + id;
		}
		catch (MerchantRegistry.Duplicate e) {
			return form(user, model, null, form, FormErrors.NONE, e.candidates(), false);
		}
		catch (InvalidInputException e) {
			return form(user, model, null, form, FormErrors.of(e, messages, locale), List.of(), false);
		}
	}

	@GetMapping("/merchants/{id}/edit")
	@PreAuthorize(Security.Rules.MERCHANT_EDITOR)
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		MerchantRecord r = editable(id, user);
		return form(user, model, id, MerchantForm.of(r), FormErrors.NONE, List.of(), false);
	}

	@PostMapping("/merchants/{id}/edit")
	@PreAuthorize(Security.Rules.MERCHANT_EDITOR)
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("form") MerchantForm form, BindingResult binding, Model model, Locale locale,
			RedirectAttributes redirect) {
		editable(id, user);
		if (binding.hasErrors()) {
			return form(user, model, id, form, FormErrors.of(binding, messages, locale), List.of(), false);
		}
		try {
			edit.execute(id, form.toInput(), user);
			Flash.success(redirect, "flash.saved");
			return "redirect:/merchants/" + id;
		}
		catch (MerchantRegistry.Duplicate e) {
			return form(user, model, id, form, FormErrors.NONE, e.candidates(), false);
		}
		catch (InvalidInputException e) {
			return form(user, model, id, form, FormErrors.of(e, messages, locale), List.of(), false);
		}
		catch (OptimisticLockingFailureException e) {
			// Someone saved in between: nothing of this submission is stored. The form keeps what this user typed
			// and now carries the current version, so a deliberate second save replaces the other change.
			form.setVersion(registry.get(id).version());
			return form(user, model, id, form, FormErrors.NONE, List.of(), true);
		}
	}

	private MerchantRecord editable(long id, CurrentUser user) {
		MerchantRecord r = registry.get(id);
		if (!registry.canEdit(r, user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		return r;
	}

	private String form(CurrentUser user, Model model, Long id, MerchantForm form, FormErrors errors,
			List<MerchantRegistry.Candidate> candidates, boolean conflict) {
		form.padContacts();
		model.addAttribute("merchantId", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("candidates", candidates);
		model.addAttribute("conflict", conflict);
		model.addAttribute("types", List.of(EnterpriseType.values()));
		model.addAttribute("sizes", List.of(EnterpriseSize.values()));
		model.addAttribute("tags", List.of(SourceTag.values()));
		model.addAttribute("chains", pages.chains());
		model.addAttribute("units", pages.registeringUnits(user));
		return "merchant/form";
	}
}
