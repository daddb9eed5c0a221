package cn.zhaoshang.service.serviceday;

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

/** {@code /api/v1/service-days}: enterprise service days with leaders, enterprises and the problems collected. */
@Tag(name = "Materials and approvals")
@RestController
class ServiceDayApiController {

	record Body(Long unitId, LocalDate date, String title, List<Long> leaderIds, List<Long> merchantIds,
			List<ServiceDays.Problem> problems) {
	}

	record Page(List<ServiceDays.Day> items) {
	}

	private final ServiceDays days;

	ServiceDayApiController(ServiceDays days) {
		this.days = days;
	}

	@GetMapping("/api/v1/service-days")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "The service days the caller may read, newest first (optionally of one year)",
			operationId = "listServiceDays")
	Page list(@RequestParam(name = "year", required = false) Integer year, @AuthenticationPrincipal CurrentUser user) {
		return new Page(days.list(year == null || year < 2000 || year > 2100 ? null : year, user));
	}

	@GetMapping("/api/v1/service-days/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "One service day", operationId = "getServiceDay")
	ServiceDays.Day get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return days.get(id, user);
	}

	@PostMapping("/api/v1/service-days")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a service day: unit, date, title, leaders, enterprises, problems (text and owner)",
			operationId = "createServiceDay")
	ServiceDays.Day create(@RequestBody Body b, @AuthenticationPrincipal CurrentUser user) {
		return days.create(new ServiceDays.Input(b.unitId(), b.date(), b.title(), b.leaderIds(), b.merchantIds(),
				b.problems()), user);
	}
}
