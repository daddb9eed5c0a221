package cn.zhaoshang.activity.trip;

import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.list.Paging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
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
 * Outbound trips and their monthly compliance through {@code /api/v1}: record, read, list, change, approve and
 * return trips; the compliance table of a month counts approved trips only.
 */
@Tag(name = "Trips")
@RestController
class TripApiController {

	private final Trips trips;
	private final TripCompliance compliance;

	TripApiController(Trips trips, TripCompliance compliance) {
		this.trips = trips;
		this.compliance = compliance;
	}

	/** The body of {@code POST /api/v1/trips} and {@code PUT /api/v1/trips/{id}}. */
	record TripBody(List<Long> leaderIds, List<Long> staffIds, LocalDate from, LocalDate to, String destination,
			String purpose, List<Long> merchantIds, List<Long> clueIds, List<Long> projectIds, String report,
			Long unitId, List<String> newEnterprises, Integer version) {

		TripInput input() {
			return new TripInput(leaderIds, staffIds, from, to, destination, purpose, merchantIds, clueIds,
					projectIds, report, unitId, newEnterprises, version);
		}
	}

	record Created(long id, int version, String status) {
	}

	record Review(Integer version, String opinion) {
	}

	record TripPage(List<TripView> items, long total, int page, int size) {
	}

	@PostMapping("/api/v1/trips")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Record an outbound trip (submitted for the unit manager's approval)",
			operationId = "createTrip")
	@ApiResponse(responseCode = "201", description = "The trip, submitted; `Location` is its address.")
	ResponseEntity<TripView> create(@AuthenticationPrincipal CurrentUser user, @RequestBody TripBody body) {
		long id = trips.create(body.input(), user);
		return ResponseEntity.created(URI.create("/api/v1/trips/" + id)).body(trips.get(id));
	}

	@GetMapping("/api/v1/trips/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read a trip", operationId = "getTrip")
	TripView one(@PathVariable long id) {
		return trips.get(id);
	}

	@GetMapping("/api/v1/trips")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "List trips (newest first)", operationId = "listTrips")
	TripPage list(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) Long person, @RequestParam(required = false) TripStatus status,
			@RequestParam(required = false) String month, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "50") int size) {
		var ids = trips.find(new Trips.Filter(q, unit, person, status, month == null ? null : month(month)));
		var paged = Paging.of(ids, page, Math.max(1, Math.min(size, 200)));
		return new TripPage(trips.load(paged.items()), paged.total(), paged.page(), paged.size());
	}

	@PutMapping("/api/v1/trips/{id}")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Change a submitted or returned trip (submits it again)", operationId = "updateTrip")
	TripView update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody TripBody body) {
		trips.update(id, body.input(), user);
		return trips.get(id);
	}

	@PostMapping("/api/v1/trips/{id}/approve")
	@PreAuthorize(Trips.REVIEWER)
	@Operation(summary = "Approve a submitted trip (unit manager or city bureau)", operationId = "approveTrip")
	TripView approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Review body) {
		trips.approve(id, version(body), user);
		return trips.get(id);
	}

	@PostMapping("/api/v1/trips/{id}/return")
	@PreAuthorize(Trips.REVIEWER)
	@Operation(summary = "Return a submitted trip with an opinion", operationId = "returnTrip")
	TripView returnTrip(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Review body) {
		trips.returnTrip(id, version(body), body.opinion(), user);
		return trips.get(id);
	}

	private static int version(Review body) {
		if (body == null || body.version() == null) {
			throw new FieldException("version", "validation.required");
		}
		return body.version();
	}

	/** A row of the compliance table as the API shows it. */
	record ComplianceRow(long personId, String name, String position, long unitId, int required, int requiredTrips,
			int requiredDays, int trips, int days, boolean compliant) {
	}

	record ComplianceView(String month, List<ComplianceRow> rows) {
	}

	@GetMapping("/api/v1/trip-compliance")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "The monthly trip compliance table (approved trips only)", operationId = "tripCompliance")
	ComplianceView compliance(@RequestParam String month, @RequestParam(required = false) Long unit) {
		YearMonth m = month(month);
		return new ComplianceView(m.toString(), compliance.month(m, unit)
			.stream()
			.map(r -> new ComplianceRow(r.personId(), r.name(), r.position().name(), r.unitId(), r.required(),
					r.requiredTrips(), r.requiredDays(), r.trips(), r.days(), r.compliant()))
			.toList());
	}

	static YearMonth month(String text) {
		try {
			return YearMonth.parse(text.trim());
		}
		catch (DateTimeParseException e) {
			throw new FieldException("month", 400, "trip.validation.month");
		}
	}
}
