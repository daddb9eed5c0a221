package cn.zhaoshang.dispatch.web;

import java.time.LocalDate;
import java.util.Locale;

import cn.zhaoshang.dispatch.MajorForum;
import cn.zhaoshang.dispatch.ProblemStatus;
import cn.zhaoshang.dispatch.internal.DecideProblem;
import cn.zhaoshang.dispatch.internal.DecisionInput;
import cn.zhaoshang.dispatch.internal.DispatchAccess;
import cn.zhaoshang.dispatch.internal.DispatchRound;
import cn.zhaoshang.dispatch.internal.ProblemStore;
import cn.zhaoshang.dispatch.internal.RoundQueries;
import cn.zhaoshang.org.Units;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The problems of a round with the meeting's decisions (交办事项), and the major matters (重大事项). */
@Controller
class ProblemController {

	private final DecideProblem decide;
	private final DispatchAccess access;
	private final RoundQueries queries;
	private final ProblemStore problems;
	private final Units units;
	private final MessageSource messages;

	ProblemController(DecideProblem decide, DispatchAccess access, RoundQueries queries, ProblemStore problems,
			Units units, MessageSource messages) {
		this.decide = decide;
		this.access = access;
		this.queries = queries;
		this.problems = problems;
		this.units = units;
		this.messages = messages;
	}

	@GetMapping("/dispatch/rounds/{id}/problems")
	@PreAuthorize(Security.Rules.INTERNAL)
	String list(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		return page(model, user, id, null, FormErrors.NONE);
	}

	private String page(Model model, CurrentUser user, long id, Long failedId, FormErrors errors) {
		DispatchRound round = access.round(id);
		model.addAttribute("round", round);
		model.addAttribute("items", queries.problems(round, user));
		model.addAttribute("canDecide", DispatchAccess.bureau(user));
		model.addAttribute("units", units.all());
		model.addAttribute("failedId", failedId);
		model.addAttribute("errors", errors);
		return "dispatch/problems";
	}

	@PostMapping("/dispatch/problems/{problemId}")
	@PreAuthorize(DispatchAccess.BUREAU)
	String decide(@AuthenticationPrincipal CurrentUser user, @PathVariable long problemId,
			@RequestParam(required = false) String decision, @RequestParam(required = false) Long ownerUnitId,
			@RequestParam(required = false) String ownerName,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due,
			@RequestParam(required = false) ProblemStatus status, @RequestParam(defaultValue = "false") boolean major,
			@RequestParam(required = false) MajorForum forum, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) Long back,
			@RequestParam(required = false) String from, Model model, Locale locale, RedirectAttributes redirect) {
		var problem = problems.find(problemId).orElseThrow(NotFoundException::new);
		long roundId = back != null ? back : problem.roundId();
		try {
			decide.execute(problemId,
					new DecisionInput(decision, ownerUnitId, ownerName, due, status, major, forum, outcome, version),
					user);
		}
		catch (InvalidInputException e) {
			return page(model, user, roundId, problemId, FormErrors.of(e, messages, locale));
		}
		catch (FieldException e) {
			return page(model, user, roundId, problemId, FormErrors.of(e, messages, locale));
		}
		Flash.success(redirect, "dispatch.flash.decided");
		if ("majors".equals(from)) {
			return "redirect:/dispatch/major-matters#problem-" + problemId;
		}
		return "redirect:/dispatch/rounds/" + roundId + "/problems#problem-" + problemId;
	}

	@GetMapping("/dispatch/major-matters")
	@PreAuthorize(Security.Rules.INTERNAL)
	String majors(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MajorForum forum,
			Model model) {
		model.addAttribute("items", queries.majors(forum, user));
		model.addAttribute("forum", forum);
		model.addAttribute("canDecide", DispatchAccess.bureau(user));
		model.addAttribute("units", units.all());
		return "dispatch/majors";
	}
}
