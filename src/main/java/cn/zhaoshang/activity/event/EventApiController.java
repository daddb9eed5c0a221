package cn.zhaoshang.activity.event;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;
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
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /api/v1/events}: investment promotion events with what they produced; a signing ceremony's projects carry
 * their contracted investment and the event its total; the ranking by what events produced.
 */
@Tag(name = "Events")
@RestController
class EventApiController {

	private final Events events;
	private final EventWorkbook workbook;

	EventApiController(Events events, EventWorkbook workbook) {
		this.events = events;
		this.workbook = workbook;
	}

	/** A line of the list: counts of what the event produced and the contracted total of its projects (万元). */
	record EventRowJson(long id, EventKind kind, String name, LocalDate startDate, LocalDate endDate, String place,
			String onlineLink, long organiserUnitId, String organiserName, long merchants, long clues, long projects,
			BigDecimal contractedTotal, int version) {

		static EventRowJson of(Events.Row r) {
			return new EventRowJson(r.id(), r.kind(), r.name(), r.startDate(), r.endDate(), r.place(), r.onlineLink(),
					r.organiserUnitId(), r.organiserName(), r.merchants(), r.clues(), r.projects(), r.contracted(),
					r.version());
		}
	}

	record EventList(List<EventRowJson> items, long total, int page, int size) {
	}

	/** A project of the event with its contracted investment as the ledger records it (万元, null when none). */
	record EventProjectJson(long id, String code, String name, String unitName, String stage,
			BigDecimal contractedAmount) {
	}

	record EventRefJson(long id, String name) {
	}

	/** An event with everything it links to; {@code contractedTotal} sums its projects' contracted amounts. */
	record EventJson(long id, EventKind kind, String name, LocalDate startDate, LocalDate endDate, String place,
			String onlineLink, long organiserUnitId, String organiserName, List<EventRefJson> participantUnits,
			List<EventRefJson> merchants, List<EventRefJson> clues, List<EventProjectJson> projects,
			BigDecimal contractedTotal, String summary, int version) {

		static EventJson of(Events.Event e) {
			var r = e.row();
			return new EventJson(r.id(), r.kind(), r.name(), r.startDate(), r.endDate(), r.place(), r.onlineLink(),
					r.organiserUnitId(), r.organiserName(), refs(e.participants()), refs(e.merchants()),
					refs(e.clues()),
					e.projects().stream().map(p -> new EventProjectJson(p.id().value(), p.code(), p.name(),
							p.unitName(), p.stage().name(), p.amount())).toList(),
					e.contractedTotal(), r.summary(), r.version());
		}

		private static List<EventRefJson> refs(List<Events.Ref> refs) {
			return refs.stream().map(x -> new EventRefJson(x.id(), x.name())).toList();
		}
	}

	record EventRankJson(int rank, EventRowJson event) {
	}

	record EventRanking(int year, List<EventRankJson> items) {
	}

	@GetMapping("/api/v1/events")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "List events (filtered, one page)", operationId = "listEvents")
	EventList list(@Valid @ModelAttribute EventFilter filter, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		var result = events.list(filter, Math.max(page, 1), PageSizes.forApi(size), false);
		return new EventList(result.items().stream().map(EventRowJson::of).toList(), result.total(), result.page(),
				result.size());
	}

	@PostMapping("/api/v1/events")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Record an event (expo, fair, signing ceremony …) with what it produced",
			operationId = "createEvent")
	@ApiResponse(responseCode = "201", description = "The event, recorded; `Location` is its address.")
	ResponseEntity<EventJson> create(@AuthenticationPrincipal CurrentUser user, @RequestBody EventInput body) {
		var saved = events.create(body, user);
		var location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
			.buildAndExpand(saved.row().id()).toUri();
		return ResponseEntity.created(location).body(EventJson.of(saved));
	}

	@GetMapping("/api/v1/events/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read an event with its units, enterprises, clues, projects and contracted total",
			operationId = "getEvent")
	EventJson one(@PathVariable long id) {
		return EventJson.of(events.get(id));
	}

	@PutMapping("/api/v1/events/{id}")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Replace an event's facts and links (version as read, else 409)", operationId = "updateEvent")
	EventJson update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody EventInput body) {
		return EventJson.of(events.update(id, body, user));
	}

	@DeleteMapping("/api/v1/events/{id}")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Delete an event (version as read, else 409)", operationId = "deleteEvent")
	ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Integer version) {
		events.delete(id, version, user);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/events/ranking")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Rank a year's events by contracted investment, projects and clues produced",
			operationId = "rankEvents")
	EventRanking ranking(@RequestParam int year, @RequestParam(required = false) EventKind kind) {
		if (year < 2000 || year > 2100) {
			throw new cn.zhaoshang.platform.FieldException("year", 400, "activity.rule.dateRange");
		}
		return new EventRanking(year, events.ranking(year, kind).stream()
			.map(r -> new EventRankJson(r.rank(), EventRowJson.of(r.row())))
			.toList());
	}

	@GetMapping({ "/api/v1/events/export.xlsx", "/activity/events/export.xlsx" })
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Export the filtered events as an Excel workbook", operationId = "exportEvents")
	void export(@Valid @ModelAttribute EventFilter filter, Locale locale, HttpServletResponse response)
			throws IOException {
		Downloads.xlsx(response, workbook.fileName(locale), workbook.fileName(Locale.ENGLISH));
		workbook.export(filter, locale, response.getOutputStream());
	}
}
