package cn.zhaoshang.project.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;
import cn.zhaoshang.project.ContractType;
import cn.zhaoshang.project.EvidenceKind;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.Stage;
import cn.zhaoshang.project.internal.Attachments;
import cn.zhaoshang.project.internal.EvidenceRequirement;
import cn.zhaoshang.project.internal.Project;
import cn.zhaoshang.project.internal.ProjectLedger;
import cn.zhaoshang.project.internal.ProjectQueries;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Moving a project: forward through a stage gate (with evidence uploaded in the same form), to another status,
 * back a stage (city bureau only), the review of submitted moves, and progress updates. Every refusal re-renders
 * the form with one message per field; nothing is changed by a refused move.
 */
@Controller
class StageController {

	private final ProjectLedger ledger;
	private final ProjectQueries queries;
	private final Attachments attachments;
	private final DetailPage detailPage;
	private final MessageSource messages;
	private final EvidenceRequirement.Source evidenceRules;

	StageController(ProjectLedger ledger, ProjectQueries queries, Attachments attachments, DetailPage detailPage,
			MessageSource messages, EvidenceRequirement.Source evidenceRules) {
		this.evidenceRules = evidenceRules;
		this.ledger = ledger;
		this.queries = queries;
		this.attachments = attachments;
		this.detailPage = detailPage;
		this.messages = messages;
	}

	// ---- forward through the next gate ----

