package cn.zhaoshang.clue.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import cn.zhaoshang.clue.ClueSource;
import cn.zhaoshang.clue.ClueStatus;
import cn.zhaoshang.clue.FollowUpKind;
import cn.zhaoshang.clue.PromotionMode;
import cn.zhaoshang.clue.internal.AssignClue;
import cn.zhaoshang.clue.internal.ClueDetails;
import cn.zhaoshang.clue.internal.ClueFilter;
import cn.zhaoshang.clue.internal.ClueLookup;
import cn.zhaoshang.clue.internal.ClueQueries;
import cn.zhaoshang.clue.internal.ConfirmClue;
import cn.zhaoshang.clue.internal.EditClue;
import cn.zhaoshang.clue.internal.FollowUpClue;
import cn.zhaoshang.clue.internal.FollowUpInput;
import cn.zhaoshang.clue.internal.InvalidateClue;
import cn.zhaoshang.clue.internal.LogClue;
import cn.zhaoshang.clue.internal.ReturnClueToPool;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.list.PageSizes;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.Security;

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
 * The clue database's REST API ({@code /api/v1/clues}), with the rules of the pages: internal roles read every
 * clue, an intermediary only its own (and may only submit); editing, following up and assigning as on the pages
 * (403/404 from the use cases). Conversion lives with the project module ({@code POST /api/v1/clues/{id}/conversion}).
 */
@Tag(name = "Clues")
@RestController
@RequestMapping("/api/v1/clues")
class ClueApiController {


	private final ClueLookup clues;
	private final LogClue log;
	private final EditClue edit;
	private final FollowUpClue followUp;
	private final ConfirmClue confirm;
	private final InvalidateClue invalidate;
	private final ReturnClueToPool returnToPool;
	private final AssignClue assign;
	private final ClueQueries queries;

	ClueApiController(ClueLookup clues, LogClue log, EditClue edit, FollowUpClue followUp, ConfirmClue confirm,
			InvalidateClue invalidate, ReturnClueToPool returnToPool, AssignClue assign, ClueQueries queries) {
		this.clues = clues;
		this.log = log;
		this.edit = edit;
		this.followUp = followUp;
		this.confirm = confirm;
		this.invalidate = invalidate;
		this.returnToPool = returnToPool;
		this.assign = assign;
		this.queries = queries;
	}

	/** {items, total, page, size}; query parameters those of {@link ClueFilter} plus page (1-based) and size. */
	@GetMapping
	@PreAuthorize(Security.Rules.SIGNED_IN)
	@Operation(summary = "List clues (filtered, one page)", operationId = "listClues")
	ClueList list(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute ClueFilter filter,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		var result = queries.list(filter, user, Math.max(page, 1), PageSizes.forApi(size), false);
		return new ClueList(result.items().stream().map(ClueRow::of).toList(), result.total(), result.page(),
				result.size());
	}

