package cn.zhaoshang.supervision.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.InvalidInputException.Violation;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.document.DocumentFormat;
import cn.zhaoshang.platform.web.Downloads;
import cn.zhaoshang.supervision.Publications;
import cn.zhaoshang.supervision.ReportingPeriod;
import cn.zhaoshang.supervision.internal.MonthlyNotifications;
import cn.zhaoshang.supervision.internal.MonthlyNotifications.Notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monthly notification API: the months of a year with their status, one month's notification with its
 * corrections, the bureau's edit (created on the first PUT) and publish, and the .docx / .pdf: the published file
 * once published, else generated now from the figures as of the month's end. Publications and their corrections
 * are read at {@code /api/v1/supervision/publications/{id}}. Reading is for every internal role with a part in the
 * cycle, writing for the city bureau.
 */
@Tag(name = "Supervision")
@RestController
class MonthlyApiController {

	static final String WRITER = Security.Rules.LEDGER_REVIEWER;

	private final MonthlyNotifications monthly;
	private final Publications publications;

	MonthlyApiController(MonthlyNotifications monthly, Publications publications) {
		this.monthly = monthly;
		this.publications = publications;
	}

	/** A month in the list. */
	record MonthJson(String month, String status, String title, Long publicationId, int corrections) {
	}

	/** A month's notification. */
	record NotificationJson(String month, String status, String docTitle, String docNumber, LocalDate docDate,
			String opening, String closing, int version, Long publicationId, String publishedBy, Instant publishedAt,
			List<Publications.Correction> corrections) {
	}

	/** The bureau's text; {@code version} as read, left out only for the first PUT of a month. */
	record EditBody(String docTitle, String docNumber, LocalDate docDate, String opening, String closing,
			Integer version) {
	}

	/** The version read. */
	record PublishBody(Integer version) {
	}

	/** A publication with its corrections. */
	record PublicationJson(Publications.Publication publication, List<Publications.Correction> corrections) {
	}

	@GetMapping("/api/v1/supervision/monthly")
	@PreAuthorize(FiguresApiController.FIGURES_READER)
	@Operation(summary = "List the months of a year with their monthly notification's status (NONE, DRAFT, PUBLISHED)",
			operationId = "listMonthlyNotifications")
	List<MonthJson> list(@RequestParam int year) {
		if (year < 1900 || year > 9999) {
			throw new InvalidInputException(List.of(new Violation("year", "validation.period")));
		}
		return monthly.year(year).stream()
			.map(e -> new MonthJson(e.period().toString(),
					e.notification().map(Notification::status).orElse("NONE"),
					e.notification().map(Notification::title).orElse(null),
					e.notification().map(Notification::publicationId).orElse(null), e.corrections()))
			.toList();
	}

	@GetMapping("/api/v1/supervision/monthly/{month}")
	@PreAuthorize(FiguresApiController.FIGURES_READER)
	@Operation(summary = "Read a month's notification (404 before the bureau starts it) with its corrections",
			operationId = "getMonthlyNotification")
	NotificationJson get(@PathVariable String month) {
		return json(monthly.find(month(month)).orElseThrow(NotFoundException::new));
	}

	@PutMapping("/api/v1/supervision/monthly/{month}")
	@PreAuthorize(WRITER)
	@Operation(summary = "Start or edit a month's draft notification (city bureau; version required once it exists)",
			operationId = "editMonthlyNotification")
	NotificationJson edit(@PathVariable String month, @RequestBody EditBody body, Locale locale) {
		return json(monthly.save(month(month), new MonthlyNotifications.Edit(body.docTitle(), body.docNumber(),
				body.docDate(), body.opening(), body.closing(), body.version()), locale));
	}

	@PostMapping("/api/v1/supervision/monthly/{month}/publish")
	@PreAuthorize(WRITER)
	@Operation(summary = "Publish a month's notification: store its .docx and .pdf and freeze its figures (city bureau)",
			operationId = "publishMonthlyNotification")
	NotificationJson publish(@PathVariable String month, @RequestBody PublishBody body,
			@AuthenticationPrincipal CurrentUser user, Locale locale) {
		if (body.version() == null) {
			throw new InvalidInputException(List.of(new Violation("version", "monthly.error.version.required")));
		}
		return json(monthly.publish(month(month), body.version(), user, locale));
	}

	@GetMapping({ "/api/v1/supervision/monthly/{month}.docx", "/supervision/monthly/{month}.docx" })
	@PreAuthorize(FiguresApiController.FIGURES_READER)
	@Operation(summary = "Download a month's notification as .docx: the published file, else a draft generated now",
			operationId = "getMonthlyNotificationDocx")
	void docx(@PathVariable String month, Locale locale, HttpServletResponse response) throws IOException {
		send(month, DocumentFormat.DOCX, locale, response);
	}

	@GetMapping({ "/api/v1/supervision/monthly/{month}.pdf", "/supervision/monthly/{month}.pdf" })
	@PreAuthorize(FiguresApiController.FIGURES_READER)
	@Operation(summary = "Download a month's notification as .pdf (CJK font): the published file, else a draft",
			operationId = "getMonthlyNotificationPdf")
	void pdf(@PathVariable String month, Locale locale, HttpServletResponse response) throws IOException {
		send(month, DocumentFormat.PDF, locale, response);
	}

	@GetMapping("/api/v1/supervision/publications/{id}")
	@PreAuthorize(FiguresApiController.FIGURES_READER)
	@Operation(summary = "Read a publication (monthly notification, ranking ...) with the corrections recorded since",
			operationId = "getPublication")
	PublicationJson publication(@PathVariable long id) {
		var p = publications.find(id).orElseThrow(NotFoundException::new);
		return new PublicationJson(p, publications.corrections(id));
	}

	private void send(String month, DocumentFormat format, Locale locale, HttpServletResponse response)
			throws IOException {
		ReportingPeriod period = month(month);
		var download = monthly.download(period, format, locale);
		Downloads.attachment(response, format.contentType(), download.title() + "." + format.extension(),
				"monthly-" + period + "." + format.extension());
		response.setHeader("X-Published", String.valueOf(download.published()));
		response.setContentLength(download.bytes().length);
		response.getOutputStream().write(download.bytes());
	}

	private NotificationJson json(Notification n) {
		List<Publications.Correction> corrections = n.publicationId() == null ? List.of()
				: publications.corrections(n.publicationId());
		return new NotificationJson(n.period().toString(), n.status(), n.title(), n.number(), n.date(), n.opening(),
				n.closing(), n.version(), n.publicationId(), n.publishedBy(), n.publishedAt(), corrections);
	}

	/** A month as {@code yyyy-MM}; anything else is 400 naming {@code month}. */
	static ReportingPeriod month(String text) {
		try {
			ReportingPeriod p = ReportingPeriod.parse(text);
			if (p.kind() == ReportingPeriod.Kind.MONTH) {
				return p;
			}
		}
		catch (IllegalArgumentException e) {
			// falls through to the refusal
		}
		throw new InvalidInputException(List.of(new Violation("month", "validation.period")));
	}
}
