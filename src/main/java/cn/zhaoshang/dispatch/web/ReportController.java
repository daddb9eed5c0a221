package cn.zhaoshang.dispatch.web;

import java.util.Locale;

import cn.zhaoshang.dispatch.internal.DispatchAccess;
import cn.zhaoshang.dispatch.internal.DispatchRound;
import cn.zhaoshang.dispatch.internal.ProblemStore;
import cn.zhaoshang.dispatch.internal.ReturnReport;
import cn.zhaoshang.dispatch.internal.RoundQueries;
import cn.zhaoshang.dispatch.internal.SaveReport;
import cn.zhaoshang.dispatch.internal.ScopeRow;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.RecordHistory;
import cn.zhaoshang.platform.Security;
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
 * A unit's report on one project of a round: read-only for who may only read it, a form for the unit while the
 * round is open (problems added and removed as rows, saved as a draft or submitted), and the bureau's return with a
 * comment.
 */
@Controller
class ReportController {

	private final SaveReport save;
	private final ReturnReport returnReport;
	private final DispatchAccess access;
	private final RoundQueries queries;
	private final ProblemStore problems;
	private final Units units;
	private final RecordHistory history;
	private final MessageSource messages;

	ReportController(SaveReport save, ReturnReport returnReport, DispatchAccess access, RoundQueries queries,
			ProblemStore problems, Units units, RecordHistory history, MessageSource messages) {
		this.save = save;
		this.returnReport = returnReport;
		this.access = access;
		this.queries = queries;
		this.problems = problems;
		this.units = units;
		this.history = history;
		this.messages = messages;
	}

	@GetMapping("/dispatch/rounds/{id}/reports/{projectId}")
	@PreAuthorize(Security.Rules.INTERNAL)
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long projectId,
			Model model) {
		ScopeRow row = access.readable(id, projectId, user);
		return page(model, user, id, projectId, row, ReportForm.of(row, problems.of(id, projectId)), FormErrors.NONE,
				FormErrors.NONE);
	}

	@PostMapping("/dispatch/rounds/{id}/reports/{projectId}")
	@PreAuthorize(DispatchAccess.REPORTER)
	String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long projectId,
			@ModelAttribute("form") ReportForm form, BindingResult binding,
			@RequestParam(defaultValue = "save") String action, Model model, Locale locale,
			RedirectAttributes redirect) {
		ScopeRow row = access.writable(id, projectId, user);
		if (action.equals("add")) {
			form.getProblems().add(new ReportForm.Row());
			return page(model, user, id, projectId, row, form, FormErrors.NONE, FormErrors.NONE);
		}
		if (action.startsWith("remove-")) {
			int index = parse(action.substring("remove-".length()));
			if (index >= 0 && index < form.getProblems().size()) {
				form.getProblems().remove(index);
			}
			return page(model, user, id, projectId, row, form, FormErrors.NONE, FormErrors.NONE);
		}
		if (binding.hasErrors()) {
			return page(model, user, id, projectId, row, form, FormErrors.of(binding, messages, locale),
					FormErrors.NONE);
		}
		boolean submit = action.equals("submit");
		form.dropBlankRows();
		try {
			save.execute(id, projectId, form.input(submit), user);
		}
		catch (InvalidInputException e) {
			return page(model, user, id, projectId, row, form, FormErrors.of(e, messages, locale), FormErrors.NONE);
		}
		catch (FieldException e) {
			return page(model, user, id, projectId, row, form, FormErrors.of(e, messages, locale), FormErrors.NONE);
		}
		Flash.success(redirect, submit ? "dispatch.flash.submitted" : "dispatch.flash.draftSaved");
		return submit ? "redirect:/dispatch/rounds/" + id : "redirect:/dispatch/rounds/" + id + "/reports/" + projectId;
	}

	@PostMapping("/dispatch/rounds/{id}/reports/{projectId}/return")
	@PreAuthorize(DispatchAccess.BUREAU)
	String returnReport(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long projectId, @RequestParam(defaultValue = "") String comment,
			@RequestParam(required = false) Integer version, Model model, Locale locale,
			RedirectAttributes redirect) {
		try {
			returnReport.execute(id, projectId, comment, version, user);
		}
		catch (FieldException e) {
			ScopeRow row = access.readable(id, projectId, user);
			return page(model, user, id, projectId, row, ReportForm.of(row, problems.of(id, projectId)),
					FormErrors.NONE, FormErrors.of(e, messages, locale));
		}
		Flash.success(redirect, "dispatch.flash.returned");
		return "redirect:/dispatch/rounds/" + id;
	}

	private String page(Model model, CurrentUser user, long id, long projectId, ScopeRow row, ReportForm form,
			FormErrors errors, FormErrors returnErrors) {
		DispatchRound round = access.round(id);
		model.addAttribute("round", round);
		model.addAttribute("item", queries.item(round, projectId));
		model.addAttribute("row", row);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("returnErrors", returnErrors);
		model.addAttribute("problems", queries.problems(id, projectId));
		model.addAttribute("editable", round.isOpen() && access.canWrite(row.unitId(), user));
		model.addAttribute("canReturn", round.isOpen() && DispatchAccess.bureau(user)
				&& row.reportStatus() == cn.zhaoshang.dispatch.ReportStatus.SUBMITTED);
		model.addAttribute("units", units.all());
		model.addAttribute("history", history.of("dispatchReport", row.id()));
		return "dispatch/report";
	}

	private static int parse(String s) {
		try {
			return Integer.parseInt(s);
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}
}
