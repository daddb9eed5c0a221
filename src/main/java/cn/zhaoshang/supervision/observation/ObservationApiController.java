package cn.zhaoshang.supervision.observation;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.document.DocumentFormat;
import cn.zhaoshang.platform.document.DocumentGenerator;
import cn.zhaoshang.platform.web.Downloads;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/observations}: half-year observation events (the city bureau creates, edits drafts, opens
 * scoring and closes), the judges' sheets (each judge only their own), the results (every internal role once closed)
 * and the results notice as .docx.
 */
@Tag(name = "Half-year observation")
@RestController
class ObservationApiController {

	private final Observations observations;
	private final DocumentGenerator generator;
	private final MessageSource messages;
	private final Clock clock;

	ObservationApiController(Observations observations, DocumentGenerator generator, MessageSource messages,
			Clock clock) {
		this.observations = observations;
		this.generator = generator;
		this.messages = messages;
		this.clock = clock;
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> refused(InvalidInputException e, HttpServletRequest request, Locale locale) {
		return FieldProblems.of(e, request, messages, locale);
	}

	@GetMapping("/api/v1/observations")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "List a year's observation events (default: this year), newest first",
			operationId = "listObservations")
	ObservationJson.Page list(@RequestParam(name = "year", required = false) Integer year) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		if (y < 2000 || y > 2100) {
			throw new FieldException("year", 400, "observation.rule.year");
		}
		return new ObservationJson.Page(y, observations.ofYear(y).stream().map(ObservationJson.Summary::of).toList());
	}

	@PostMapping("/api/v1/observations")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	@Operation(summary = "Create an observation event as a draft (city bureau)", operationId = "createObservation")
	@ResponseStatus(HttpStatus.CREATED)
	ObservationJson.Detail create(@RequestBody ObservationJson.Body body, @AuthenticationPrincipal CurrentUser user) {
		long id = observations.create(body.input(), user);
		return ObservationJson.Detail.of(observations.get(id), user);
	}

	@GetMapping("/api/v1/observations/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read an observation event: route, criteria, projects, judges", operationId = "getObservation")
	ObservationJson.Detail get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return ObservationJson.Detail.of(observations.get(id), user);
	}

	@PutMapping("/api/v1/observations/{id}")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	@Operation(summary = "Change a draft observation event at the version read (city bureau)",
			operationId = "updateObservation")
	ObservationJson.Detail update(@PathVariable long id, @RequestBody ObservationJson.Body body,
			@AuthenticationPrincipal CurrentUser user) {
		observations.get(id);
		return ObservationJson.Detail.of(observations.update(id, version(body.version()), body.input(), user), user);
	}

	@PostMapping("/api/v1/observations/{id}/scoring")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	@Operation(summary = "Open a draft event for scoring (city bureau)", operationId = "openObservationScoring")
	ObservationJson.Detail openScoring(@PathVariable long id, @RequestBody ObservationJson.VersionBody body,
			@AuthenticationPrincipal CurrentUser user) {
		observations.get(id);
		return ObservationJson.Detail.of(observations.openScoring(id, version(body.version()), user), user);
	}

	@PostMapping("/api/v1/observations/{id}/close")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	@Operation(summary = "Close scoring and freeze the results (city bureau)", operationId = "closeObservation")
	ObservationJson.Detail close(@PathVariable long id, @RequestBody ObservationJson.VersionBody body,
			@AuthenticationPrincipal CurrentUser user) {
		observations.get(id);
		return ObservationJson.Detail.of(observations.close(id, version(body.version()), user), user);
	}

	@GetMapping("/api/v1/observations/{id}/sheets/{judgeId}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read a judge's score sheet (the judge, or the bureau for a judge without an account)",
			operationId = "getObservationSheet")
	ObservationJson.Sheet sheet(@PathVariable long id, @PathVariable long judgeId,
			@AuthenticationPrincipal CurrentUser user) {
		Observation event = observations.get(id);
		Observation.Judge judge = event.judge(judgeId).orElseThrow(NotFoundException::new);
		return ObservationJson.Sheet.of(event, judge, observations.sheet(event, judgeId, user));
	}

	@PutMapping("/api/v1/observations/{id}/sheets/{judgeId}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Save a judge's whole score sheet at the version read (only while scoring)",
			operationId = "saveObservationSheet")
	ObservationJson.Sheet saveSheet(@PathVariable long id, @PathVariable long judgeId,
			@RequestBody ObservationJson.SheetBody body, @AuthenticationPrincipal CurrentUser user) {
		Observation event = observations.get(id);
		event.judge(judgeId).orElseThrow(NotFoundException::new);
		List<Observations.Cell> cells = body.scores() == null ? List.of()
				: body.scores()
					.stream()
					.map(c -> new Observations.Cell(c.projectId() == null ? 0 : c.projectId(),
							c.criterionId() == null ? 0 : c.criterionId(), c.points()))
					.toList();
		observations.saveSheet(id, judgeId, version(body.version()), cells, user);
		return sheet(id, judgeId, user);
	}

	@GetMapping("/api/v1/observations/{id}/results")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "The results: units and projects ranked (everyone once closed; the bureau while scoring)",
			operationId = "getObservationResults")
	ObservationJson.Results results(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		Observation event = observations.get(id);
		return ObservationJson.Results.of(event, observations.results(event, user));
	}

	@GetMapping({ "/api/v1/observations/{id}/results.docx", "/supervision/observations/{id}/results.docx" })
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Download the results notice as .docx", operationId = "getObservationResultsDocx")
	void docx(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Locale locale,
			HttpServletResponse response) throws IOException {
		Observation event = observations.get(id);
		var document = new ObservationNotice(messages, locale).of(event, observations.results(event, user));
		byte[] bytes = generator.write(document, DocumentFormat.DOCX);
		Downloads.attachment(response, DocumentFormat.DOCX.contentType(), document.title() + ".docx",
				"observation-" + id + "-results.docx");
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	/** A change needs the version read: without one it is a conflict, like a stale one. */
	static int version(Integer version) {
		if (version == null) {
			throw new org.springframework.dao.OptimisticLockingFailureException("no version");
		}
		return version;
	}
}
