package cn.zhaoshang.activity.training;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.document.OfficialDocument;
import cn.zhaoshang.platform.list.PageSizes;
import cn.zhaoshang.platform.web.Downloads;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /api/v1/trainings}: training sessions with attendees and materials; {@code /api/v1/training-hours} a
 * year's hours per person, {@code /api/v1/training-report} per unit.
 */
@Tag(name = "Training")
@RestController
class TrainingApiController {

	private final Trainings trainings;
	private final TrainingWorkbook workbook;
	private final cn.zhaoshang.platform.document.DocumentGenerator generator;
	private final org.springframework.context.MessageSource messages;
	private final Clock clock;

	TrainingApiController(Trainings trainings, TrainingWorkbook workbook,
			cn.zhaoshang.platform.document.DocumentGenerator generator,
			org.springframework.context.MessageSource messages, Clock clock) {
		this.trainings = trainings;
		this.workbook = workbook;
		this.generator = generator;
		this.messages = messages;
		this.clock = clock;
	}

	record TrainingRowJson(long id, String topic, TrainingKind kind, String lecturer, LocalDate date,
			BigDecimal hours, long unitId, String unitName, String place, long attendees, int version) {

		static TrainingRowJson of(Trainings.Row r) {
			return new TrainingRowJson(r.id(), r.topic(), r.kind(), r.lecturer(), r.date(), r.hours(), r.unitId(),
					r.unitName(), r.place(), r.attendees(), r.version());
		}
	}

	record TrainingList(List<TrainingRowJson> items, long total, int page, int size) {
	}

	record TrainingAttendeeJson(long personId, String name, long unitId, String unitName) {
	}

	record TrainingMaterialJson(long id, String fileName, long sizeBytes) {
	}

	record TrainingJson(long id, String topic, TrainingKind kind, String lecturer, LocalDate date, BigDecimal hours,
			long unitId, String unitName, String place, List<TrainingAttendeeJson> attendees,
			List<TrainingMaterialJson> materials, int version) {

		static TrainingJson of(Trainings.Session s) {
			var r = s.row();
			return new TrainingJson(r.id(), r.topic(), r.kind(), r.lecturer(), r.date(), r.hours(), r.unitId(),
					r.unitName(), r.place(),
					s.attendees().stream().map(a -> new TrainingAttendeeJson(a.personId(), a.name(), a.unitId(),
							a.unitName())).toList(),
					s.materials().stream().map(d -> new TrainingMaterialJson(d.id(), d.fileName(), d.sizeBytes()))
						.toList(),
					r.version());
		}
	}

	record TrainingHoursJson(int year, List<Trainings.PersonHours> items) {
	}

	record TrainingReportJson(int year, List<Trainings.UnitReport> units) {
	}

