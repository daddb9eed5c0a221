package cn.zhaoshang.chain.catalog;

import java.util.Locale;

import jakarta.validation.Valid;

import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.PublicForm;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.list.PageSizes;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * The public, sign-in-free catalog (DESIGN §6a, ADR 0016): the list of published projects searchable by text, chain
 * and unit, a project's page with its photos and the inquiry form (CSRF-protected, guarded by the public-form
 * guard). Shows only published projects and their public fields; never a person.
 */
@Controller
class PublicCatalogController {

	static final String FORM = "catalog-inquiry";

	private final CatalogQueries queries;
	private final CatalogInquiries inquiries;
	private final CatalogPhotos photos;
	private final Chains chains;
	private final MessageSource messages;

	PublicCatalogController(CatalogQueries queries, CatalogInquiries inquiries, CatalogPhotos photos, Chains chains,
			MessageSource messages) {
		this.queries = queries;
		this.inquiries = inquiries;
		this.photos = photos;
		this.chains = chains;
		this.messages = messages;
	}

	@GetMapping("/catalog")
	@PreAuthorize(Security.Rules.PUBLIC)
	String list(@Valid @ModelAttribute("filter") CatalogFilter filter, BindingResult binding,
			@RequestParam(defaultValue = "1") String page, Model model) {
		CatalogFilter f = binding.hasErrors() ? CatalogFilter.none() : filter;
		model.addAttribute("filter", f);
		model.addAttribute("result", queries.published(f, PageSizes.page(page), 12));
		model.addAttribute("chains", chains.all());
		model.addAttribute("units", queries.publishingUnits());
		return "catalog/public-list";
	}

	@GetMapping("/catalog/{id}")
	@PreAuthorize(Security.Rules.PUBLIC)
	String detail(@PathVariable long id, Model model) {
		return page(id, InquiryForm.empty(), FormErrors.NONE, model);
	}

	@PostMapping("/catalog/{id}/inquiry")
	@PreAuthorize(Security.Rules.PUBLIC)
	@PublicForm(FORM)
	String inquire(@PathVariable long id, @Valid @ModelAttribute("form") InquiryForm form, BindingResult binding,
			Model model, Locale locale, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return page(id, form, FormErrors.of(binding, messages, locale), model);
		}
		inquiries.receive(id, form);
		Flash.success(redirect, "catalog.public.sent");
		return "redirect:/catalog/" + id + "#inquiry";
	}

	@GetMapping("/catalog/{id}/photos/{documentId}")
	@PreAuthorize(Security.Rules.PUBLIC)
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long documentId) {
		queries.findPublished(id).orElseThrow(NotFoundException::new);
		return photos.serve(id, documentId);
	}

	private String page(long id, InquiryForm form, FormErrors errors, Model model) {
		model.addAttribute("p", queries.findPublished(id).orElseThrow(NotFoundException::new));
		model.addAttribute("photos", photos.of(id).stream().map(d -> d.id()).toList());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "catalog/public-detail";
	}

}
