package cn.zhaoshang.dispatch.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import cn.zhaoshang.dispatch.MajorForum;
import cn.zhaoshang.dispatch.ProblemStatus;
import cn.zhaoshang.dispatch.ReportStatus;
import cn.zhaoshang.dispatch.RoundStatus;
import cn.zhaoshang.dispatch.internal.ChangeScope;
import cn.zhaoshang.dispatch.internal.CloseRound;
import cn.zhaoshang.dispatch.internal.DecideProblem;
import cn.zhaoshang.dispatch.internal.DecisionInput;
import cn.zhaoshang.dispatch.internal.DispatchAccess;
import cn.zhaoshang.dispatch.internal.DispatchRound;
import cn.zhaoshang.dispatch.internal.EditRound;
import cn.zhaoshang.dispatch.internal.OpenRound;
import cn.zhaoshang.dispatch.internal.ReportInput;
import cn.zhaoshang.dispatch.internal.ReturnReport;
import cn.zhaoshang.dispatch.internal.RoundFilter;
import cn.zhaoshang.dispatch.internal.RoundInput;
import cn.zhaoshang.dispatch.internal.RoundQueries;
import cn.zhaoshang.dispatch.internal.SaveReport;
import cn.zhaoshang.dispatch.internal.ScopeFilter;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.list.PageSizes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The dispatch rounds' REST API ({@code /api/v1/dispatch-rounds}) with the rules of the pages: every internal user
 * reads rounds; a unit reads and writes the reports of its own projects (another unit's project: 404); the city
 * bureau opens, scopes, closes and reopens rounds, returns reports and records decisions. A report after closing is
 * a 409, a stale version a 409.
 */
@Tag(name = "Dispatch rounds")
@RestController
class DispatchApiController {

	private final OpenRound open;
	private final ChangeScope changeScope;
	private final SaveReport saveReport;
	private final ReturnReport returnReport;
	private final CloseRound close;
	private final EditRound edit;
	private final DecideProblem decide;
	private final DispatchAccess access;
	private final RoundQueries queries;

	DispatchApiController(OpenRound open, ChangeScope changeScope, SaveReport saveReport, ReturnReport returnReport,
			CloseRound close, EditRound edit, DecideProblem decide, DispatchAccess access, RoundQueries queries) {
		this.edit = edit;
		this.open = open;
		this.changeScope = changeScope;
		this.saveReport = saveReport;
		this.returnReport = returnReport;
		this.close = close;
		this.decide = decide;
		this.access = access;
		this.queries = queries;
	}

	record RoundBody(String name, LocalDate periodFrom, LocalDate periodTo, LocalDate deadline, Long chairPersonId,
			List<Long> projectIds) {
	}

	record RoundEditBody(String name, LocalDate periodFrom, LocalDate periodTo, LocalDate deadline,
			Long chairPersonId, Integer version) {
	}

	record RoundList(List<RoundQueries.RoundRow> items, long total, int page, int size) {
	}

	record CompletionJson(long unitId, String unitName, long expected, long submitted, long draft, long returned,
			long missing) {
	}

	record ProjectJson(long projectId, String code, String name, long unitId, String unitName, String stage,
			ReportStatus reportStatus, Instant submittedAt, BigDecimal fundsInPeriod, int problems, boolean frozen,
			String stageAtClose, Integer stageMovesInPeriod, Boolean milestoneInPeriod) {

		static ProjectJson of(RoundQueries.ScopeItem i) {
			return new ProjectJson(i.projectId(), i.code(), i.name(), i.unitId(), i.unitName(), i.stage(),
					i.reportStatus(), i.submittedAt(), i.fundsInPeriod(), i.problems(), i.frozen(), i.stageAtClose(),
					i.stageMovesInPeriod(), i.milestoneInPeriod());
		}
	}

	record RoundJson(long id, String name, RoundStatus status, LocalDate periodFrom, LocalDate periodTo,
			LocalDate deadline, Long chairPersonId, String chairName, Instant closedAt, String closedBy,
			String reopenReason, int version, long expected, long submitted, List<CompletionJson> completion,
			List<ProjectJson> projects) {
	}

	record ProblemJson(long id, String text, Long ownerUnitId, String ownerName, LocalDate due, String decision,
			Long decisionOwnerUnitId, String decisionOwnerName, LocalDate decisionDue, ProblemStatus status,
			boolean overdue, boolean major, MajorForum majorForum, String majorOutcome, int version, Long roundId,
			String roundName, Long projectId, String projectCode, String projectName, boolean carried) {

		static ProblemJson of(RoundQueries.ProblemItem i) {
			var q = i.problem();
			return new ProblemJson(q.id(), q.text(), q.ownerUnitId(), q.ownerName(), q.due(), q.decision(),
					q.decisionOwnerUnitId(), q.decisionOwnerName(), q.decisionDue(), q.status(), i.overdue(),
					q.major(), q.majorForum(), q.majorOutcome(), q.version(), q.roundId(), i.roundName(),
					q.projectId(), i.projectCode(), i.projectName(), i.carried());
		}
	}

	record ReportJson(long roundId, long projectId, String code, String name, long unitId, String unitName,
			String stage, ReportStatus reportStatus, String summary, String nextSteps, String returnComment,
			String submittedBy, Instant submittedAt, BigDecimal fundsInPeriod, boolean frozen, boolean editable,
			int version, List<ProblemJson> problems) {
	}

	record ProblemList(List<ProblemJson> items) {
	}

	record ScopeBody(List<Long> projectIds) {
	}

	record ReasonBody(String reason) {
	}

	record ReturnBody(String comment, Integer version) {
	}

	@GetMapping("/api/v1/dispatch-rounds")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "List dispatch rounds with their completion (filtered, one page)",
			operationId = "listDispatchRounds")
	RoundList list(@Valid @ModelAttribute RoundFilter filter, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		RoundQueries.ROUND_SORTING.require(filter.sort(), filter.dir());
		var result = queries.list(filter, Math.max(page, 1), PageSizes.forApi(size), false);
		return new RoundList(result.items(), result.total(), result.page(), result.size());
	}

	@PostMapping("/api/v1/dispatch-rounds")
	@PreAuthorize(DispatchAccess.BUREAU)
	@Operation(summary = "Open a dispatch round (default scope: every active negotiating, signed or commenced project)",
			operationId = "openDispatchRound")
	@ApiResponse(responseCode = "201", description = "The round; `Location` is its address.")
	ResponseEntity<RoundJson> create(@AuthenticationPrincipal CurrentUser user, @RequestBody RoundBody body) {
		long id = open.execute(new RoundInput(body.name(), body.periodFrom(), body.periodTo(), body.deadline(),
				body.chairPersonId(), body.projectIds()), user);
		var location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
		return ResponseEntity.created(location).body(round(id, user));
	}

	@GetMapping("/api/v1/dispatch-rounds/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read a dispatch round: completion per unit and the projects the caller may see",
			operationId = "getDispatchRound")
	RoundJson one(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return round(id, user);
	}

	@PutMapping("/api/v1/dispatch-rounds/{id}")
	@PreAuthorize(DispatchAccess.BUREAU)
	@Operation(summary = "Edit an open round's header: name, period, report deadline and chairing leader",
			operationId = "updateDispatchRound")
	@ApiResponse(responseCode = "200", description = "The round as saved (as GET).")
	@ApiResponse(responseCode = "409", description = "The round is closed, or it changed meanwhile (stale version).")
	RoundJson update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody RoundEditBody body) {
		edit.execute(id, new RoundInput(body.name(), body.periodFrom(), body.periodTo(), body.deadline(),
				body.chairPersonId(), null), body.version(), user);
		return round(id, user);
	}

	@PostMapping("/api/v1/dispatch-rounds/{id}/projects")
	@PreAuthorize(DispatchAccess.BUREAU)
	@Operation(summary = "Add projects to an open round", operationId = "addDispatchRoundProjects")
	RoundJson addProjects(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody ScopeBody body) {
		changeScope.add(id, body.projectIds(), user);
		return round(id, user);
	}

	@DeleteMapping("/api/v1/dispatch-rounds/{id}/projects/{projectId}")
	@PreAuthorize(DispatchAccess.BUREAU)
	@Operation(summary = "Remove a project (and its report) from an open round",
			operationId = "removeDispatchRoundProject")
	RoundJson removeProject(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long projectId) {
		changeScope.remove(id, projectId, user);
		return round(id, user);
	}

	@GetMapping("/api/v1/dispatch-rounds/{id}/reports/{projectId}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read a unit's report on a project of a round", operationId = "getDispatchReport")
	ReportJson report(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long projectId) {
		return reportJson(id, projectId, user);
	}

	@PutMapping("/api/v1/dispatch-rounds/{id}/reports/{projectId}")
	@PreAuthorize(DispatchAccess.REPORTER)
	@Operation(summary = "Save (submit: false) or submit a unit's report on a project of an open round",
			operationId = "saveDispatchReport")
	@ApiResponse(responseCode = "200", description = "The report as saved.")
	@ApiResponse(responseCode = "409", description = "The round is closed, or the report changed meanwhile.")
	ReportJson saveReport(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long projectId, @RequestBody ReportInput body) {
		saveReport.execute(id, projectId, body, user);
		return reportJson(id, projectId, user);
	}

	@PostMapping("/api/v1/dispatch-rounds/{id}/reports/{projectId}/return")
	@PreAuthorize(DispatchAccess.BUREAU)
	@Operation(summary = "Return a submitted report to its unit with a comment", operationId = "returnDispatchReport")
	ReportJson returnReport(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long projectId, @RequestBody ReturnBody body) {
		returnReport.execute(id, projectId, body.comment(), body.version(), user);
		return reportJson(id, projectId, user);
	}

	@PostMapping("/api/v1/dispatch-rounds/{id}/close")
	@PreAuthorize(DispatchAccess.BUREAU)
	@Operation(summary = "Close a round: freeze its reports and each project's facts for the period (idempotent)",
			operationId = "closeDispatchRound")
	RoundJson close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		close.close(id, user);
		return round(id, user);
	}

	@PostMapping("/api/v1/dispatch-rounds/{id}/reopen")
	@PreAuthorize(DispatchAccess.BUREAU)
	@Operation(summary = "Reopen a closed round with a reason", operationId = "reopenDispatchRound")
	RoundJson reopen(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody ReasonBody body) {
		close.reopen(id, body.reason(), user);
		return round(id, user);
	}

	@GetMapping("/api/v1/dispatch-rounds/{id}/problems")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "The problems of a round with their decisions, and the overdue items carried from earlier rounds",
			operationId = "listDispatchProblems")
	ProblemList problems(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		DispatchRound round = access.round(id);
		return new ProblemList(queries.problems(round, user).stream().map(ProblemJson::of).toList());
	}

	@PutMapping("/api/v1/dispatch-problems/{problemId}")
	@PreAuthorize(DispatchAccess.BUREAU)
	@Operation(summary = "Record the meeting's decision on a problem (owner, due date, done, major matter)",
			operationId = "decideDispatchProblem")
	ProblemJson decide(@AuthenticationPrincipal CurrentUser user, @PathVariable long problemId,
			@RequestBody DecisionInput body) {
		decide.execute(problemId, body, user);
		return queries.problem(problemId).map(ProblemJson::of).orElseThrow();
	}

	@GetMapping("/api/v1/dispatch-major-matters")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "The major matters sent to the executive meeting or the key-project dispatch meeting",
			operationId = "listDispatchMajorMatters")
	ProblemList majors(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MajorForum forum) {
		return new ProblemList(queries.majors(forum, user).stream().map(ProblemJson::of).toList());
	}

	private RoundJson round(long id, CurrentUser user) {
		DispatchRound r = access.round(id);
		var completion = queries.completion(id);
		long expected = completion.stream().mapToLong(RoundQueries.Completion::expected).sum();
		long submitted = completion.stream().mapToLong(RoundQueries.Completion::submitted).sum();
		var projects = queries.scope(r, ScopeFilter.none(), user, 1, Integer.MAX_VALUE / 2, false);
		return new RoundJson(r.id(), r.name(), r.status(), r.periodFrom(), r.periodTo(), r.deadline(),
				r.chairPersonId(), r.chairName(), r.closedAt(), r.closedBy(), r.reopenReason(), r.version(), expected,
				submitted,
				completion.stream().map(c -> new CompletionJson(c.unitId(), c.unitName(), c.expected(), c.submitted(),
						c.draft(), c.returned(), c.missing())).toList(),
				projects.items().stream().map(ProjectJson::of).toList());
	}

	private ReportJson reportJson(long id, long projectId, CurrentUser user) {
		DispatchRound r = access.round(id);
		var row = access.readable(id, projectId, user);
		var item = queries.item(r, projectId);
		return new ReportJson(id, projectId, item.code(), item.name(), item.unitId(), item.unitName(), item.stage(),
				row.reportStatus(), row.summary(), row.nextSteps(), row.returnComment(), row.submittedBy(),
				row.submittedAt(), item.fundsInPeriod(), item.frozen(), r.isOpen() && access.canWrite(row.unitId(), user),
				row.version(), queries.problems(id, projectId).stream().map(ProblemJson::of).toList());
	}
}
