package cn.zhaoshang.project.web;

import java.util.List;

import jakarta.validation.Valid;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.project.internal.Attachments;
import cn.zhaoshang.project.internal.CreateProject;
import cn.zhaoshang.project.internal.EditProject;
import cn.zhaoshang.project.internal.MoveProjectStage;
import cn.zhaoshang.project.internal.ProjectAccess;
import cn.zhaoshang.project.internal.ProjectDetails;
import cn.zhaoshang.project.internal.ProjectFilter;
import cn.zhaoshang.project.internal.ProjectRecordQueries;
import cn.zhaoshang.platform.list.PageSizes;
import cn.zhaoshang.project.internal.ProjectQueries;
import cn.zhaoshang.project.internal.RecordProgress;
import cn.zhaoshang.project.internal.Milestones;
import cn.zhaoshang.project.internal.RecordRegistration;
import cn.zhaoshang.project.internal.ReviewStageMove;
import cn.zhaoshang.project.internal.StageMoveRequest;
import cn.zhaoshang.project.web.ProjectApiViews.MoveOutcomeJson;
import cn.zhaoshang.project.web.ProjectApiViews.ProgressBody;
import cn.zhaoshang.project.web.ProjectApiViews.ProgressOutcomeJson;
import cn.zhaoshang.project.web.ProjectApiViews.ProjectJson;
import cn.zhaoshang.project.web.ProjectApiViews.ProjectGroups;
import cn.zhaoshang.project.web.ProjectApiViews.ProjectList;
import cn.zhaoshang.project.web.ProjectApiViews.ReviewBody;
import cn.zhaoshang.project.web.ProjectApiViews.ReviewOutcomeJson;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The project ledger's REST API ({@code /api/v1/projects}), with the same rules as the pages: every internal
 * role reads the shared city pool, a unit's staff change only their own unit's projects (the use cases check the
 * data scope and answer 403/404), the city bureau reviews. External intermediaries never see projects.
 */
@Tag(name = "Projects")
@RestController
@RequestMapping("/api/v1/projects")
class ProjectApiController {


	private final ProjectAccess access;
	private final CreateProject create;
	private final EditProject edit;
	private final MoveProjectStage move;
	private final ReviewStageMove review;
	private final RecordProgress progress;
	private final ProjectQueries queries;
	private final ProjectRecordQueries records;
	private final Attachments attachments;
	private final DataScopes scopes;
	private final Milestones milestones;
	private final RecordRegistration registration;

	ProjectApiController(ProjectAccess access, CreateProject create, EditProject edit, MoveProjectStage move,
			ReviewStageMove review, RecordProgress progress, ProjectQueries queries, ProjectRecordQueries records, Attachments attachments,
			DataScopes scopes, Milestones milestones, RecordRegistration registration) {
		this.milestones = milestones;
		this.registration = registration;
		this.access = access;
		this.create = create;
		this.edit = edit;
		this.move = move;
		this.review = review;
		this.progress = progress;
		this.queries = queries;
		this.records = records;
		this.attachments = attachments;
		this.scopes = scopes;
	}

