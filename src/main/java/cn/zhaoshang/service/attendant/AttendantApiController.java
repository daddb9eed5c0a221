package cn.zhaoshang.service.attendant;

import java.time.LocalDate;
import java.util.List;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chief attendant's work as JSON: {@code GET /api/v1/chief-attendants/{personId}} (served projects and log)
 * and {@code POST /api/v1/projects/{id}/service-log} (a visit, call or solved problem with satisfaction).
 */
@Tag(name = "Materials and approvals")
@RestController
class AttendantApiController {

	record Desk(long personId, List<AttendantWork.ServedProject> projects, List<AttendantWork.LogEntry> log) {
	}

	record LogBody(ServiceLogKind kind, LocalDate logDate, String content, Satisfaction satisfaction) {
	}

	record Created(long id) {
	}

	private final AttendantWork work;

	AttendantApiController(AttendantWork work) {
		this.work = work;
	}

	@GetMapping("/api/v1/chief-attendants/{personId}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "A chief attendant's projects (what needs attention first) and service log",
			operationId = "getChiefAttendantDesk")
	Desk desk(@PathVariable long personId, @AuthenticationPrincipal CurrentUser user) {
		return new Desk(personId, work.served(personId, user), work.log(personId, user));
	}

	@GetMapping("/api/v1/chief-attendants")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "The chief attendants of the projects the caller may read", operationId = "listChiefAttendants")
	List<AttendantWork.Attendant> attendants(@RequestParam(name = "q", required = false) String q,
			@AuthenticationPrincipal CurrentUser user) {
		return work.attendants(user).stream().filter(a -> q == null || a.name().contains(q.strip())).toList();
	}

	@PostMapping("/api/v1/projects/{id}/service-log")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Log a visit, call or solved problem (with the enterprise's satisfaction) on a project",
			operationId = "createServiceLog")
	Created log(@PathVariable long id, @RequestBody LogBody body, @AuthenticationPrincipal CurrentUser user) {
		return new Created(work.addLog(id,
				new AttendantWork.LogInput(body.kind(), body.logDate(), body.content(), body.satisfaction()), user));
	}
}