	@GetMapping("/api/v1/trainings")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "List training sessions (filtered, one page)", operationId = "listTrainings")
	TrainingList list(@RequestParam(required = false) String q, @RequestParam(required = false) TrainingKind kind,
			@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		var result = trainings.list(new Trainings.Filter(q, kind, unit, checkYear(year), sort, dir),
				Math.max(page, 1), PageSizes.forApi(size), false);
		return new TrainingList(result.items().stream().map(TrainingRowJson::of).toList(), result.total(),
				result.page(), result.size());
	}

	@PostMapping("/api/v1/trainings")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Record a training session with its attendees and materials", operationId = "createTraining")
	@ApiResponse(responseCode = "201", description = "The session, recorded; `Location` is its address.")
	ResponseEntity<TrainingJson> create(@AuthenticationPrincipal CurrentUser user, @RequestBody TrainingInput body) {
		var saved = trainings.create(body, user);
		var location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
			.buildAndExpand(saved.row().id()).toUri();
		return ResponseEntity.created(location).body(TrainingJson.of(saved));
	}

	@GetMapping("/api/v1/trainings/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read a training session with attendees and materials", operationId = "getTraining")
	TrainingJson one(@PathVariable long id) {
		return TrainingJson.of(trainings.get(id));
	}

	@PutMapping("/api/v1/trainings/{id}")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Replace a training session (version as read, else 409)", operationId = "updateTraining")
	TrainingJson update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody TrainingInput body) {
		return TrainingJson.of(trainings.update(id, body, user));
	}

	@DeleteMapping("/api/v1/trainings/{id}")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Delete a training session (version as read, else 409)", operationId = "deleteTraining")
	ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Integer version) {
		trainings.delete(id, version, user);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/training-hours")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "A year's training sessions and hours per person", operationId = "getTrainingHours")
	TrainingHoursJson hours(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long unit) {
		int y = year == null ? LocalDate.now(clock).getYear() : checkYear(year);
		return new TrainingHoursJson(y, trainings.hours(y, unit, user));
	}

	@GetMapping("/api/v1/training-report")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "A year's training per unit: people, trained, sessions organised, person-hours",
			operationId = "getTrainingReport")
	TrainingReportJson report(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) Integer year) {
		int y = year == null ? LocalDate.now(clock).getYear() : checkYear(year);
		return new TrainingReportJson(y, trainings.report(y, user));
	}

	@GetMapping({ "/api/v1/training-report.xlsx", "/activity/trainings/report.xlsx" })
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "A year's training report per unit and person as an Excel workbook",
			operationId = "exportTrainingReport")
	void reportXlsx(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
			Locale locale, HttpServletResponse response) throws IOException {
		int y = year == null ? LocalDate.now(clock).getYear() : checkYear(year);
		Downloads.xlsx(response, workbook.fileName("training.report.file", y, locale),
				workbook.fileName("training.report.file", y, Locale.ENGLISH));
		workbook.report(y, user, locale, response.getOutputStream());
	}

	@GetMapping({ "/api/v1/training-report.docx", "/activity/trainings/report.docx" })
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "A year's training report per unit as a Word document", operationId = "getTrainingReportDocx")
	void reportDocx(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
			Locale locale, HttpServletResponse response) throws IOException {
		int y = year == null ? LocalDate.now(clock).getYear() : checkYear(year);
		var units = trainings.report(y, user);
		String title = messages.getMessage("training.report.docTitle", new Object[] { String.valueOf(y) }, locale);
		List<List<String>> rows = units.stream()
			.map(u -> List.of(u.unitName(), OfficialDocument.count(u.people()), OfficialDocument.count(u.trained()),
					OfficialDocument.count(u.organised()), u.personHours().toPlainString(), u.average().toPlainString()))
			.toList();
		long people = units.stream().mapToLong(Trainings.UnitReport::people).sum();
		long trained = units.stream().mapToLong(Trainings.UnitReport::trained).sum();
		long organised = units.stream().mapToLong(Trainings.UnitReport::organised).sum();
		BigDecimal hours = units.stream().map(Trainings.UnitReport::personHours).reduce(BigDecimal.ZERO,
				BigDecimal::add);
		var document = OfficialDocument.builder(title, LocalDate.now(clock), locale)
			.paragraph(messages.getMessage("training.report.docIntro", new Object[] { String.valueOf(y),
					OfficialDocument.count(organised), OfficialDocument.count(trained), hours.toPlainString() },
					locale))
			.table(OfficialDocument.Table.of(List.of(t("training.col.unit", locale), t("training.col.people", locale),
					t("training.col.trained", locale), t("training.col.organised", locale),
					t("training.col.personHours", locale), t("training.col.average", locale)), rows)
				.withTotals(List.of(t("training.report.total", locale), OfficialDocument.count(people),
						OfficialDocument.count(trained), OfficialDocument.count(organised), hours.toPlainString(), ""))
				.withWidths(4, 2, 2, 2, 2, 2))
			.build();
		byte[] bytes = generator.write(document, cn.zhaoshang.platform.document.DocumentFormat.DOCX);
		Downloads.attachment(response, Downloads.DOCX, title + ".docx", "training-report-" + y + ".docx");
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	private String t(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	@GetMapping({ "/api/v1/trainings/export.xlsx", "/activity/trainings/export.xlsx" })
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Export the filtered training sessions as an Excel workbook", operationId = "exportTrainings")
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) TrainingKind kind,
			@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Locale locale,
			HttpServletResponse response) throws IOException {
		String today = LocalDate.now(clock).toString();
		Downloads.xlsx(response, workbook.fileName("training.export.file", today, locale),
				workbook.fileName("training.export.file", today, Locale.ENGLISH));
		workbook.sessions(new Trainings.Filter(q, kind, unit, checkYear(year), sort, dir), locale,
				response.getOutputStream());
	}

	static Integer checkYear(Integer year) {
		if (year != null && (year < 2000 || year > 2100)) {
			throw new FieldException("year", 400, "activity.rule.dateRange");
		}
		return year;
	}
}
