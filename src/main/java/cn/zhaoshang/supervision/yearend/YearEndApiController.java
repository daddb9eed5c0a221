package cn.zhaoshang.supervision.yearend;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.document.DocumentFormat;
import cn.zhaoshang.platform.document.DocumentGenerator;
import cn.zhaoshang.platform.web.Downloads;
import cn.zhaoshang.supervision.Completion;
import cn.zhaoshang.supervision.RankingHistory;
import cn.zhaoshang.supervision.SupervisionFigures;
import cn.zhaoshang.supervision.observation.FieldProblems;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
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
 * {@code /api/v1/year-end}: a year's summary (figures against targets per unit, quarterly rankings, observation
 * results, commendations, fault-tolerance exemptions) for every internal role, as JSON and as .docx; the city bureau
 * records the commendations and exemptions.
 */
@Tag(name = "Year-end summary")
@RestController
class YearEndApiController {

	private final YearEndSummaries summaries;
	private final YearEndRecords records;
	private final DocumentGenerator generator;
	private final MessageSource messages;
	private final Clock clock;

	YearEndApiController(YearEndSummaries summaries, YearEndRecords records, DocumentGenerator generator,
			MessageSource messages, Clock clock) {
		this.summaries = summaries;
		this.records = records;
		this.generator = generator;
		this.messages = messages;
		this.clock = clock;
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> refused(InvalidInputException e, HttpServletRequest request, Locale locale) {
		return FieldProblems.of(e, request, messages, locale);
	}

	record CommendationBody(CommendationKind kind, String subject, String reason, Integer version) {
	}

	record ExemptionBody(String person, String matter, String decision, LocalDate decidedOn, Integer version) {
	}

	record Indicator(String indicator, BigDecimal achieved, BigDecimal target, BigDecimal percent) {
	}

	record UnitJson(long unitId, String unitName, List<Indicator> indicators) {
	}

	record ObservationJson(long id, String title, LocalDate date, List<UnitPlace> units) {
	}

	record UnitPlace(int rank, long unitId, String unitName, int projects, BigDecimal score) {
	}

	record SummaryJson(int year, LocalDate asOf, List<Indicator> city, List<UnitJson> units,
			List<RankingHistory.QuarterRanking> rankings, List<ObservationJson> observations,
			List<YearEndRecords.Commendation> commendations, List<YearEndRecords.Exemption> exemptions) {
	}

	@GetMapping("/api/v1/year-end/{year}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "A year's summary: figures against targets, rankings, observations, commendations, exemptions",
			operationId = "getYearEndSummary")
	SummaryJson summary(@PathVariable int year) {
		return json(summaries.of(year));
	}

	@GetMapping({ "/api/v1/year-end/{year}/summary.docx", "/supervision/year-end/{year}/summary.docx" })
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Download a year's summary as .docx", operationId = "getYearEndSummaryDocx")
	void docx(@PathVariable int year, Locale locale, HttpServletResponse response) throws IOException {
		var document = new YearEndDocument(messages, locale).of(summaries.of(year), LocalDate.now(clock));
		byte[] bytes = generator.write(document, DocumentFormat.DOCX);
		Downloads.attachment(response, DocumentFormat.DOCX.contentType(), document.title() + ".docx",
				"year-end-summary-" + year + ".docx");
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	@PostMapping("/api/v1/year-end/{year}/commendations")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a commendation of the year (city bureau)", operationId = "createCommendation")
	YearEndRecords.Commendation addCommendation(@PathVariable int year, @RequestBody CommendationBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return records.addCommendation(year, body.kind(), body.subject(), body.reason(), user);
	}

	@PutMapping("/api/v1/year-end/commendations/{id}")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	@Operation(summary = "Change a commendation at the version read (city bureau)", operationId = "updateCommendation")
	YearEndRecords.Commendation changeCommendation(@PathVariable long id, @RequestBody CommendationBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return records.changeCommendation(id, body.version(), body.kind(), body.subject(), body.reason(), user);
	}

	@DeleteMapping("/api/v1/year-end/commendations/{id}")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a commendation at the version read (city bureau)", operationId = "deleteCommendation")
	void deleteCommendation(@PathVariable long id, @RequestParam(name = "version", required = false) Integer version,
			@AuthenticationPrincipal CurrentUser user) {
		records.deleteCommendation(id, version, user);
	}

	@PostMapping("/api/v1/year-end/{year}/exemptions")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a fault-tolerance exemption of the year (city bureau)",
			operationId = "createExemption")
	YearEndRecords.Exemption addExemption(@PathVariable int year, @RequestBody ExemptionBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return records.addExemption(year, body.person(), body.matter(), body.decision(), body.decidedOn(), user);
	}

	@PutMapping("/api/v1/year-end/exemptions/{id}")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	@Operation(summary = "Change a fault-tolerance exemption at the version read (city bureau)",
			operationId = "updateExemption")
	YearEndRecords.Exemption changeExemption(@PathVariable long id, @RequestBody ExemptionBody body,
			@AuthenticationPrincipal CurrentUser user) {
		return records.changeExemption(id, body.version(), body.person(), body.matter(), body.decision(),
				body.decidedOn(), user);
	}

	@DeleteMapping("/api/v1/year-end/exemptions/{id}")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a fault-tolerance exemption at the version read (city bureau)",
			operationId = "deleteExemption")
	void deleteExemption(@PathVariable long id, @RequestParam(name = "version", required = false) Integer version,
			@AuthenticationPrincipal CurrentUser user) {
		records.deleteExemption(id, version, user);
	}

	static SummaryJson json(YearEndSummary s) {
		List<UnitJson> units = s.figures()
			.rows()
			.stream()
			.map(r -> new UnitJson(r.unitId().value(), r.unitName(), indicators(r.yearToDate(), r.completion())))
			.toList();
		List<ObservationJson> observations = s.observations()
			.stream()
			.map(o -> new ObservationJson(o.id(), o.title(), o.date(),
					o.results()
						.units()
						.stream()
						.map(u -> new UnitPlace(u.rank(), u.unitId().value(), u.unitName(), u.projects(), u.score()))
						.toList()))
			.toList();
		return new SummaryJson(s.year(), s.figures().asOf(),
				indicators(s.figures().totalsYearToDate(), s.figures().totalsCompletion()), units, s.rankings(),
				observations, s.commendations(), s.exemptions());
	}

	static List<Indicator> indicators(SupervisionFigures.Figures figures, Map<String, Completion> completion) {
		return YearEndDocument.INDICATORS.stream().map(i -> {
			Completion c = completion.get(i.field());
			return new Indicator(i.field(), figures.of(i), c == null ? null : c.target(),
					c == null ? null : c.percent());
		}).toList();
	}
}