	@GetMapping("/projects/{id}/move")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String moveForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Project p = ledger.editable(id, user);
		MoveForm form = new MoveForm();
		form.setTo(p.stage().next());
		if (form.getTo() == Stage.SIGNED) {
			form.setContractType(ContractType.FORMAL_CONTRACT);
		}
		return moveForm(model, id, form, FormErrors.NONE, List.of());
	}

	@PostMapping("/projects/{id}/move")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String move(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("form") MoveForm form, BindingResult binding,
			@RequestParam MultiValueMap<String, MultipartFile> files, Model model, Locale locale,
			RedirectAttributes redirect) {
		Project p = ledger.editable(id, user);
		if (p.hasPendingMove() || p.status() != ProjectStatus.ACTIVE || p.stage().next() == null) {
			// The page says why no move is possible now; no upload is stored for nothing.
			form.setTo(p.stage().next());
			return moveForm(model, id, form, FormErrors.NONE, List.of());
		}
		if (form.getTo() == null || form.getTo() != p.stage().next()) {
			// Only the next stage is offered here; a stale form (the stage moved meanwhile) starts again.
			form.setTo(p.stage().next());
		}
		List<Long> evidence = kept(form.getEvidenceIds(), user, id);
		Map<String, String> errors = bindingErrors(binding, form.getTo(), locale);
		try {
			// One input per kind (file_CONTRACT, file_SITE_PHOTO …): each upload is stored with its kind.
			for (EvidenceKind kind : EvidenceKind.values()) {
				evidence.addAll(store(files.get("file_" + kind.name()), user, "EVIDENCE", false, kind));
			}
		}
		catch (BusinessException e) {
			errors.putIfAbsent("evidenceIds", fieldMessage("evidenceIds", message(e, locale), locale));
		}
		if (!errors.isEmpty()) {
			form.setEvidenceIds(evidence);
			return moveForm(model, id, form, FormErrors.NONE, uploads(evidence), errors);
		}
		try {
			ProjectLedger.MoveOutcome outcome = ledger.move(id, form.toRequest(evidence), user);
			Flash.success(redirect, outcome.applied() ? "ledger.flash.moved" : "ledger.flash.submitted");
			return "redirect:/projects/" + id;
		}
		catch (InvalidInputException e) {
			form.setEvidenceIds(evidence);
			Map<String, String> refused = new LinkedHashMap<>();
			e.violations().forEach(v -> refused.putIfAbsent(v.field(), moveFieldMessage(v.field(), form.getTo(),
					messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale), locale)));
			return moveForm(model, id, form, FormErrors.NONE.with(refused), uploads(evidence));
		}
	}

	private String moveForm(Model model, long id, MoveForm form, FormErrors errors, List<Attachments.Attachment> kept,
			Map<String, String> extra) {
		return moveForm(model, id, form, merge(errors, extra), kept);
	}

	private String moveForm(Model model, long id, MoveForm form, FormErrors errors,
			List<Attachments.Attachment> kept) {
		ProjectQueries.Detail d = queries.detail(id);
		model.addAttribute("d", d);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kept", kept);
		model.addAttribute("contractTypes", List.of(ContractType.values()));
		model.addAttribute("today", LocalDate.now());
		model.addAttribute("maxUploadMb", Attachments.MAX_BYTES / 1024 / 1024);
		model.addAttribute("required", evidenceRules.of(form.getTo()));
		return "project/move";
	}

	// ---- status: on hold, dropped, active again ----

	@GetMapping("/projects/{id}/status")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String statusForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Project p = ledger.editable(id, user);
		MoveForm form = new MoveForm();
		form.setToStatus(p.status() == ProjectStatus.ACTIVE ? ProjectStatus.ON_HOLD : ProjectStatus.ACTIVE);
		return statusForm(model, id, form, FormErrors.NONE);
	}

	@PostMapping("/projects/{id}/status")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String status(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("form") MoveForm form, BindingResult binding, Model model, Locale locale,
			RedirectAttributes redirect) {
		ledger.editable(id, user);
		Map<String, String> errors = bindingErrors(binding, locale);
		if (form.getToStatus() == null) {
			errors.putIfAbsent("toStatus",
					fieldMessage("toStatus", messages.getMessage("validation.required", null, locale), locale));
		}
		if (!errors.isEmpty()) {
			return statusForm(model, id, form, merge(FormErrors.NONE, errors));
		}
		try {
			form.setTo(null);
			ledger.move(id, form.toRequest(List.of()), user);
			Flash.success(redirect, "ledger.flash.status");
			return "redirect:/projects/" + id;
		}
		catch (InvalidInputException e) {
			return statusForm(model, id, form, FormErrors.of(e, messages, locale));
		}
	}

	private String statusForm(Model model, long id, MoveForm form, FormErrors errors) {
		ProjectQueries.Detail d = queries.detail(id);
		model.addAttribute("d", d);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("statuses",
				java.util.Arrays.stream(ProjectStatus.values()).filter(s -> s != d.row().status()).toList());
		return "project/status";
	}

	// ---- back a stage (city bureau) ----

	@GetMapping("/projects/{id}/back")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String backForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Project p = ledger.editable(id, user);
		MoveForm form = new MoveForm();
		if (p.stage() != Stage.NEGOTIATING) {
			form.setTo(Stage.values()[p.stage().ordinal() - 1]);
		}
		return backForm(model, id, form, FormErrors.NONE);
	}

	@PostMapping("/projects/{id}/back")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String back(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("form") MoveForm form, BindingResult binding, Model model, Locale locale,
			RedirectAttributes redirect) {
		Project p = ledger.editable(id, user);
		Map<String, String> errors = bindingErrors(binding, locale);
		if (form.getTo() == null || !form.getTo().isBefore(p.stage())) {
			errors.putIfAbsent("to",
					fieldMessage("to", messages.getMessage("validation.required", null, locale), locale));
		}
		if (!errors.isEmpty()) {
			return backForm(model, id, form, merge(FormErrors.NONE, errors));
		}
		try {
			form.setToStatus(null);
			ledger.move(id, new cn.zhaoshang.project.internal.StageMoveRequest(form.getTo(), null, null, null, null,
					null, null, List.of(), form.getReason()), user);
			Flash.success(redirect, "ledger.flash.movedBack");
			return "redirect:/projects/" + id;
		}
		catch (InvalidInputException e) {
			return backForm(model, id, form, FormErrors.of(e, messages, locale));
		}
	}

	private String backForm(Model model, long id, MoveForm form, FormErrors errors) {
		ProjectQueries.Detail d = queries.detail(id);
		model.addAttribute("d", d);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("targets",
				java.util.Arrays.stream(Stage.values()).filter(s -> s.isBefore(d.row().stage())).toList());
		return "project/back";
	}

	// ---- review by the city bureau ----

	@PostMapping("/projects/{id}/moves/{moveId}/approve")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long moveId,
			@RequestParam(defaultValue = "") String opinion, @RequestParam(defaultValue = "") String from,
			Model model, Locale locale, RedirectAttributes redirect) {
		return review(user, id, moveId, true, opinion, from, model, locale, redirect);
	}

	@PostMapping("/projects/{id}/moves/{moveId}/return")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String returnMove(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long moveId,
			@RequestParam(defaultValue = "") String opinion, @RequestParam(defaultValue = "") String from,
			Model model, Locale locale, RedirectAttributes redirect) {
		return review(user, id, moveId, false, opinion, from, model, locale, redirect);
	}

	private String review(CurrentUser user, long id, long moveId, boolean approve, String opinion, String from,
			Model model, Locale locale, RedirectAttributes redirect) {
		try {
			ledger.review(id, moveId, approve, opinion, user);
		}
		catch (InvalidInputException e) {
			return detailPage.render(id, user, model, new DetailPage.Errors(FormErrors.NONE, null, null,
					FormErrors.of(e, messages, locale)));
		}
		Flash.success(redirect, approve ? "ledger.flash.approved" : "ledger.flash.returned");
		return "review".equals(from) ? "redirect:/projects/review" : "redirect:/projects/" + id;
	}

	// ---- progress updates ----

	@PostMapping("/projects/{id}/progress")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String progress(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) String progressDate, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) String paidInInvestment,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos, Model model, Locale locale,
			RedirectAttributes redirect) {
		ledger.editable(id, user);
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate date = null;
		if (progressDate != null && !progressDate.isBlank()) {
			try {
				date = LocalDate.parse(progressDate.trim());
			}
			catch (java.time.format.DateTimeParseException e) {
				errors.put("progressDate", fieldMessage("progressDate",
						messages.getMessage("typeMismatch", null, locale), locale));
			}
		}
		BigDecimal paidIn = null;
		if (paidInInvestment != null && !paidInInvestment.isBlank()) {
			try {
				paidIn = new BigDecimal(paidInInvestment.trim());
			}
			catch (NumberFormatException e) {
				errors.put("paidInInvestment", fieldMessage("paidInInvestment",
						messages.getMessage("typeMismatch", null, locale), locale));
			}
		}
		LedgerViews.ProgressInput input = new LedgerViews.ProgressInput(date, text, paidIn);
		List<Long> photoIds = new ArrayList<>();
		// Photos are stored only when the update can succeed, so a refused update leaves no stray files.
		if (errors.isEmpty() && date != null && !text.isBlank()) {
			try {
				photoIds.addAll(store(photos, user, "PHOTO", true));
			}
			catch (BusinessException e) {
				errors.put("photos", fieldMessage("photos", message(e, locale), locale));
			}
		}
		try {
			if (errors.isEmpty()) {
				ledger.recordProgress(id, date, text, paidIn, photoIds, user);
				Flash.success(redirect, "ledger.flash.progress");
				return "redirect:/projects/" + id + "#progress";
			}
		}
		catch (InvalidInputException e) {
			return detailPage.render(id, user, model,
					new DetailPage.Errors(FormErrors.of(e, messages, locale), input, null, FormErrors.NONE));
		}
		return detailPage.render(id, user, model,
				new DetailPage.Errors(merge(FormErrors.NONE, errors), input, null, FormErrors.NONE));
	}

	// ---- helpers ----

	/** Stores the non-empty uploads, unlinked, as the user's; the move or progress update then claims them. */
	private List<Long> store(List<MultipartFile> files, CurrentUser user, String kind, boolean imagesOnly) {
		return store(files, user, kind, imagesOnly, null);
	}

	private List<Long> store(List<MultipartFile> files, CurrentUser user, String kind, boolean imagesOnly,
			EvidenceKind evidenceKind) {
		List<Long> ids = new ArrayList<>();
		if (files == null) {
			return ids;
		}
		for (MultipartFile file : files) {
			if (file == null || file.isEmpty()) {
				continue;
			}
			byte[] bytes;
			try {
				bytes = file.getBytes();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			if (imagesOnly && !AttachmentController.looksLikeImage(bytes)) {
				throw new BusinessException(415, "ledger.photo.notImage");
			}
			ids.add(attachments.store(file.getOriginalFilename(), bytes, user, null, kind, evidenceKind).id());
		}
		return ids;
	}

	/** Uploads of an earlier attempt that are still this user's and unclaimed (or already on this project). */
	private List<Long> kept(List<Long> ids, CurrentUser user, long projectId) {
		List<Long> out = new ArrayList<>();
		for (Long aid : ids) {
			attachments.find(aid)
				.filter(a -> (a.projectId() == null && user.getUsername().equals(a.uploadedBy()))
						|| (a.projectId() != null && a.projectId() == projectId))
				.ifPresent(a -> out.add(a.id()));
		}
		return out;
	}

	private List<Attachments.Attachment> uploads(List<Long> ids) {
		return ids.stream().map(attachments::find).flatMap(java.util.Optional::stream).toList();
	}

	/**
	 * "<label>：<rule>" for a field of the stage-move form, where the date is named after the stage it records
	 * (签约日期, 开工日期, 投产日期) rather than a bare 日期.
	 */
	private String moveFieldMessage(String field, Stage to, String rule, Locale locale) {
		if ("date".equals(field) && to != null && to != Stage.NEGOTIATING) {
			String label = messages.getMessage("ledger.gate.date." + to.name(), null, locale);
			return messages.getMessage("form.fieldError", new Object[] { label, rule }, locale);
		}
		return fieldMessage(field, rule, locale);
	}

	private Map<String, String> bindingErrors(BindingResult binding, Stage to, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(),
				moveFieldMessage(e.getField(), to, messages.getMessage(e, locale), locale)));
		return errors;
	}

	private Map<String, String> bindingErrors(BindingResult binding, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(),
				fieldMessage(e.getField(), messages.getMessage(e, locale), locale)));
		return errors;
	}

	private static FormErrors merge(FormErrors errors, Map<String, String> extra) {
		return errors.with(extra);
	}

	private String fieldMessage(String field, String rule, Locale locale) {
		return FormErrors.fieldMessage(messages, field, rule, locale);
	}

	private String message(BusinessException e, Locale locale) {
		return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
	}
}
