package cn.zhaoshang.service.appeal;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.list.PageSizes;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/appeals}: enterprise appeals and the mayor hotline, with the same rules as the pages: filing,
 * the list with tracking numbers, assignment, acknowledging, answering, the enterprise's rating and reopening.
 */
@RestController
@RequestMapping("/api/v1/appeals")
@Tag(name = "Appeals")
class AppealApiController {

	private final AppealQueries queries;
	private final AppealWrites writes;
	private final DataScopes scopes;

	AppealApiController(AppealQueries queries, AppealWrites writes, DataScopes scopes) {
		this.queries = queries;
		this.writes = writes;
		this.scopes = scopes;
	}

	record Filed(long id, String trackingNo, Instant dueAt) {
	}

	record AppealList(List<AppealQueries.Row> items, long total, int page, int size) {
	}

	record AnswerBody(String answer, Integer version) {
	}

	record SatisfactionBody(Satisfaction satisfaction, Integer version) {
	}

	record AssignBody(Long unitId, Integer version) {
	}

	record VersionBody(Integer version) {
	}

	@PostMapping
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "File an appeal (hotline, one-button line, service day, letter, online)",
			operationId = "createAppeal")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Created.")
	ResponseEntity<Filed> file(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody AppealInput body) {
		Appeal a = writes.file(body, user);
		return ResponseEntity.created(URI.create("/api/v1/appeals/" + a.id()))
			.body(new Filed(a.id(), a.trackingNo(), a.dueAt()));
	}

	@GetMapping
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "List appeals (filtered, one page)", operationId = "listAppeals")
	AppealList list(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute AppealFilter filter,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
		var result = queries.list(filter, AppealScope.of(user, scopes), Math.max(1, page), PageSizes.forApi(size), false);
		return new AppealList(result.items(), result.total(), result.page(), result.size());
	}

	@GetMapping("/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read an appeal", operationId = "getAppeal")
	AppealQueries.Row get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return queries.find(id, AppealScope.of(user, scopes)).orElseThrow(NotFoundException::new);
	}

	@PostMapping("/{id}/assignment")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Assign an appeal to a department or unit", operationId = "assignAppeal")
	AppealQueries.Row assign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody AssignBody body) {
		writes.assign(id, body.unitId(), body.version(), user);
		return get(user, id);
	}

	@PostMapping("/{id}/acknowledgement")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Acknowledge an appeal", operationId = "acknowledgeAppeal")
	AppealQueries.Row acknowledge(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody VersionBody body) {
		writes.acknowledge(id, body.version(), user);
		return get(user, id);
	}

	@PostMapping("/{id}/answer")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Answer an appeal", operationId = "answerAppeal")
	AppealQueries.Row answer(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody AnswerBody body) {
		writes.answer(id, body.answer(), body.version(), user);
		return get(user, id);
	}

	@PostMapping("/{id}/satisfaction")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Record the enterprise's satisfaction with the answer", operationId = "rateAppeal")
	AppealQueries.Row rate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody SatisfactionBody body) {
		writes.rate(id, body.satisfaction(), body.version(), user);
		return get(user, id);
	}

	@PostMapping("/{id}/reopen")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Reopen an appeal rated not satisfied", operationId = "reopenAppeal")
	AppealQueries.Row reopen(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody VersionBody body) {
		writes.reopen(id, body.version(), user);
		return get(user, id);
	}
}
