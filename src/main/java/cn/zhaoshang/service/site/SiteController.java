package cn.zhaoshang.service.site;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.list.PageSizes;
import cn.zhaoshang.platform.web.Downloads;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;

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
 * The pages of land parcels and factories: lists with filters, sorting, paging and export; the forms to register
 * and change; a record's page with its reservation and history; the stock per unit with "land waits for projects".
 */
@Controller
class SiteController {

	static final String LAND = "/sites/land";

	static final String FACTORIES = "/sites/factories";

	static final String STOCK = "/sites/stock";

	private final Sites sites;
	private final SiteStore store;
	private final SiteStockQueries stock;
	private final SiteExport export;
	private final DataScopes scopes;
	private final Units units;
	private final Chains chains;
	private final RecordHistory history;
	private final MessageSource messages;

	SiteController(Sites sites, SiteStore store, SiteStockQueries stock, SiteExport export, DataScopes scopes,
			Units units, Chains chains, RecordHistory history, MessageSource messages) {
		this.sites = sites;
		this.store = store;
		this.stock = stock;
		this.export = export;
		this.scopes = scopes;
		this.units = units;
		this.chains = chains;
		this.history = history;
		this.messages = messages;
	}

	// ---- land parcels

	@GetMapping(LAND)
	@PreAuthorize(Security.Rules.INTERNAL)
	String parcels(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("filter") SiteFilter filter,
			BindingResult binding, @RequestParam(defaultValue = "1") String page,
			@RequestParam(defaultValue = "20") String size, Model model, Locale locale) {
		SiteFilter f = binding.hasErrors() ? SiteFilter.none() : filter;
		model.addAttribute("result",
				store.parcels(f, scopes.of(user), PageSizes.page(page), PageSizes.forPage(size), true));
		listModel(user, f, binding, model, locale);
		return "service/land-list";
	}

	@GetMapping(LAND + "/export.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	void exportParcels(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("filter") SiteFilter filter,
			BindingResult binding, Locale locale, HttpServletResponse response) throws IOException {
		SiteFilter f = binding.hasErrors() ? SiteFilter.none() : filter;
		Downloads.xlsx(response, export.fileName("site.export.landFile", locale),
				export.fileName("site.export.landFile", Locale.ENGLISH));
		export.parcels(f, scopes.of(user), response.getOutputStream());
	}

	@GetMapping(LAND + "/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String newParcel(@AuthenticationPrincipal CurrentUser user, Model model) {
		return parcelForm(user, model, ParcelInput.empty(user.unitId() == null ? null : user.unitId().value()), null,
				FormErrors.NONE);
	}

