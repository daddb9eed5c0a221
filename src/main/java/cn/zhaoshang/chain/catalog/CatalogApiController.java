package cn.zhaoshang.chain.catalog;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.list.PageSizes;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/catalog}: the promotion-project catalog for signed-in callers (published first), creating a
 * draft, publishing, matching and withdrawing, with the same rules as the pages.
 */
@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "Catalog")
class CatalogApiController {

	private final CatalogQueries queries;
	private final CatalogWrites writes;
	private final DataScopes scopes;

	CatalogApiController(CatalogQueries queries, CatalogWrites writes, DataScopes scopes) {
		this.queries = queries;
		this.writes = writes;
		this.scopes = scopes;
	}

	/** A catalog project in the API. Amounts in 万元, land in 亩. */
	record CatalogJson(long id, String name, String nameEn, String description, String descriptionEn, long chainId,
			String chainName, Long linkId, long unitId, String unitName, String location, BigDecimal landMu,
			BigDecimal totalInvestment, InvestmentForm investmentForm, String expectedReturns,
			String expectedReturnsEn, String conditions, String conditionsEn, String contactUnit, CatalogStatus status,
			Long matchedClueId, Long matchedProjectId, Instant publishedAt, long inquiries, int version) {

		static CatalogJson of(CatalogQueries.Row r) {
			return new CatalogJson(r.id(), r.name(), r.nameEn(), r.description(), r.descriptionEn(), r.chainId(),
					r.chainName(), r.linkId(), r.unitId(), r.unitName(), r.location(), r.landMu(), r.totalInvestment(),
					r.investmentForm(), r.expectedReturns(), r.expectedReturnsEn(), r.conditions(), r.conditionsEn(),
					r.contactUnit(), r.status(), r.matchedClueId(), r.matchedProjectId(), r.publishedAt(),
					r.inquiries(), r.version());
		}
	}

	record CatalogList(List<CatalogJson> items, long total, int page, int size) {
	}

	record VersionBody(Integer version) {
	}

	record MatchBody(Long clueId, Long projectId, Integer version) {
	}

	record WithdrawBody(String reason, Integer version) {
	}

	@GetMapping
	@PreAuthorize(Security.Rules.SIGNED_IN)
	@Operation(summary = "List the catalog (published first, filtered, one page)", operationId = "listCatalog")
	CatalogList list(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute CatalogFilter filter,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
		var result = queries.list(filter, scopes.of(user), Math.max(1, page), PageSizes.forApi(size), false);
		return new CatalogList(result.items().stream().map(CatalogJson::of).toList(), result.total(), result.page(),
				result.size());
	}

	@GetMapping("/{id}")
	@PreAuthorize(Security.Rules.SIGNED_IN)
	@Operation(summary = "Read a catalog project", operationId = "getCatalogProject")
	CatalogJson get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return CatalogJson.of(queries.find(id, scopes.of(user)).orElseThrow(NotFoundException::new));
	}

	@PostMapping
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Create a catalog project (draft)", operationId = "createCatalogProject")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Created.")
	ResponseEntity<CatalogJson> create(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody CatalogDetails body) {
		long id = writes.create(body, user).id();
		return ResponseEntity.created(URI.create("/api/v1/catalog/" + id)).body(get(user, id));
	}

	@PostMapping("/{id}/publish")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Publish a draft on the public catalog", operationId = "publishCatalogProject")
	CatalogJson publish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody VersionBody body) {
		writes.publish(id, body.version(), user);
		return get(user, id);
	}

	@PostMapping("/{id}/match")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Mark a published project matched with its clue or project", operationId = "matchCatalogProject")
	CatalogJson match(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody MatchBody body) {
		writes.match(id, body.clueId(), body.projectId(), body.version(), user);
		return get(user, id);
	}

	@PostMapping("/{id}/withdraw")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Withdraw a catalog project (with a reason)", operationId = "withdrawCatalogProject")
	CatalogJson withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody WithdrawBody body) {
		writes.withdraw(id, body.reason(), body.version(), user);
		return get(user, id);
	}
}
