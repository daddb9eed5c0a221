package cn.zhaoshang.chain.catalog;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitSummary;
import cn.zhaoshang.platform.list.PageSizes;
import cn.zhaoshang.platform.web.Downloads;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
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
 * The catalog's internal pages: the list with filters, sort, paging and export; the form (create and edit); the
 * detail page with the photos, the inquiries received and the status actions (publish, match, withdraw).
 */
@Controller
class CatalogController {

	private final CatalogQueries queries;
	private final CatalogWrites writes;
	private final CatalogExport export;
	private final CatalogPhotos photos;
	private final Chains chains;
	private final UnitDirectory units;
	private final DataScopes scopes;
	private final RecordHistory history;
	private final MessageSource messages;

	CatalogController(CatalogQueries queries, CatalogWrites writes, CatalogExport export, CatalogPhotos photos,
			Chains chains, UnitDirectory units, DataScopes scopes, RecordHistory history, MessageSource messages) {
		this.queries = queries;
		this.writes = writes;
		this.export = export;
		this.photos = photos;
		this.chains = chains;
		this.units = units;
		this.scopes = scopes;
		this.history = history;
		this.messages = messages;
	}

	@GetMapping("/catalog-projects")
	@PreAuthorize(Security.Rules.INTERNAL)
	String list(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("filter") CatalogFilter filter,
			BindingResult binding, @RequestParam(defaultValue = "1") String page,
			@RequestParam(defaultValue = "20") String size, Model model, Locale locale) {
		CatalogFilter f = binding.hasErrors() ? CatalogFilter.none() : filter;
		model.addAttribute("filter", f);
		model.addAttribute("errors", binding.hasErrors() ? FormErrors.of(binding, messages, locale) : FormErrors.NONE);
		model.addAttribute("result",
				queries.list(f, scopes.of(user), PageSizes.page(page), PageSizes.forPage(size), true));
		model.addAttribute("chains", chains.all());
		model.addAttribute("units", units.all());
		model.addAttribute("canCreate", CatalogWrites.editorRole(user));
		return "catalog/list";
	}

	@GetMapping("/catalog-projects/export.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	void export(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("filter") CatalogFilter filter,
			BindingResult binding, Locale locale, HttpServletResponse response) throws IOException {
		CatalogFilter f = binding.hasErrors() ? CatalogFilter.none() : filter;
		Downloads.xlsx(response, export.fileName(locale), export.fileName(Locale.ENGLISH));
		export.write(f, scopes.of(user), response.getOutputStream());
	}

	@GetMapping("/catalog-projects/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String createForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		Long unit = user.unitId() == null ? null : user.unitId().value();
		return form(model, null, CatalogDetails.empty(unit), FormErrors.NONE, user);
	}

	@PostMapping("/catalog-projects/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") CatalogDetails form,
			BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(model, null, form, FormErrors.of(binding, messages, locale), user);
		}
		try {
			long id = writes.create(form, user).id();
			Flash.success(redirect, "flash.saved");
			return "redirect:/catalog-projects/" + id;
		}
		catch (FieldException e) {
			return form(model, null, form, FormErrors.of(e, messages, locale), user);
		}
	}

	@GetMapping("/catalog-projects/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		return detailPage(user, id, FormErrors.NONE, model);
	}

	private String detailPage(CurrentUser user, long id, FormErrors errors, Model model) {
		var row = queries.find(id, scopes.of(user)).orElseThrow(NotFoundException::new);
		model.addAttribute("p", row);
		model.addAttribute("photos", photos.of(id));
		model.addAttribute("inquiries", queries.inquiries(id));
		model.addAttribute("canEdit", CatalogWrites.editorRole(user) && scopes.of(user).canEdit(
				cn.zhaoshang.platform.UnitId.of(row.unitId())));
		model.addAttribute("history", history.of("catalog", String.valueOf(id)));
		model.addAttribute("errors", errors);
		return "catalog/detail";
	}

	@GetMapping("/catalog-projects/{id}/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		var row = queries.find(id, scopes.of(user)).orElseThrow(NotFoundException::new);
		if (!scopes.of(user).canEdit(cn.zhaoshang.platform.UnitId.of(row.unitId()))) {
			throw new BusinessException(403, "error.forbidden");
		}
		return form(model, id, row.details(), FormErrors.NONE, user);
	}

	@PostMapping("/catalog-projects/{id}/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") CatalogDetails form, BindingResult binding, Model model, Locale locale,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(model, id, form, FormErrors.of(binding, messages, locale), user);
		}
		try {
			writes.edit(id, form, user);
			Flash.success(redirect, "flash.saved");
			return "redirect:/catalog-projects/" + id;
		}
		catch (FieldException e) {
			return form(model, id, form, FormErrors.of(e, messages, locale), user);
		}
	}

	@PostMapping("/catalog-projects/{id}/publish")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String publish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		writes.publish(id, version, user);
		Flash.success(redirect, "catalog.flash.published");
		return "redirect:/catalog-projects/" + id;
	}

	@PostMapping("/catalog-projects/{id}/match")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String match(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Long matchedClueId, @RequestParam(required = false) Long matchedProjectId,
			@RequestParam(required = false) Integer version, Model model, Locale locale,
			RedirectAttributes redirect) {
		try {
			writes.match(id, matchedClueId, matchedProjectId, version, user);
		}
		catch (FieldException e) {
			return detailPage(user, id, FormErrors.of(e, messages, locale), model);
		}
		Flash.success(redirect, "catalog.flash.matched");
		return "redirect:/catalog-projects/" + id;
	}

	@PostMapping("/catalog-projects/{id}/withdraw")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Integer version,
			Model model, Locale locale, RedirectAttributes redirect) {
		try {
			writes.withdraw(id, reason, version, user);
		}
		catch (FieldException e) {
			return detailPage(user, id, FormErrors.of(e, messages, locale), model);
		}
		Flash.success(redirect, "catalog.flash.withdrawn");
		return "redirect:/catalog-projects/" + id;
	}

	@PostMapping("/catalog-projects/{id}/photos")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String upload(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		if (file == null || file.isEmpty()) {
			throw new FieldException("file", "validation.required");
		}
		photos.upload(id, file.getOriginalFilename(), file.getBytes(), user);
		Flash.success(redirect, "catalog.flash.photoAdded");
		return "redirect:/catalog-projects/" + id;
	}

	@GetMapping("/catalog-projects/{id}/photos/{documentId}")
	@PreAuthorize(Security.Rules.INTERNAL)
	ResponseEntity<byte[]> photo(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long documentId) {
		queries.find(id, scopes.of(user)).orElseThrow(NotFoundException::new);
		return photos.serve(id, documentId);
	}

	private String form(Model model, Long id, CatalogDetails form, FormErrors errors, CurrentUser user) {
		model.addAttribute("id", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("chains", chains.all());
		var scope = scopes.of(user);
		model.addAttribute("units", units.all()
			.stream()
			.filter(UnitSummary::active)
			.filter(u -> scope.canEdit(u.id()))
			.toList());
		model.addAttribute("forms", InvestmentForm.values());
		return "catalog/form";
	}
}