	@PostMapping
	@PreAuthorize(Security.Rules.CLUE_SUBMITTER)
	@Operation(summary = "Register a clue", operationId = "createClue")
	@ApiResponse(responseCode = "201", description = "The clue, registered; `Location` is its address.")
	ResponseEntity<ClueJson> create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ClueDetails body) {
		long id = log.execute(body, user).id().value();
		var location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
		return ResponseEntity.created(location).body(detail(id, user));
	}

	@GetMapping("/{id}")
	@PreAuthorize(Security.Rules.SIGNED_IN)
	@Operation(summary = "Read a clue with its follow-ups and assignments", operationId = "getClue")
	ClueJson one(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return detail(id, user);
	}

	/** Edits an open clue's facts; {@code version} must be the one read, else 409 and nothing changes. */
	@PutMapping("/{id}")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Edit an open clue's facts", operationId = "updateClue")
	ClueJson update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody ClueDetails body) {
		edit.execute(id, body, user);
		return detail(id, user);
	}

	@PostMapping("/{id}/follow-ups")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Record a follow-up on a clue", operationId = "addClueFollowUp")
	@ApiResponse(responseCode = "201", description = "The clue with the new follow-up.")
	@ApiResponse(responseCode = "409", description = "The clue is closed (converted or invalid).")
	ResponseEntity<ClueJson> followUp(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody FollowUpInput body) {
		followUp.execute(id, body, user);
		return ResponseEntity.status(HttpStatus.CREATED).body(detail(id, user));
	}

	/**
	 * Assigns the clue to {@code ownerUnitId} (and optionally {@code assigneeId}) with a reason, or with
	 * {@code "pool": true} returns it to the city pool (reason required).
	 */
	@PostMapping("/{id}/assignment")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Assign a clue to a unit, or return it to the city pool", operationId = "assignClue")
	@ApiResponse(responseCode = "200", description = "The clue with its new owner.")
	@ApiResponse(responseCode = "409", description = "The clue is closed, or already in the pool.")
	ClueJson assign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody AssignmentBody body) {
		if (Boolean.TRUE.equals(body.pool())) {
			returnToPool.execute(id, body.reason(), user);
		}
		else {
			assign.execute(id, body.ownerUnitId(), body.assigneeId(), body.reason(), user);
		}
		return detail(id, user);
	}

	/** Confirms intent (FOLLOWING → CONFIRMED) or, with a reason, marks the clue invalid. */
	@PostMapping("/{id}/status")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Confirm a clue's intent, or mark it invalid", operationId = "changeClueStatus")
	@ApiResponse(responseCode = "200", description = "The clue with its new status.")
	@ApiResponse(responseCode = "409", description = "The clue is closed (converted or invalid).")
	ClueJson status(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody StatusBody body) {
		if (body.status() == ClueStatus.CONFIRMED) {
			confirm.execute(id, user);
		}
		else if (body.status() == ClueStatus.INVALID) {
			invalidate.execute(id, body.reason(), user);
		}
		else {
			throw new cn.zhaoshang.platform.FieldException("status", "validation.invalidValue");
		}
		return detail(id, user);
	}

	private ClueJson detail(long id, CurrentUser user) {
		clues.readable(id, user);
		var d = queries.detail(id);
		boolean internal = user.role() != Role.INTERMEDIARY;
		return ClueJson.of(d, internal ? queries.followUps(id) : List.of(),
				internal ? queries.assignments(id) : List.of());
	}

	record AssignmentBody(Long ownerUnitId, Long assigneeId, Boolean pool,
			@Size(max = 500, message = "{validation.size}") String reason) {
	}

	record StatusBody(ClueStatus status, @Size(max = 500, message = "{validation.size}") String reason) {
	}

	record ClueList(List<ClueRow> items, long total, int page, int size) {
	}

	record ClueRow(long id, String title, String enterpriseName, Long merchantId, Long chainId, String chainName,
			BigDecimal estimatedInvestment, PromotionMode promotionMode, ClueSource source, String sourceCredit,
			Long ownerUnitId, String ownerUnitName, Long assigneeId, String assigneeName, ClueStatus status,
			LocalDate lastFollowUpAt, Instant createdAt, Long projectId, String projectCode, Instant staleSince) {

		static ClueRow of(ClueQueries.Row r) {
			return new ClueRow(r.id(), r.title(), r.enterpriseName(), r.merchantId(), r.chainId(), r.chainName(),
					r.estimatedInvestment(), r.promotionMode(), r.source(), r.sourceCredit(), r.ownerUnitId(),
					r.ownerName(), r.assigneeId(), r.assigneeName(), r.status(), r.lastFollowUpAt(), r.createdAt(),
					r.projectId(), r.projectCode(), r.staleSince());
		}
	}

	record FollowUpJson(long id, LocalDate followUpDate, FollowUpKind followUpKind, String peopleMet,
			String content, String nextStep, LocalDate nextDate, String createdBy) {
	}

	record AssignmentJson(String kind, String fromUnit, String fromUser, String toUnit, String toUser, String reason,
			String by, Instant at) {
	}

	record ClueJson(long id, String title, String enterpriseName, Long merchantId, Long chainId, String chainName,
			String chainLink, BigDecimal estimatedInvestment, PromotionMode promotionMode, ClueSource source,
			String sourceUnitName, String sourceCredit, Long ownerUnitId, String ownerUnitName, Long assigneeId,
			String assigneeName, ClueStatus status, String invalidReason, String notes, LocalDate lastFollowUpAt,
			Long projectId, String projectCode, int version, List<FollowUpJson> followUps,
			List<AssignmentJson> assignments) {

		static ClueJson of(ClueQueries.Detail d, List<ClueQueries.FollowUp> followUps,
				List<ClueQueries.Assignment> assignments) {
			var r = d.row();
			return new ClueJson(r.id(), r.title(), r.enterpriseName(), r.merchantId(), r.chainId(), r.chainName(),
					r.chainLink(), r.estimatedInvestment(), r.promotionMode(), r.source(), d.sourceUnitName(),
					r.sourceCredit(), r.ownerUnitId(), r.ownerName(), r.assigneeId(), r.assigneeName(), r.status(),
					d.invalidReason(), d.description(), r.lastFollowUpAt(), r.projectId(), r.projectCode(),
					d.version(),
					followUps.stream()
						.map(f -> new FollowUpJson(f.id(), f.date(), f.kind(), f.peopleMet(), f.content(),
								f.nextStep(), f.nextDate(), f.createdBy()))
						.toList(),
					assignments.stream()
						.map(a -> new AssignmentJson(a.kind(), a.fromUnit(), a.fromUser(), a.toUnit(), a.toUser(),
								a.reason(), a.by(), a.at()))
						.toList());
		}
	}
}
