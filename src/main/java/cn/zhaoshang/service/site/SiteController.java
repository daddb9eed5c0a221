package cn.zhaoshang.service.site;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
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

	// ---- land parcels and factories: one code path, the kind from the address

	@GetMapping({ LAND, FACTORIES })
	@PreAuthorize(Security.Rules.INTERNAL)
	String list(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("filter") SiteFilter filter,
			BindingResult binding, @RequestParam(defaultValue = "1") String page,
			@RequestParam(defaultValue = "20") String size, Model model, Locale locale, HttpServletRequest request) {
		SiteKind kind = SiteKind.of(request);
		SiteFilter f = binding.hasErrors() ? SiteFilter.none() : filter;
		model.addAttribute("result",
				store.list(kind, f, scopes.of(user), PageSizes.page(page), PageSizes.forPage(size), true));
		model.addAttribute("filter", f);
		model.addAttribute("errors", binding.hasErrors() ? FormErrors.of(binding, messages, locale) : FormErrors.NONE);
		model.addAttribute("units", units.all().stream().filter(UnitSummary::active).toList());
		model.addAttribute("canCreate", Sites.editorRole(user));
		return "service/" + kind.page() + "-list";
	}

	@GetMapping({ LAND + "/export.xlsx", FACTORIES + "/export.xlsx" })
	@PreAuthorize(Security.Rules.INTERNAL)
	void export(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("filter") SiteFilter filter,
			BindingResult binding, Locale locale, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		SiteKind kind = SiteKind.of(request);
		SiteFilter f = binding.hasErrors() ? SiteFilter.none() : filter;
		Downloads.xlsx(response, export.fileName(kind.exportFileKey(), locale),
				export.fileName(kind.exportFileKey(), Locale.ENGLISH));
		export.write(kind, f, scopes.of(user), response.getOutputStream());
	}

	@GetMapping({ LAND + "/new", FACTORIES + "/new" })
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String create(@AuthenticationPrincipal CurrentUser user, Model model, HttpServletRequest request) {
		SiteKind kind = SiteKind.of(request);
		Long unit = user.unitId() == null ? null : user.unitId().value();
		return form(kind, user, model, kind == SiteKind.LAND ? ParcelInput.empty(unit) : FactoryInput.empty(unit),
				null, FormErrors.NONE);
	}

	@GetMapping({ LAND + "/{id}", FACTORIES + "/{id}" })
	@PreAuthorize(Security.Rules.INTERNAL)
	String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletRequest request) {
		SiteKind kind = SiteKind.of(request);
		Site site = sites.read(kind, id, user);
		model.addAttribute(kind.recordName(), site);
		model.addAttribute("canEdit", sites.canEdit(user, site.unitId()));
		model.addAttribute("chainNames", chains.names(english(user)));
		model.addAttribute("history", history.of(kind.auditEntity(), id));
		return "service/" + kind.page();
	}

	@GetMapping({ LAND + "/{id}/edit", FACTORIES + "/{id}/edit" })
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletRequest request) {
		SiteKind kind = SiteKind.of(request);
		Site site = sites.read(kind, id, user);
		if (!sites.canEdit(user, site.unitId())) {
			throw new BusinessException(403, "error.forbidden");
		}
		SiteInput form = site instanceof LandParcel p ? ParcelInput.of(p) : FactoryInput.of((Factory) site);
		return form(kind, user, model, form, id, FormErrors.NONE);
	}

	/** The land form, registering (no id) or changing a parcel. */
	@PostMapping({ LAND + "/new", LAND + "/{id}/edit" })
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String saveParcel(@PathVariable(required = false) Long id, @Valid @ModelAttribute("form") ParcelInput form,
			BindingResult binding, @AuthenticationPrincipal CurrentUser user, Model model, Locale locale,
			RedirectAttributes redirect) {
		return save(SiteKind.LAND, id, form, binding, user, model, locale, redirect);
	}

	/** The factory form, registering (no id) or changing a factory. */
	@PostMapping({ FACTORIES + "/new", FACTORIES + "/{id}/edit" })
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String saveFactory(@PathVariable(required = false) Long id, @Valid @ModelAttribute("form") FactoryInput form,
			BindingResult binding, @AuthenticationPrincipal CurrentUser user, Model model, Locale locale,
			RedirectAttributes redirect) {
		return save(SiteKind.FACTORY, id, form, binding, user, model, locale, redirect);
	}

	private String save(SiteKind kind, Long id, SiteInput form, BindingResult binding, CurrentUser user, Model model,
			Locale locale, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(kind, user, model, form, id, FormErrors.of(binding, messages, locale));
		}
		try {
			if (id == null) {
				long created = sites.create(kind, form, user);
				Flash.success(redirect, kind.createdFlash());
				return "redirect:" + kind.path() + "/" + created;
			}
			sites.update(kind, id, SiteApiController.version(form.version()), form, user);
			Flash.success(redirect, "site.flash.saved");
			return "redirect:" + kind.path() + "/" + id;
		}
		catch (FieldException e) {
			return form(kind, user, model, form, id, FormErrors.of(e, messages, locale));
		}
	}

	/** Reserves one for a project (from the project page's matches); back to where the user came from. */
	@PostMapping({ LAND + "/{id}/reserve", FACTORIES + "/{id}/reserve" })
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String reserve(@PathVariable long id, @RequestParam long projectId, @RequestParam int version,
			@RequestParam(required = false) String back, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect, HttpServletRequest request) {
		SiteKind kind = SiteKind.of(request);
		sites.reserve(kind, id, version, projectId, user);
		Flash.success(redirect, "site.flash.reserved");
		return "redirect:" + back(back, kind.path() + "/" + id);
	}

	@PostMapping({ LAND + "/{id}/release", FACTORIES + "/{id}/release" })
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String release(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String back,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, HttpServletRequest request) {
		SiteKind kind = SiteKind.of(request);
		sites.release(kind, id, version, user);
		Flash.success(redirect, "site.flash.released");
		return "redirect:" + back(back, kind.path() + "/" + id);
	}

	@PostMapping({ LAND + "/{id}/status", FACTORIES + "/{id}/status" })
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String move(@PathVariable long id, @RequestParam String status, @RequestParam int version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect, HttpServletRequest request) {
		SiteKind kind = SiteKind.of(request);
		sites.advance(kind, id, version, status, user);
		Flash.success(redirect, "site.flash.saved");
		return "redirect:" + kind.path() + "/" + id;
	}

	private String form(SiteKind kind, CurrentUser user, Model model, SiteInput form, Long id, FormErrors errors) {
		var scope = scopes.of(user);
		model.addAttribute("form", form);
		model.addAttribute("id", id);
		model.addAttribute("errors", errors);
		model.addAttribute("units", units.all().stream().filter(u -> u.active() && scope.canEdit(u.id())).toList());
		model.addAttribute("chains", chains.all().stream().filter(c -> c.active()).toList());
		return "service/" + kind.page() + "-form";
	}

	// ---- stock and land waits

	@GetMapping(STOCK)
	@PreAuthorize(Security.Rules.INTERNAL)
	String stock(Model model) {
		model.addAttribute("waits", stock.landWaits());
		return "service/stock";
	}

	// ---- helpers

	private static boolean english(CurrentUser user) {
		return org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage().equals("en");
	}

	/** Only a path of this application (never another site) to go back to. */
	static String back(String back, String fallback) {
		return back != null && back.startsWith("/") && !back.startsWith("//") ? back : fallback;
	}
}
