package cn.zhaoshang.dispatch.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.dispatch.internal.InterviewListExport;
import cn.zhaoshang.dispatch.internal.RecordInterview;
import cn.zhaoshang.dispatch.internal.StalledQueries;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Downloads;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stalled list (无明显进展项目) of a round, its interview list (约谈名单) and the interviews, for API clients: the
 * same rules as the pages (units read their own units' projects, the city bureau records interviews).
 */
@Tag(name = "Stalled projects")
@RestController
@RequestMapping("/api/v1/stalled-projects")
class StalledApiController {

	/** A round that counts against a project. */
	record RoundJson(long id, String name, LocalDate periodFrom, LocalDate periodTo) {
	}

	/** A stalled project of the round. */
	record StalledJson(long projectId, String projectCode, String projectName, long unitId, String unitName,
			String stage, String leaderName, String chiefAttendantName, int roundsWithoutProgress,
			List<RoundJson> rounds, int interviews) {

		static StalledJson of(StalledQueries.Item i) {
			return new StalledJson(i.projectId(), i.projectCode(), i.projectName(), i.unitId(), i.unitName(),
					i.stage(), i.leaderName(), i.chiefAttendantName(), i.roundsWithoutProgress(),
					i.rounds().stream().map(r -> new RoundJson(r.id(), r.name(), r.periodFrom(), r.periodTo())).toList(),
					i.interviews());
		}
	}

	/** The stalled list: the round, the rule's number of rounds now, the projects. */
	record StalledList(long roundId, String roundName, int stalledAfterRounds, List<StalledJson> items) {
	}

	/** A problem raised in a counting round and whether it was solved. */
	record ProblemJson(long roundId, String text, String owner, String decision, boolean done) {
	}

	/** An interview recorded. */
	record InterviewJson(long id, long projectId, long roundId, LocalDate date, String interviewer,
			String interviewees, String commitments, Long watchRoundId, String createdBy) {

		static InterviewJson of(StalledQueries.Interview i) {
			return new InterviewJson(i.id(), i.projectId(), i.roundId(), i.date(), i.interviewer(), i.interviewees(),
					i.commitments(), i.watchRoundId(), i.createdBy());
		}
	}

	/** An entry of the interview list. */
	record EntryJson(StalledJson project, List<ProblemJson> problems, List<InterviewJson> interviews) {
	}

	record InterviewList(long roundId, List<EntryJson> items) {
	}

	/** What recording an interview takes. */
	record InterviewBody(Long roundId, Long projectId, LocalDate date, String interviewer, String interviewees,
			String commitments) {
	}

	private final StalledQueries queries;
	private final RecordInterview record;
	private final InterviewListExport export;
	private final DataScopes scopes;

	StalledApiController(StalledQueries queries, RecordInterview record, InterviewListExport export,
			DataScopes scopes) {
		this.queries = queries;
		this.record = record;
		this.export = export;
		this.scopes = scopes;
	}

	@GetMapping
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "List the stalled projects of a closed dispatch round", operationId = "listStalledProjects")
	StalledList list(@AuthenticationPrincipal CurrentUser user, @RequestParam long round) {
		var r = queries.round(round);
		return new StalledList(r.id(), r.name(), queries.threshold(),
				queries.stalled(round, scopes.of(user)).stream().map(StalledJson::of).toList());
	}

	@GetMapping("/interviews")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read the interview list of a round (stalled projects, problems, interviews)",
			operationId = "getInterviewList")
	InterviewList interviews(@AuthenticationPrincipal CurrentUser user, @RequestParam long round) {
		queries.round(round);
		return new InterviewList(round, queries.interviewList(round, scopes.of(user))
			.stream()
			.map(e -> new EntryJson(StalledJson.of(e.item()),
					e.problems().stream()
						.map(p -> new ProblemJson(p.roundId(), p.text(), p.owner(), p.decision(), p.done()))
						.toList(),
					e.interviews().stream().map(InterviewJson::of).toList()))
			.toList());
	}

	@PostMapping("/interviews")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	@Operation(summary = "Record an interview of a stalled project", operationId = "recordInterview")
	@ApiResponse(responseCode = "201", description = "The interview, recorded.")
	ResponseEntity<InterviewJson> create(@AuthenticationPrincipal CurrentUser user,
			@RequestBody InterviewBody body) {
		long round = body.roundId() == null ? 0 : body.roundId();
		long project = body.projectId() == null ? 0 : body.projectId();
		long id = record.execute(new RecordInterview.Parameters(round, project, body.date(), body.interviewer(),
				body.interviewees(), body.commitments()), user);
		var saved = queries.interviews(project, round).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
		return ResponseEntity.status(201).body(InterviewJson.of(saved));
	}

	static void send(InterviewListExport.File file, HttpServletResponse response) throws IOException {
		Downloads.attachment(response, file.contentType(), file.name(), file.asciiName());
		response.setContentLength(file.content().length);
		response.getOutputStream().write(file.content());
	}
}
