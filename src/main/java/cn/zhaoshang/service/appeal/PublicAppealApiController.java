package cn.zhaoshang.service.appeal;

import jakarta.validation.Valid;

import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.PublicForm;
import cn.zhaoshang.platform.Security;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The anonymous appeal endpoints for other sites (no token, no CSRF), under the public-form guard: filing answers
 * only the tracking number; tracking answers only the status and, once given, the answer.
 */
@RestController
@Tag(name = "Public")
class PublicAppealApiController {

	static final String FORM = "appeal";
	static final String TRACK = "appeal-track";

	private final AppealWrites writes;
	private final AppealQueries queries;

	PublicAppealApiController(AppealWrites writes, AppealQueries queries) {
		this.writes = writes;
		this.queries = queries;
	}

	record Tracking(String trackingNo) {
	}

	@PostMapping("/api/v1/public/appeals")
	@PreAuthorize(Security.Rules.PUBLIC)
	@PublicForm(FORM)
	@Operation(summary = "File an enterprise appeal (anonymous, rate-limited)", operationId = "filePublicAppeal")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Created.")
	ResponseEntity<Tracking> file(@Valid @RequestBody PublicAppealForm body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(new Tracking(writes.filePublic(body).trackingNo()));
	}

	@GetMapping("/api/v1/public/appeals/{trackingNo}")
	@PreAuthorize(Security.Rules.PUBLIC)
	@PublicForm(TRACK)
	@Operation(summary = "Track an appeal by its tracking number (anonymous, rate-limited)",
			operationId = "trackPublicAppeal")
	AppealQueries.PublicStatus track(@PathVariable String trackingNo) {
		return queries.publicStatus(trackingNo).orElseThrow(NotFoundException::new);
	}
}
