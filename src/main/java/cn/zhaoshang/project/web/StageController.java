package cn.zhaoshang.project.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;
import cn.zhaoshang.project.ContractType;
import cn.zhaoshang.project.ProjectStatus;
import cn.zhaoshang.project.Stage;
import cn.zhaoshang.project.internal.Attachments;
import cn.zhaoshang.project.internal.EvidenceRequirement;
import cn.zhaoshang.project.internal.Project;
import cn.zhaoshang.project.internal.ProjectLedger;
import cn.zhaoshang.project.internal.ProjectQueries;
import cn.zhaoshang.project.internal.MoveWithUploads;

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
 * back a stage (city bureau only), the review of submitted moves, and progress updates. The rules live in
 * {@link Project} and the use cases ({@link MoveWithUploads}, {@link ProjectLedger}); this class binds the forms and shows
 * every refusal on the form again, one message per field. Nothing is changed by a refused move.
 */
@Controller
class StageController {

	private final ProjectLedger ledger;
	private final MoveWithUploads moves;
	private final ProjectQueries queries;
	private final DetailPage detailPage;
	private final MessageSource messages;
	private final EvidenceRequirement.Source evidenceRules;
	private final Clock clock;

	StageController(ProjectLedger ledger, MoveWithUploads moves, ProjectQueries queries, DetailPage detailPage,
			MessageSource messages, EvidenceRequirement.Source evidenceRules, Clock clock) {
		this.ledger = ledger;
		this.moves = moves;
		this.queries = queries;
		this.detailPage = detailPage;
		this.messages = messages;
		this.evidenceRules = evidenceRules;
		this.clock = clock;
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
		// Only the next stage is offered here; a stale form (the stage moved meanwhile) starts again.
		form.setTo(p.stage().next());
		if (p.forwardTarget().isEmpty()) {
			// The page says why no move is possible now; no upload is stored for nothing.
			return moveForm(model, id, form, FormErrors.NONE, List.of());
		}
		List<MoveWithUploads.Upload> uploads = FormUploads.evidence(files);
		Map<String, String> errors = new LinkedHashMap<>();
		binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(),
				moveFieldMessage(e.getField(), form.getTo(), messages.getMessage(e, locale), locale)));
		if (errors.isEmpty()) {
			try {
				var outcome = moves.forward(id, form.toRequest(form.getEvidenceIds()), uploads, user);
				Flash.success(redirect, outcome.applied() ? "ledger.flash.moved" : "ledger.flash.submitted");
				return "redirect:/projects/" + id;
			}
			catch (InvalidInputException e) {
				e.violations().forEach(v -> errors.putIfAbsent(v.field(), moveFieldMessage(v.field(), form.getTo(),
						messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale), locale)));
			}
		}
		// Refused: the files chosen are kept as the user's uploads, so the next attempt need not choose them again.
		List<Attachments.Attachment> kept = moves.keep(id, form.getEvidenceIds(), uploads, user);
		form.setEvidenceIds(kept.stream().map(Attachments.Attachment::id).toList());
		return moveForm(model, id, form, FormErrors.NONE.with(errors), kept);
	}

	private String moveForm(Model model, long id, MoveForm form, FormErrors errors,
			List<Attachments.Attachment> kept) {
		model.addAttribute("d", queries.detail(id));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kept", kept);
		model.addAttribute("contractTypes", List.of(ContractType.values()));
		model.addAttribute("today", LocalDate.now(clock));
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
			return statusForm(model, id, form, FormErrors.NONE.with(errors));
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
		MoveForm form = new MoveForm();
		form.setTo(moves.backTarget(id, user).orElse(null));
		return backForm(model, id, form, FormErrors.NONE);
	}

	@PostMapping("/projects/{id}/back")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String back(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("form") MoveForm form, BindingResult binding, Model model, Locale locale,
			RedirectAttributes redirect) {
		ledger.editable(id, user);
		Map<String, String> errors = bindingErrors(binding, locale);
		if (!errors.isEmpty()) {
			return backForm(model, id, form, FormErrors.NONE.with(errors));
		}
		try {
			moves.back(id, form.getTo(), form.getReason(), user);
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
	String progress(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, ProgressForm form,
			BindingResult binding, @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
			Model model, Locale locale, RedirectAttributes redirect) {
		ledger.editable(id, user);
		Map<String, String> errors = bindingErrors(binding, locale);
		if (errors.isEmpty()) {
			try {
				moves.progress(id, form.progressDate(), form.text(), form.paidInInvestment(),
						FormUploads.of(photos, null), user);
				Flash.success(redirect, "ledger.flash.progress");
				return "redirect:/projects/" + id + "#progress";
			}
			catch (InvalidInputException e) {
				return detailPage.render(id, user, model,
						new DetailPage.Errors(FormErrors.of(e, messages, locale), form.input(), null, FormErrors.NONE));
			}
			catch (BusinessException e) {
				// a photo refused by type, size or scanner (the update itself was complete)
				errors.put("photos", fieldMessage("photos",
						messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale), locale));
			}
		}
		return detailPage.render(id, user, model,
				new DetailPage.Errors(FormErrors.NONE.with(errors), form.input(), null, FormErrors.NONE));
	}

	// ---- helpers ----

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

	private Map<String, String> bindingErrors(BindingResult binding, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(),
				fieldMessage(e.getField(), messages.getMessage(e, locale), locale)));
		return errors;
	}

	private String fieldMessage(String field, String rule, Locale locale) {
		return FormErrors.fieldMessage(messages, field, rule, locale);
	}
}
