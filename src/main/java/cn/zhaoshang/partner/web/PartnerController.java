package cn.zhaoshang.partner.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Locale;

import cn.zhaoshang.partner.ConsultantKind;
import cn.zhaoshang.partner.RewardStatus;
import cn.zhaoshang.partner.internal.Agreements;
import cn.zhaoshang.partner.internal.Consultants;
import cn.zhaoshang.partner.internal.EditAgreement;
import cn.zhaoshang.partner.internal.IntermediaryView;
import cn.zhaoshang.partner.internal.PartnerAccess;
import cn.zhaoshang.partner.internal.PartnerDocuments;
import cn.zhaoshang.partner.internal.Rewards;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.list.PageSizes;
import cn.zhaoshang.platform.web.Downloads;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;
import cn.zhaoshang.project.Stage;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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
 * The partner pages: agreements (list, form, detail with documents and their rewards), rewards (list with approval
 * and payment), consultants (list, form, detail with letter and clues) and an intermediary's own page.
 */
@Controller
class PartnerController {

	private final Agreements agreements;
	private final Rewards rewards;
	private final Consultants consultants;
	private final PartnerDocuments documents;
	private final cn.zhaoshang.platform.RecordHistory history;
	private final IntermediaryView mine;
	private final EditAgreement edit;
	private final MessageSource messages;

	PartnerController(Agreements agreements, Rewards rewards, Consultants consultants, PartnerDocuments documents,
			IntermediaryView mine, EditAgreement edit, MessageSource messages,
			cn.zhaoshang.platform.RecordHistory history) {
		this.history = history;
		this.agreements = agreements;
		this.edit = edit;
		this.rewards = rewards;
		this.consultants = consultants;
		this.documents = documents;
		this.mine = mine;
		this.messages = messages;
	}

	// ------------------------------------------------------------------------------------------------ agreements