	/**
	 * The filtered list, one page at a time (1-based; size 1–200, default 20), with the count and the sums of the
	 * whole filtered set. Query parameters are those of {@link ProjectFilter} plus {@code page} and {@code size}.
	 */
	@GetMapping
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "List projects (filtered, one page, with sums)", operationId = "listProjects")
	ProjectList list(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute ProjectFilter filter,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		// A range without dateOf is refused by the filter's own check (ProjectFilter, DateRangeNamed), as on the page and
		// in the export.
		return ProjectList.of(queries.listPage(filter, scopes.of(user), Math.max(page, 1), PageSizes.forApi(size)));
	}

	/**
	 * The filtered set grouped by landing unit, chain or stage in one request (the grouped ledger page's figures),
	 * e.g. the year's signings per county: {@code ?by=unit&dateOf=signed&from=2025-01-01&to=2025-12-31}.
	 */
	@GetMapping("/groups")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Count and sum the filtered projects per unit, chain or stage", operationId = "groupProjects")
	ProjectGroups groups(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute ProjectFilter filter,
			@RequestParam(defaultValue = "unit") String by) {
		if (!ProjectQueries.GROUP_BY.contains(by)) {
			throw new FieldException("by", 400, "ledger.groups.by");
		}
		return ProjectGroups.of(queries.grouped(filter, scopes.of(user), by));
	}

	@PostMapping
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Register a project", operationId = "createProject")
	@ApiResponse(responseCode = "201", description = "The project, registered; `Location` is its address.")
	ResponseEntity<ProjectJson> create(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody ProjectDetails body) {
		long id = create.execute(body, user).id().value();
		var location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
		return ResponseEntity.created(location).body(detail(id, user));
	}

	@GetMapping("/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read a project with its timeline, progress and attachments", operationId = "getProject")
	ProjectJson one(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		access.readable(id, user);
		return detail(id, user);
	}

	/** Edits the project's facts; {@code version} must be the one read, else 409 and nothing changes. */
	@PutMapping("/{id}")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Edit a project's facts", operationId = "updateProject")
	ProjectJson update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody ProjectDetails body) {
		edit.execute(id, body, user);
		return detail(id, user);
	}

	/**
	 * A stage move with the target stage's facts and evidence, or a status change with a reason. 201 with
	 * {@code applied=false} when the unit's setting sends it to the city bureau for review first.
	 */
	@PostMapping("/{id}/stage-moves")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Move a project to another stage or status", operationId = "moveProjectStage")
	@ApiResponse(responseCode = "201", description = "The move, applied or (`applied=false`) awaiting review.")
	@ApiResponse(responseCode = "409", description = "A move of this project already awaits review.")
	ResponseEntity<MoveOutcomeJson> move(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody StageMoveRequest body) {
		var outcome = move.execute(id, body, user);
		return ResponseEntity.status(HttpStatus.CREATED).body(new MoveOutcomeJson(outcome.moveId(), outcome.applied()));
	}

	@PostMapping("/{id}/stage-moves/{moveId}/review")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	@Operation(summary = "Approve or return a stage move awaiting review", operationId = "reviewStageMove")
	@ApiResponse(responseCode = "200", description = "The review and the project's stage and status after it.")
	@ApiResponse(responseCode = "409", description = "The move is not awaiting review.")
	ReviewOutcomeJson review(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long moveId, @Valid @RequestBody ReviewBody body) {
		review.execute(id, moveId, body.approve(), body.opinion(), user);
		var p = access.readable(id, user);
		return new ReviewOutcomeJson(moveId, body.approve() ? "APPROVED" : "RETURNED", p.stage(), p.status());
	}

	/**
	 * Records the REGISTERED milestone (注册日期) of a signed or later project, or corrects its date; the same date
	 * again changes nothing. The edit ({@code PUT}) takes {@code registeredDate} too.
	 */
	@PostMapping("/{id}/registration")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Record a project's registration date (REGISTERED milestone)",
			operationId = "recordProjectRegistration")
	@ApiResponse(responseCode = "200", description = "The project with its registration date and milestones.")
	ProjectJson registration(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody ProjectApiViews.RegistrationBody body) {
		registration.execute(id, body.registeredDate(), user);
		return detail(id, user);
	}

	@PostMapping("/{id}/progress")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Record progress on a project", operationId = "recordProjectProgress")
	@ApiResponse(responseCode = "201", description = "The progress entry and the project's latest progress.")
	ResponseEntity<ProgressOutcomeJson> progress(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody ProgressBody body) {
		long progressId;
		try {
			progressId = progress.execute(id, body.date(), body.text(), body.paidInInvestment(),
					body.photoIds(), user);
		}
		catch (InvalidInputException e) {
			// The use case names the page form's field (progressDate); the API body calls it date.
			throw new InvalidInputException(e.violations()
				.stream()
				.map(v -> "progressDate".equals(v.field()) ? new Violation("date", v.messageKey(), v.args()) : v)
				.toList());
		}
		var d = records.detail(id, scopes.of(user)).row();
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new ProgressOutcomeJson(progressId, d.latestProgressDate(), d.latestProgress(),
					ProjectApiViews.money(d.paidInInvestment())));
	}

	private ProjectJson detail(long id, CurrentUser user) {
		var project = access.readable(id, user);
		List<Attachments.Attachment> files = attachments.ofProject(id);
		var scope = scopes.of(user);
		return ProjectJson.of(records.detail(id, scope), access.canEdit(project, user),
				records.timeline(id, scope, attachments), records.progress(id, scope, attachments), files,
				milestones.of(id, scope));
	}
}