	@PostMapping(LAND + "/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String createParcel(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") ParcelInput form,
			BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return parcelForm(user, model, form, null, FormErrors.of(binding, messages, locale));
		}
		try {
			long id = sites.createParcel(form, user);
			Flash.success(redirect, "site.flash.parcelCreated");
			return "redirect:" + LAND + "/" + id;
		}
		catch (FieldException e) {
			return parcelForm(user, model, form, null, FormErrors.of(e, messages, locale));
		}
	}

	@GetMapping(LAND + "/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String parcel(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		LandParcel p = sites.parcel(id, user);
		model.addAttribute("p", p);
		model.addAttribute("canEdit", sites.canEdit(user, p.unitId()));
		model.addAttribute("chainNames", chains.names(english(user)));
		model.addAttribute("history", history.of(Sites.PARCEL, id));
		return "service/land";
	}

	@GetMapping(LAND + "/{id}/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String editParcel(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		LandParcel p = sites.parcel(id, user);
		if (!sites.canEdit(user, p.unitId())) {
			throw new BusinessException(403, "error.forbidden");
		}
		return parcelForm(user, model, ParcelInput.of(p), id, FormErrors.NONE);
	}

	@PostMapping(LAND + "/{id}/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String updateParcel(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("form") ParcelInput form, BindingResult binding, Model model, Locale locale,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return parcelForm(user, model, form, id, FormErrors.of(binding, messages, locale));
		}
		try {
			sites.updateParcel(id, SiteApiController.version(form.version()), form, user);
			Flash.success(redirect, "site.flash.saved");
			return "redirect:" + LAND + "/" + id;
		}
		catch (FieldException e) {
			return parcelForm(user, model, form, id, FormErrors.of(e, messages, locale));
		}
	}

	/** Reserves the parcel for a project (from the project page's matches); back to where the user came from. */
	@PostMapping(LAND + "/{id}/reserve")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String reserveParcel(@PathVariable long id, @RequestParam long projectId, @RequestParam int version,
			@RequestParam(required = false) String back, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		sites.reserveParcel(id, version, projectId, user);
		Flash.success(redirect, "site.flash.reserved");
		return "redirect:" + back(back, LAND + "/" + id);
	}

	@PostMapping(LAND + "/{id}/release")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String releaseParcel(@PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String back, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		sites.releaseParcel(id, version, user);
		Flash.success(redirect, "site.flash.released");
		return "redirect:" + back(back, LAND + "/" + id);
	}

	@PostMapping(LAND + "/{id}/status")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String moveParcel(@PathVariable long id, @RequestParam String status, @RequestParam int version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		sites.advanceParcel(id, version, SiteStore.parse(ParcelStatus.class, status), user);
		Flash.success(redirect, "site.flash.saved");
		return "redirect:" + LAND + "/" + id;
	}

	private String parcelForm(CurrentUser user, Model model, ParcelInput form, Long id, FormErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("id", id);
		model.addAttribute("errors", errors);
		model.addAttribute("units", editableUnits(user));
		model.addAttribute("chains", chains.all().stream().filter(c -> c.active()).toList());
		return "service/land-form";
	}

	// ---- factories

	@GetMapping(FACTORIES)
	@PreAuthorize(Security.Rules.INTERNAL)
	String factories(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("filter") SiteFilter filter,
			BindingResult binding, @RequestParam(defaultValue = "1") String page,
			@RequestParam(defaultValue = "20") String size, Model model, Locale locale) {
		SiteFilter f = binding.hasErrors() ? SiteFilter.none() : filter;
		model.addAttribute("result",
				store.factories(f, scopes.of(user), PageSizes.page(page), PageSizes.forPage(size), true));
		listModel(user, f, binding, model, locale);
		return "service/factory-list";
	}

	@GetMapping(FACTORIES + "/export.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	void exportFactories(@AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("filter") SiteFilter filter, BindingResult binding, Locale locale,
			HttpServletResponse response) throws IOException {
		SiteFilter f = binding.hasErrors() ? SiteFilter.none() : filter;
		Downloads.xlsx(response, export.fileName("site.export.factoryFile", locale),
				export.fileName("site.export.factoryFile", Locale.ENGLISH));
		export.factories(f, scopes.of(user), response.getOutputStream());
	}

	@GetMapping(FACTORIES + "/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String newFactory(@AuthenticationPrincipal CurrentUser user, Model model) {
		return factoryForm(user, model, FactoryInput.empty(user.unitId() == null ? null : user.unitId().value()),
				null, FormErrors.NONE);
	}

	@PostMapping(FACTORIES + "/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String createFactory(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") FactoryInput form,
			BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return factoryForm(user, model, form, null, FormErrors.of(binding, messages, locale));
		}
		try {
			long id = sites.createFactory(form, user);
			Flash.success(redirect, "site.flash.factoryCreated");
			return "redirect:" + FACTORIES + "/" + id;
		}
		catch (FieldException e) {
			return factoryForm(user, model, form, null, FormErrors.of(e, messages, locale));
		}
	}

	@GetMapping(FACTORIES + "/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String factory(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Factory f = sites.factory(id, user);
		model.addAttribute("f", f);
		model.addAttribute("canEdit", sites.canEdit(user, f.unitId()));
		model.addAttribute("history", history.of(Sites.FACTORY, id));
		return "service/factory";
	}

	@GetMapping(FACTORIES + "/{id}/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String editFactory(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Factory f = sites.factory(id, user);
		if (!sites.canEdit(user, f.unitId())) {
			throw new BusinessException(403, "error.forbidden");
		}
		return factoryForm(user, model, FactoryInput.of(f), id, FormErrors.NONE);
	}

	@PostMapping(FACTORIES + "/{id}/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String updateFactory(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("form") FactoryInput form, BindingResult binding, Model model, Locale locale,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return factoryForm(user, model, form, id, FormErrors.of(binding, messages, locale));
		}
		try {
			sites.updateFactory(id, SiteApiController.version(form.version()), form, user);
			Flash.success(redirect, "site.flash.saved");
			return "redirect:" + FACTORIES + "/" + id;
		}
		catch (FieldException e) {
			return factoryForm(user, model, form, id, FormErrors.of(e, messages, locale));
		}
	}

	@PostMapping(FACTORIES + "/{id}/reserve")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String reserveFactory(@PathVariable long id, @RequestParam long projectId, @RequestParam int version,
			@RequestParam(required = false) String back, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		sites.reserveFactory(id, version, projectId, user);
		Flash.success(redirect, "site.flash.reserved");
		return "redirect:" + back(back, FACTORIES + "/" + id);
	}

	@PostMapping(FACTORIES + "/{id}/release")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String releaseFactory(@PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String back, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		sites.releaseFactory(id, version, user);
		Flash.success(redirect, "site.flash.released");
		return "redirect:" + back(back, FACTORIES + "/" + id);
	}

	@PostMapping(FACTORIES + "/{id}/status")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String moveFactory(@PathVariable long id, @RequestParam String status, @RequestParam int version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		sites.advanceFactory(id, version, SiteStore.parse(FactoryStatus.class, status), user);
		Flash.success(redirect, "site.flash.saved");
		return "redirect:" + FACTORIES + "/" + id;
	}

	private String factoryForm(CurrentUser user, Model model, FactoryInput form, Long id, FormErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("id", id);
		model.addAttribute("errors", errors);
		model.addAttribute("units", editableUnits(user));
		return "service/factory-form";
	}

	// ---- stock and land waits

	@GetMapping(STOCK)
	@PreAuthorize(Security.Rules.INTERNAL)
	String stock(Model model) {
		model.addAttribute("waits", stock.landWaits());
		return "service/stock";
	}

	// ---- helpers

	private void listModel(CurrentUser user, SiteFilter f, BindingResult binding, Model model, Locale locale) {
		model.addAttribute("filter", f);
		model.addAttribute("errors", binding.hasErrors() ? FormErrors.of(binding, messages, locale) : FormErrors.NONE);
		model.addAttribute("units", units.all().stream().filter(UnitSummary::active).toList());
		model.addAttribute("canCreate", Sites.editorRole(user));
	}

	private List<UnitSummary> editableUnits(CurrentUser user) {
		var scope = scopes.of(user);
		return units.all().stream().filter(u -> u.active() && scope.canEdit(u.id())).toList();
	}

	private static boolean english(CurrentUser user) {
		return org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage().equals("en");
	}

	/** Only a path of this application (never another site) to go back to. */
	static String back(String back, String fallback) {
		return back != null && back.startsWith("/") && !back.startsWith("//") ? back : fallback;
	}
}