	@GetMapping("/partner/agreements")
	@PreAuthorize(PartnerAccess.READERS)
	String agreements(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) Long intermediary, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
			@RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model) {
		Integer y = year != null && year >= 2000 && year <= 2100 ? year : null;
		var filter = new Agreements.Filter(q, intermediary, y, sort, dir);
		model.addAttribute("result",
				agreements.list(filter, PageSizes.page(page), PageSizes.forPage(size), true, user));
		model.addAttribute("filter", filter);
		model.addAttribute("intermediaries",
				PartnerAccess.ownUnit(user) == null ? agreements.intermediaries() : java.util.List.of());
		model.addAttribute("canEdit", PartnerAccess.bureau(user));
		return "partner/agreements";
	}

	@GetMapping("/partner/agreements/new")
	@PreAuthorize(PartnerAccess.BUREAU)
	String newAgreement(Model model) {
		AgreementForm form = new AgreementForm();
		form.setValidFrom(LocalDate.now().withDayOfYear(1));
		form.setValidTo(LocalDate.now().withDayOfYear(1).plusYears(1).minusDays(1));
		return agreementForm(model, form, FormErrors.NONE);
	}

	@PostMapping("/partner/agreements/new")
	@PreAuthorize(PartnerAccess.BUREAU)
	String createAgreement(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") AgreementForm form,
			BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return agreementForm(model, form, FormErrors.of(binding, messages, locale));
		}
		try {
			long id = agreements.create(form.input(), user);
			rewards.refresh();
			Flash.success(redirect, "partner.flash.agreementSaved");
			return "redirect:/partner/agreements/" + id;
		}
		catch (InvalidInputException e) {
			return agreementForm(model, form, FormErrors.of(e, messages, locale));
		}
	}

	@GetMapping("/partner/agreements/{id}/edit")
	@PreAuthorize(PartnerAccess.BUREAU)
	String editAgreement(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("agreementId", id);
		return agreementForm(model, AgreementForm.of(agreements.get(id, user)), FormErrors.NONE);
	}

	@PostMapping("/partner/agreements/{id}/edit")
	@PreAuthorize(PartnerAccess.BUREAU)
	String updateAgreement(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("form") AgreementForm form, BindingResult binding, Model model, Locale locale,
			RedirectAttributes redirect) {
		model.addAttribute("agreementId", id);
		if (binding.hasErrors()) {
			return agreementForm(model, form, FormErrors.of(binding, messages, locale));
		}
		try {
			edit.execute(id, form.getVersion(), form.input(), user);
			rewards.refresh();
			Flash.success(redirect, "partner.flash.agreementSaved");
			return "redirect:/partner/agreements/" + id;
		}
		catch (InvalidInputException e) {
			return agreementForm(model, form, FormErrors.of(e, messages, locale));
		}
	}

	private String agreementForm(Model model, AgreementForm form, FormErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("intermediaries", agreements.intermediaries());
		model.addAttribute("stages", java.util.List.of(Stage.SIGNED, Stage.COMMENCED, Stage.IN_PRODUCTION));
		return "partner/agreement-form";
	}

	@GetMapping("/partner/agreements/{id}")
	@PreAuthorize(PartnerAccess.READERS)
	String agreement(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		return agreementPage(user, id, model, null);
	}

	private String agreementPage(CurrentUser user, long id, Model model, String uploadError) {
		var a = agreements.get(id, user);
		model.addAttribute("agreement", a);
		model.addAttribute("documents", documents.of(PartnerDocuments.AGREEMENT, id, user));
		model.addAttribute("rewards", rewards.list(null, a.intermediaryUnitId(), null, null, user)
			.items()
			.stream()
			.filter(r -> r.agreementId() == id)
			.toList());
		model.addAttribute("canEdit", PartnerAccess.bureau(user));
		model.addAttribute("uploadError", uploadError);
		// the trail of the city bureau's edits is for internal users; an intermediary sees the agreement itself
		model.addAttribute("history", user.role().isInternal() ? history.of("partner_agreement", id) : java.util.List.of());
		return "partner/agreement";
	}

	@PostMapping("/partner/agreements/{id}/documents")
	@PreAuthorize(PartnerAccess.BUREAU)
	String uploadAgreementDocument(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, Locale locale,
			RedirectAttributes redirect) {
		try {
			store(PartnerDocuments.AGREEMENT, id, file, user);
		}
		catch (BusinessException e) {
			return agreementPage(user, id, model, messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
		}
		Flash.success(redirect, "partner.flash.documentSaved");
		return "redirect:/partner/agreements/" + id + "#documents";
	}

	@GetMapping("/partner/agreements/{id}/documents/{documentId}")
	@PreAuthorize(PartnerAccess.READERS)
	ResponseEntity<byte[]> agreementDocument(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long documentId) {
		return download(documents.read(PartnerDocuments.AGREEMENT, id, documentId, user));
	}

	private void store(String type, long id, MultipartFile file, CurrentUser user) {
		try {
			if (file == null || file.isEmpty()) {
				throw new BusinessException("attachment.empty");
			}
			documents.store(type, id, file.getOriginalFilename(), file.getBytes(), user);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static ResponseEntity<byte[]> download(PartnerDocuments.Download d) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(d.document().contentType()))
			.contentLength(d.bytes().length)
			.header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(d.document().fileName(), null))
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noCache().cachePrivate())
			.body(d.bytes());
	}

	// ------------------------------------------------------------------------------------------------ rewards

	@GetMapping("/partner/rewards")
	@PreAuthorize(PartnerAccess.READERS)
	String rewards(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long intermediary, @RequestParam(required = false) RewardStatus status,
			Model model) {
		Long own = PartnerAccess.ownUnit(user);
		if (own != null && intermediary != null && !own.equals(intermediary)) {
			throw new AccessDeniedException("another intermediary");
		}
		Integer y = year != null && year >= 2000 && year <= 2100 ? year : null;
		model.addAttribute("listing", rewards.list(y, intermediary, status, null, user));
		model.addAttribute("year", y);
		model.addAttribute("intermediary", intermediary);
		model.addAttribute("status", status);
		model.addAttribute("intermediaries", own == null ? agreements.intermediaries() : java.util.List.of());
		model.addAttribute("canEdit", PartnerAccess.bureau(user));
		return "partner/rewards";
	}

	@PostMapping("/partner/rewards/{id}/approve")
	@PreAuthorize(PartnerAccess.BUREAU)
	String approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		rewards.approve(id, version, user);
		Flash.success(redirect, "partner.flash.approved");
		return "redirect:/partner/rewards#reward-" + id;
	}

	@PostMapping("/partner/rewards/{id}/pay")
	@PreAuthorize(PartnerAccess.BUREAU)
	String pay(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) String paymentReference,
			RedirectAttributes redirect) {
		rewards.pay(id, version, paymentReference, user);
		Flash.success(redirect, "partner.flash.paid");
		return "redirect:/partner/rewards#reward-" + id;
	}

	// ------------------------------------------------------------------------------------------------ consultants

	@GetMapping("/partner/consultants")
	@PreAuthorize(PartnerAccess.INTERNAL)
	String consultants(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) ConsultantKind kind, Model model) {
		model.addAttribute("items", consultants.list(q, kind));
		model.addAttribute("q", q);
		model.addAttribute("kind", kind);
		model.addAttribute("today", LocalDate.now());
		model.addAttribute("canEdit", PartnerAccess.bureau(user));
		return "partner/consultants";
	}

	@GetMapping("/partner/consultants/new")
	@PreAuthorize(PartnerAccess.BUREAU)
	String newConsultant(Model model) {
		var form = new ConsultantForm();
		form.setValidFrom(LocalDate.now());
		form.setValidTo(LocalDate.now().plusYears(2).minusDays(1));
		return consultantForm(model, form, FormErrors.NONE);
	}

	@PostMapping("/partner/consultants/new")
	@PreAuthorize(PartnerAccess.BUREAU)
	String createConsultant(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") ConsultantForm form,
			BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return consultantForm(model, form, FormErrors.of(binding, messages, locale));
		}
		try {
			long id = consultants.create(form.input(), user);
			Flash.success(redirect, "partner.flash.consultantSaved");
			return "redirect:/partner/consultants/" + id;
		}
		catch (InvalidInputException e) {
			return consultantForm(model, form, FormErrors.of(e, messages, locale));
		}
	}

	private String consultantForm(Model model, ConsultantForm form, FormErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "partner/consultant-form";
	}

	@GetMapping("/partner/consultants/{id}")
	@PreAuthorize(PartnerAccess.INTERNAL)
	String consultant(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		return consultantPage(user, id, model, FormErrors.NONE);
	}

	private String consultantPage(CurrentUser user, long id, Model model, FormErrors errors) {
		model.addAttribute("consultant", consultants.get(id));
		model.addAttribute("clues", consultants.clues(id));
		model.addAttribute("documents", documents.of(PartnerDocuments.CONSULTANT, id, user));
		model.addAttribute("canEdit", PartnerAccess.bureau(user));
		model.addAttribute("errors", errors);
		return "partner/consultant";
	}

	@PostMapping("/partner/consultants/{id}/letter")
	@PreAuthorize(PartnerAccess.BUREAU)
	String uploadLetter(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, Locale locale,
			RedirectAttributes redirect) {
		try {
			store(PartnerDocuments.CONSULTANT, id, file, user);
		}
		catch (BusinessException e) {
			String message = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
			return consultantPage(user, id, model, FormErrors.NONE.with(java.util.Map.of("file", message)));
		}
		Flash.success(redirect, "partner.flash.documentSaved");
		return "redirect:/partner/consultants/" + id;
	}

	@GetMapping("/partner/consultants/{id}/documents/{documentId}")
	@PreAuthorize(PartnerAccess.INTERNAL)
	ResponseEntity<byte[]> consultantDocument(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long documentId) {
		return download(documents.read(PartnerDocuments.CONSULTANT, id, documentId, user));
	}

	@PostMapping("/partner/consultants/{id}/clues")
	@PreAuthorize(PartnerAccess.BUREAU)
	String creditClue(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) String clueId, Model model, Locale locale, RedirectAttributes redirect) {
		try {
			Long clue = null;
			if (clueId != null && !clueId.isBlank()) {
				try {
					clue = Long.valueOf(clueId.strip());
				}
				catch (NumberFormatException e) {
					throw new InvalidInputException(java.util.List
						.of(new InvalidInputException.Violation("clueId", "validation.number")));
				}
			}
			consultants.creditClue(id, clue, user);
		}
		catch (InvalidInputException e) {
			return consultantPage(user, id, model, FormErrors.of(e, messages, locale));
		}
		catch (BusinessException e) {
			String message = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
			return consultantPage(user, id, model, FormErrors.NONE.with(java.util.Map.of("clueId", message)));
		}
		Flash.success(redirect, "partner.flash.clueCredited");
		return "redirect:/partner/consultants/" + id;
	}

	// ------------------------------------------------------------------------------------------------ mine

	@GetMapping("/partner/mine")
	@PreAuthorize("hasRole('INTERMEDIARY')")
	String mine(@AuthenticationPrincipal CurrentUser user, Model model) {
		long unit = PartnerAccess.ownUnit(user);
		model.addAttribute("agreements",
				agreements.list(Agreements.Filter.none(), 1, 100, true, user).items());
		model.addAttribute("clues", mine.clues(unit));
		model.addAttribute("projects", mine.projects(unit));
		model.addAttribute("listing", rewards.list(null, null, null, null, user));
		return "partner/mine";
	}
}
