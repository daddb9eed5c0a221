package cn.zhaoshang.service.finance;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.list.PageSizes;
import cn.zhaoshang.service.finance.FinanceRecords.Need;
import cn.zhaoshang.service.finance.FinanceRecords.Stake;
import cn.zhaoshang.service.finance.FinanceRecords.UnitTotals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/equity-stakes}, {@code /api/v1/financing-needs} and the totals per unit (clause VIII). Every
 * internal user reads; a unit writes its own, the city bureau all.
 */
@Tag(name = "Equity and financing")
@RestController
class FinanceApiController {

	private final Finance finance;
	private final FinanceStore store;
	private final DataScopes scopes;

	FinanceApiController(Finance finance, FinanceStore store, DataScopes scopes) {
		this.finance = finance;
		this.store = store;
		this.scopes = scopes;
	}

	/** A page of a list. */
	record Page<T>(List<T> items, long total, int page, int size) {
	}

	@GetMapping("/api/v1/equity-stakes")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "List county equity stakes in projects (filtered, one page)", operationId = "listEquityStakes")
	Page<Stake> stakes(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute FinanceFilter filter,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		var result = store.stakes(filter, scopes.of(user), Math.max(page, 1), PageSizes.forApi(size), false);
		return new Page<>(result.items(), result.total(), result.page(), result.size());
	}

	@PostMapping("/api/v1/equity-stakes")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Record a county's equity stake in a project", operationId = "createEquityStake")
	@ApiResponse(responseCode = "201", description = "The stake; `Location` is its address.")
	ResponseEntity<Stake> createStake(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody FinanceInputs.Stake body) {
		long id = finance.createStake(body, user);
		return ResponseEntity.created(URI.create("/api/v1/equity-stakes/" + id)).body(finance.stake(id, user));
	}

	@GetMapping("/api/v1/equity-stakes/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read an equity stake with its exit events", operationId = "getEquityStake")
	Stake stake(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return finance.stake(id, user);
	}

	@PutMapping("/api/v1/equity-stakes/{id}")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Change a stake's vehicle, amount, share, date and exit plan at the version read",
			operationId = "updateEquityStake")
	Stake updateStake(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody FinanceInputs.StakeEdit body) {
		return finance.updateStake(id, body, user);
	}

	@PostMapping("/api/v1/equity-stakes/{id}/events")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Record an exit event of a stake (listing, exit, dividend) and what it returned",
			operationId = "createEquityEvent")
	@ApiResponse(responseCode = "201", description = "The stake with the event and its returns.")
	ResponseEntity<Stake> addEvent(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody FinanceInputs.Event body) {
		return ResponseEntity.created(URI.create("/api/v1/equity-stakes/" + id)).body(finance.addEvent(id, body, user));
	}

	@GetMapping("/api/v1/financing-needs")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "List projects' financing needs (filtered, one page)", operationId = "listFinancingNeeds")
	Page<Need> needs(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute FinanceFilter filter,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		var result = store.needs(filter, scopes.of(user), Math.max(page, 1), PageSizes.forApi(size), false);
		return new Page<>(result.items(), result.total(), result.page(), result.size());
	}

	@PostMapping("/api/v1/financing-needs")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Record a project's financing need", operationId = "createFinancingNeed")
	@ApiResponse(responseCode = "201", description = "The need, open; `Location` is its address.")
	ResponseEntity<Need> createNeed(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody FinanceInputs.Need body) {
		long id = finance.createNeed(body, user);
		return ResponseEntity.created(URI.create("/api/v1/financing-needs/" + id)).body(finance.need(id, user));
	}

	@GetMapping("/api/v1/financing-needs/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read a financing need with the banks' offers", operationId = "getFinancingNeed")
	Need need(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return finance.need(id, user);
	}

	@PutMapping("/api/v1/financing-needs/{id}")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Change a need's amount and purpose at the version read", operationId = "updateFinancingNeed")
	Need updateNeed(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody FinanceInputs.NeedEdit body) {
		return finance.updateNeed(id, body, user);
	}

	@PostMapping("/api/v1/financing-needs/{id}/offers")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Record a bank's product offered for a need (an open need moves to matching)",
			operationId = "createFinancingOffer")
	@ApiResponse(responseCode = "201", description = "The need with the offer.")
	ResponseEntity<Need> addOffer(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody FinanceInputs.Offer body) {
		return ResponseEntity.created(URI.create("/api/v1/financing-needs/" + id))
			.body(finance.addOffer(id, body, user));
	}

	@PostMapping("/api/v1/financing-needs/{id}/status")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Change a need's status at the version read", operationId = "setFinancingNeedStatus")
	Need setStatus(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody FinanceInputs.Status body) {
		return finance.setStatus(id, body.status(), body.version(), user);
	}

	@GetMapping("/api/v1/finance/totals")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Per unit: equity stakes, invested and returned; financing needed, offered and funded",
			operationId = "getFinanceTotals")
	Page<UnitTotals> totals(@AuthenticationPrincipal CurrentUser user) {
		var all = store.totals(scopes.of(user));
		return new Page<>(all, all.size(), 1, all.size());
	}
}
