package cn.zhaoshang.project.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.org.PersonKind;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.HistoryEntry;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;
import cn.zhaoshang.project.ProjectType;
import cn.zhaoshang.project.internal.CreateProject;
import cn.zhaoshang.project.internal.EditProject;
import cn.zhaoshang.project.internal.Project;
import cn.zhaoshang.project.internal.ProjectAccess;
import cn.zhaoshang.project.internal.ProjectDetails;
import cn.zhaoshang.project.internal.ProjectQueries;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A project's page and its create/edit form. Reading needs the city pool (everyone inside the government); editing
 * needs an editing role and the project's unit in the user's scope (else 403, checked by {@link ProjectAccess}).
 */
@Controller
class ProjectController {

	private final ProjectAccess access;
	private final CreateProject create;
	private final EditProject edit;
	private final ProjectQueries queries;
	private final ReferenceData reference;
	private final DetailPage detailPage;
	private final RecordHistory history;
	private final MessageSource messages;
	private final jakarta.validation.Validator validator;

	ProjectController(ProjectAccess access, CreateProject create, EditProject edit, ProjectQueries queries,
			ReferenceData reference, DetailPage detailPage,
			RecordHistory history, MessageSource messages, jakarta.validation.Validator validator) {
		this.access = access;
		this.create = create;
		this.edit = edit;
		this.queries = queries;
		this.reference = reference;
		this.detailPage = detailPage;
		this.history = history;
		this.messages = messages;
		this.validator = validator;
	}

