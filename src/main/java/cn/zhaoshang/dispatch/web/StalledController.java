package cn.zhaoshang.dispatch.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.dispatch.internal.InterviewListExport;
import cn.zhaoshang.dispatch.internal.RecordInterview;
import cn.zhaoshang.dispatch.internal.StalledQueries;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.InvalidInputException;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of stalled projects: the stalled list of a round with the rule explained and the projects the round
 * watches, the interview list (约谈名单) with its .docx and Excel exports, and the form that records an interview
 * (city bureau only). Units see their own units' projects.
 */
@Controller
class StalledController {

	private final StalledQueries queries;
	private final RecordInterview record;
	private final InterviewListExport export;
	private final DataScopes scopes;
	private final MessageSource messages;
	private final Clock clock;

	StalledController(StalledQueries queries, RecordInterview record, InterviewListExport export, DataScopes scopes,
			MessageSource messages, Clock clock) {
		this.queries = queries;
		this.record = record;
		this.export = export;
		this.scopes = scopes;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/dispatch/stalled")
	@PreAuthorize(Security.Rules.INTERNAL)
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long round, Model model) {
		var chosen = round == null ? queries.newestClosed().orElse(null) : queries.round(round);
		var scope = scopes.of(user);
		model.addAttribute("rounds", queries.rounds());
		model.addAttribute("round", chosen);
		model.addAttribute("threshold", queries.threshold());
		model.addAttribute("items", chosen == null ? java.util.List.of() : queries.stalled(chosen.id(), scope));
		model.addAttribute("watched", chosen == null ? java.util.List.of() : queries.watchedIn(chosen.id(), scope));
		return "dispatch/stalled";
	}

	@GetMapping("/dispatch/stalled/interviews")
	@PreAuthorize(Security.Rules.INTERNAL)
	String interviews(@AuthenticationPrincipal CurrentUser user, @RequestParam long round, Model model) {
		return interviewPage(user, round, null, FormErrors.NONE, null, model);
	}

	@PostMapping("/dispatch/stalled/interviews")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	String recordInterview(@AuthenticationPrincipal CurrentUser user, @RequestParam long round,
			@RequestParam long projectId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String interviewer, @RequestParam(required = false) String interviewees,
			@RequestParam(required = false) String commitments, Model model, Locale locale,
			RedirectAttributes redirect) {
		var p = new RecordInterview.Parameters(round, projectId, date, interviewer, interviewees, commitments);
		try {
			record.execute(p, user);
		}
		catch (InvalidInputException e) {
			return interviewPage(user, round, projectId, FormErrors.of(e, messages, locale), p, model);
		}
		Flash.success(redirect, "interview.saved");
		return "redirect:/dispatch/stalled/interviews?round=" + round + "#project-" + projectId;
	}

	private String interviewPage(CurrentUser user, long round, Long formProject, FormErrors errors,
			RecordInterview.Parameters form, Model model) {
		model.addAttribute("round", queries.round(round));
		model.addAttribute("threshold", queries.threshold());
		model.addAttribute("entries", queries.interviewList(round, scopes.of(user)));
		model.addAttribute("canRecord", user.role().isCityWide());
		model.addAttribute("formProject", formProject);
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		model.addAttribute("today", LocalDate.now(clock));
		return "dispatch/interviews";
	}

	@GetMapping({ "/dispatch/stalled/interviews.docx", "/api/v1/stalled-projects/interviews.docx" })
	@PreAuthorize(Security.Rules.INTERNAL)
	@io.swagger.v3.oas.annotations.Operation(summary = "Download the interview list of a round as .docx",
			operationId = "getInterviewListDocx", tags = "Stalled projects")
	void docx(@AuthenticationPrincipal CurrentUser user, @RequestParam long round, Locale locale,
			HttpServletResponse response) throws IOException {
		StalledApiController.send(export.docx(round, scopes.of(user), locale), response);
	}

	@GetMapping({ "/dispatch/stalled/interviews.xlsx", "/api/v1/stalled-projects/interviews.xlsx" })
	@PreAuthorize(Security.Rules.INTERNAL)
	@io.swagger.v3.oas.annotations.Operation(summary = "Download the interview list of a round as Excel",
			operationId = "getInterviewListXlsx", tags = "Stalled projects")
	void xlsx(@AuthenticationPrincipal CurrentUser user, @RequestParam long round, Locale locale,
			HttpServletResponse response) throws IOException {
		StalledApiController.send(export.xlsx(round, scopes.of(user), locale), response);
	}
}
