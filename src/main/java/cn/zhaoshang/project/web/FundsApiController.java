package cn.zhaoshang.project.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.project.internal.FundsRows;
import cn.zhaoshang.project.internal.ProjectAccess;
import cn.zhaoshang.project.internal.RecordFunds;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's funds actually in place, month by month (实际到位资金, issue 10; docs/api-funds.md). Every internal
 * role reads a project's rows; editors write those of their own unit's projects (city-wide roles all), as for every
 * other project edit.
 */
@Tag(name = "Projects")
@RestController
@RequestMapping("/api/v1/projects/{id}/funds")
class FundsApiController {

	private final ProjectAccess access;
	private final FundsRows rows;
	private final RecordFunds record;

	FundsApiController(ProjectAccess access, FundsRows rows, RecordFunds record) {
		this.access = access;
		this.rows = rows;
		this.record = record;
	}

	/** One month as the API shows it; amounts in 万元, {@code foreignUsed} in 万美元. */
	record FundsJson(String month, BigDecimal fundsInPlace, BigDecimal outOfProvince, BigDecimal foreignUsed,
			BigDecimal fixedAssets, String note, boolean historical, int version, String updatedBy,
			Instant updatedAt) {

		static FundsJson of(FundsRows.Row r) {
			return new FundsJson(r.month().toString(), r.fundsInPlace(), r.outOfProvince(), r.foreignUsed(),
					r.fixedAssets(), r.note(), r.historical(), r.version(), r.updatedBy(), r.updatedAt());
		}
	}

	record FundsList(List<FundsJson> items, FundsRows.Totals total) {
	}

	/** The body of a month; {@code version} is the row's as read, left out for a month without a row. */
	record FundsBody(BigDecimal fundsInPlace, BigDecimal outOfProvince, BigDecimal foreignUsed,
			BigDecimal fixedAssets, String note, Integer version) {
	}

	@GetMapping
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "List a project's monthly funds in place with their total", operationId = "listProjectFunds")
	FundsList list(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		access.readable(id, user);
		var all = rows.of(id);
		return new FundsList(all.stream().map(FundsJson::of).toList(), FundsRows.Totals.of(all));
	}

	/**
	 * Enters or corrects one month (yyyy-MM): 422 naming the field for a month after the current one, a negative
	 * amount, more than two decimals or out-of-province funds above the month's funds; 409 for a stale version.
	 */
	@PutMapping("/{month}")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Enter or correct a project's funds in place of one month", operationId = "recordProjectFunds")
	@ApiResponse(responseCode = "200", description = "The month's row as stored.")
	@ApiResponse(responseCode = "400", description = "The month is not yyyy-MM.")
	@ApiResponse(responseCode = "409", description = "The row changed meanwhile (stale version).")
	@ApiResponse(responseCode = "422", description = "A rule is broken; errors name the fields.")
	FundsJson put(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable String month,
			@RequestBody FundsBody body) {
		var input = new RecordFunds.Input(body.fundsInPlace(), body.outOfProvince(), body.foreignUsed(),
				body.fixedAssets(), body.note(), body.version());
		return FundsJson.of(record.execute(id, RecordFunds.month(month), input, user));
	}
}