	@InitBinder("form")
	void binder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "code", "stage", "status");
	}

	@GetMapping("/projects/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		return detailPage.render(id, user, model, DetailPage.Errors.NONE);
	}

	@GetMapping("/projects/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String createForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		List<Option> units = reference.editableUnits(user, null);
		Long own = user.unitId() == null ? null : user.unitId().value();
		Long unit = units.stream().anyMatch(o -> o.is(own)) ? own : units.size() == 1 ? units.get(0).id() : null;
		return form(user, model, null, ProjectForm.of(ProjectDetails.empty(unit)), FormErrors.NONE, null);
	}

	@PostMapping("/projects/new")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") ProjectForm form,
			BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
		FormErrors errors = validate(form, binding, locale);
		if (errors.any()) {
			return form(user, model, null, form, errors, null);
		}
		try {
			Project saved = create.execute(form.toDetails(), user);
			Flash.success(redirect, "ledger.flash.created");
			return "redirect:/projects/" + saved.id().value();
		}
		catch (FieldException e) {
			return form(user, model, null, form, FormErrors.of(e, messages, locale), null);
		}
		catch (InvalidInputException e) {
			return form(user, model, null, form, FormErrors.of(e, messages, locale), null);
		}
	}

	@GetMapping("/projects/{id}/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		access.editable(id, user);
		return form(user, model, id, ProjectForm.of(queries.detail(id)), FormErrors.NONE, null);
	}

	@PostMapping("/projects/{id}/edit")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("form") ProjectForm form, BindingResult binding, Model model, Locale locale,
			RedirectAttributes redirect) {
		access.editable(id, user);
		FormErrors errors = validate(form, binding, locale);
		if (errors.any()) {
			return form(user, model, id, form, errors, null);
		}
		try {
			edit.execute(id, form.toDetails(), user);
			Flash.success(redirect, "flash.saved");
			return "redirect:/projects/" + id;
		}
		catch (FieldException e) {
			return form(user, model, id, form, FormErrors.of(e, messages, locale), null);
		}
		catch (InvalidInputException e) {
			return form(user, model, id, form, FormErrors.of(e, messages, locale), null);
		}
		catch (OptimisticLockingFailureException e) {
			// Someone saved in between. Nothing of this submission is stored: show what is stored now next to
			// what this user typed, and carry the current version so that a deliberate second save may replace it.
			ProjectQueries.Detail current = queries.detail(id);
			ProjectForm stored = ProjectForm.of(current);
			List<HistoryEntry> entries = history.of("project", id);
			LedgerViews.Conflict conflict = new LedgerViews.Conflict(differences(user, form, stored, locale),
					entries.isEmpty() ? null : entries.get(0));
			form.setVersion(current.version());
			return form(user, model, id, form, FormErrors.NONE, conflict);
		}
	}

	private List<LedgerViews.Difference> differences(CurrentUser user, ProjectForm mine, ProjectForm theirs, Locale locale) {
		List<LedgerViews.Difference> out = new ArrayList<>();
		List<Option> units = reference.introUnits(null);
		List<Option> chains = reference.chains(ProjectPages.english(), null);
		List<Option> leaders = reference.people(PersonKind.LEADER, null);
		List<Option> staff = reference.people(PersonKind.STAFF, null);
		diff(out, locale, "name", theirs.getName(), mine.getName());
		diff(out, locale, "investorName", theirs.getInvestorName(), mine.getInvestorName());
		diff(out, locale, "investorUscc", theirs.getInvestorUscc(), mine.getInvestorUscc());
		diff(out, locale, "unitId", name(units, theirs.getUnitId()), name(units, mine.getUnitId()));
		diff(out, locale, "introUnitId", name(units, theirs.getIntroUnitId()), name(units, mine.getIntroUnitId()));
		diff(out, locale, "introducers", theirs.getIntroducers(), mine.getIntroducers());
		diff(out, locale, "chainId", name(chains, theirs.getChainId()), name(chains, mine.getChainId()));
		diff(out, locale, "chainLink", theirs.getChainLink(), mine.getChainLink());
		diff(out, locale, "types", types(theirs.getTypes(), locale), types(mine.getTypes(), locale));
		diff(out, locale, "negotiationDate", theirs.getNegotiationDate(), mine.getNegotiationDate());
		diff(out, locale, "promotionMode", mode(theirs.getPromotionMode(), locale), mode(mine.getPromotionMode(), locale));
		diff(out, locale, "plannedInvestment", theirs.getPlannedInvestment(), mine.getPlannedInvestment());
		diff(out, locale, "foreignInvestment", theirs.getForeignInvestment(), mine.getForeignInvestment());
		diff(out, locale, "annualOutput", theirs.getAnnualOutput(), mine.getAnnualOutput());
		diff(out, locale, "annualTax", theirs.getAnnualTax(), mine.getAnnualTax());
		diff(out, locale, "jobs", theirs.getJobs(), mine.getJobs());
		diff(out, locale, "landNeedMu", theirs.getLandNeedMu(), mine.getLandNeedMu());
		diff(out, locale, "factoryNeedM2", theirs.getFactoryNeedM2(), mine.getFactoryNeedM2());
		diff(out, locale, "keyProject", yesNo(theirs.isKeyProject(), locale), yesNo(mine.isKeyProject(), locale));
		diff(out, locale, "leaderId", name(leaders, theirs.getLeaderId()), name(leaders, mine.getLeaderId()));
		diff(out, locale, "chiefAttendantId", name(staff, theirs.getChiefAttendantId()),
				name(staff, mine.getChiefAttendantId()));
		diff(out, locale, "problems", theirs.getProblems(), mine.getProblems());
		diff(out, locale, "description", theirs.getDescription(), mine.getDescription());
		return out;
	}

	private void diff(List<LedgerViews.Difference> out, Locale locale, String field, Object theirs, Object yours) {
		String a = show(theirs);
		String b = show(yours);
		boolean same = theirs instanceof BigDecimal x && yours instanceof BigDecimal y ? x.compareTo(y) == 0
				: Objects.equals(a, b);
		if (!same) {
			out.add(new LedgerViews.Difference(field, messages.getMessage("field." + field, null, field, locale), a, b));
		}
	}

	private static String show(Object v) {
		if (v == null) {
			return "";
		}
		if (v instanceof BigDecimal d) {
			return d.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
		}
		return v.toString().strip();
	}

	private static String name(List<Option> options, Long id) {
		return id == null ? null
				: options.stream().filter(o -> o.is(id)).map(Option::label).findFirst().orElse(String.valueOf(id));
	}

	private String types(List<ProjectType> types, Locale locale) {
		return cn.zhaoshang.project.ProjectTypes.of(types)
			.joined(t -> messages.getMessage(t.messageKey(), null, t.name(), locale),
					messages.getMessage("projectType.separator", null, locale));
	}

	private String mode(PromotionMode m, Locale locale) {
		return m == null ? null : messages.getMessage(m.messageKey(), null, m.name(), locale);
	}

	private String yesNo(boolean b, Locale locale) {
		return messages.getMessage(b ? "common.yes" : "common.no", null, locale);
	}

	/**
	 * Conversion errors from binding first (a malformed number), then the rules of {@link ProjectDetails}. Each
	 * field shows one message, naming the field and the rule.
	 */
	private FormErrors validate(ProjectForm form, BindingResult binding, Locale locale) {
		for (var v : validator.validate(form.toDetails())) {
			String field = v.getPropertyPath().toString();
			if (binding.getFieldErrors(field).stream().noneMatch(e -> e.isBindingFailure())) {
				String code = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
				binding.rejectValue(field, code, v.getMessage());
			}
		}
		return binding.hasErrors() ? FormErrors.of(binding, messages, locale) : FormErrors.NONE;
	}

	private String form(CurrentUser user, Model model, Long id, ProjectForm form, FormErrors errors,
			LedgerViews.Conflict conflict) {
		model.addAttribute("projectId", id);
		model.addAttribute("code", id == null ? null : queries.detail(id).row().code());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("conflict", conflict);
		model.addAttribute("units", reference.editableUnits(user, form.getUnitId()));
		model.addAttribute("introUnits", reference.introUnits(form.getIntroUnitId()));
		model.addAttribute("chains", reference.chains(ProjectPages.english(), form.getChainId()));
		model.addAttribute("leaders", reference.people(PersonKind.LEADER, form.getLeaderId()));
		model.addAttribute("attendants", reference.people(PersonKind.STAFF, form.getChiefAttendantId()));
		model.addAttribute("types", List.of(ProjectType.values()));
		model.addAttribute("modes", List.of(PromotionMode.values()));
		return "project/form";
	}
}
