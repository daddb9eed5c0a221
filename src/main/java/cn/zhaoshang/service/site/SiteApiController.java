package cn.zhaoshang.service.site;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ImportResult;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.list.PageSizes;
import cn.zhaoshang.service.SiteStock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/land-parcels}, {@code /api/v1/factories}, the matches of a project, the available stock per unit
 * and the "land waits for projects" view (issue 14). Every internal user reads; units keep their own land and
 * factories, the city bureau all.
 */
@Tag(name = "Land and factories")
@RestController
class SiteApiController {

	private final Sites sites;
	private final SiteStore store;
	private final SiteMatching matching;
	private final SiteStockQueries stock;
	private final cn.zhaoshang.platform.DataScopes scopes;
	private final MessageSource messages;
	private final SiteImport imports;

	SiteApiController(Sites sites, SiteStore store, SiteMatching matching, SiteStockQueries stock,
			cn.zhaoshang.platform.DataScopes scopes, MessageSource messages, SiteImport imports) {
		this.imports = imports;
		this.sites = sites;
		this.store = store;
		this.matching = matching;
		this.stock = stock;
		this.scopes = scopes;
		this.messages = messages;
	}

	/** A page of a list. */
	record Page<T>(List<T> items, long total, int page, int size) {
	}

	/** The project to reserve for. */
	record Reservation(@NotNull Long projectId, Integer version) {
	}

	/** The status to move a reserved parcel or factory to, at the version read. */
	record StatusMove(@NotNull String status, Integer version) {
	}

	/** One match: kind LAND or FACTORY, the candidate, its score and the reasons in the caller's language. */
	record MatchJson(SiteKind kind, long id, long unitId, String unitName, String name, String park,
			java.math.BigDecimal size, int score, List<String> reasons) {
	}

	/** The matches of a project, ranked by the named policy. */
	record Matches(String policy, List<MatchJson> items) {
	}

	// ---- land parcels

	@GetMapping("/api/v1/land-parcels")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "List net land parcels (filtered, one page)", operationId = "listLandParcels")
	Page<LandParcel> parcels(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute SiteFilter filter,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		return page(SiteKind.LAND, filter, user, page, size);
	}

	@PostMapping("/api/v1/land-parcels")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Register a net land parcel (a unit its own, the city bureau any)",
			operationId = "createLandParcel")
	@ApiResponse(responseCode = "201", description = "The parcel, available; `Location` is its address.")
	ResponseEntity<LandParcel> createParcel(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody ParcelInput body) {
		return created(SiteKind.LAND, "/api/v1/land-parcels/", body, user);
	}

	@PostMapping(path = "/api/v1/land-parcels/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Import net land parcels from an Excel workbook (all or nothing; the same name in the same "
			+ "unit changes that parcel)", operationId = "importLandParcels")
	ImportResult importParcels(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal CurrentUser user)
			throws IOException {
		return imports.execute(SiteKind.LAND, file.getBytes(), user);
	}

	@GetMapping("/api/v1/land-parcels/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read a net land parcel", operationId = "getLandParcel")
	LandParcel parcel(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return sites.parcel(id, user);
	}

	@PutMapping("/api/v1/land-parcels/{id}")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Change a net land parcel at the version read", operationId = "updateLandParcel")
	LandParcel updateParcel(@PathVariable long id, @Valid @RequestBody ParcelInput body,
			@AuthenticationPrincipal CurrentUser user) {
		return sites.update(SiteKind.LAND, id, version(body.version()), body, user);
	}

	@PostMapping("/api/v1/land-parcels/{id}/reservation")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Reserve an available parcel for a project: it leaves the available stock",
			operationId = "reserveLandParcel")
	LandParcel reserveParcel(@PathVariable long id, @Valid @RequestBody Reservation body,
			@AuthenticationPrincipal CurrentUser user) {
		return sites.reserve(SiteKind.LAND, id, body.version(), body.projectId(), user);
	}

	@DeleteMapping("/api/v1/land-parcels/{id}/reservation")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Release a reserved parcel back into the available stock", operationId = "releaseLandParcel")
	LandParcel releaseParcel(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return sites.release(SiteKind.LAND, id, null, user);
	}

	@PostMapping("/api/v1/land-parcels/{id}/status")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Move a reserved parcel on: ALLOCATED, then BUILT", operationId = "moveLandParcel")
	LandParcel moveParcel(@PathVariable long id, @Valid @RequestBody StatusMove body,
			@AuthenticationPrincipal CurrentUser user) {
		return sites.advance(SiteKind.LAND, id, body.version(), body.status(), user);
	}

	// ---- factories

	@GetMapping("/api/v1/factories")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "List standard factories (filtered, one page)", operationId = "listFactories")
	Page<Factory> factories(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute SiteFilter filter,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		return page(SiteKind.FACTORY, filter, user, page, size);
	}

	@PostMapping("/api/v1/factories")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Register a standard factory (a unit its own, the city bureau any)",
			operationId = "createFactory")
	@ApiResponse(responseCode = "201", description = "The factory, available; `Location` is its address.")
	ResponseEntity<Factory> createFactory(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody FactoryInput body) {
		return created(SiteKind.FACTORY, "/api/v1/factories/", body, user);
	}

	@PostMapping(path = "/api/v1/factories/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Import standard factories from an Excel workbook (all or nothing; the same name in the same "
			+ "unit changes that factory)", operationId = "importFactories")
	ImportResult importFactories(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal CurrentUser user)
			throws IOException {
		return imports.execute(SiteKind.FACTORY, file.getBytes(), user);
	}

	@GetMapping("/api/v1/factories/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read a standard factory", operationId = "getFactory")
	Factory factory(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return sites.factory(id, user);
	}

	@PutMapping("/api/v1/factories/{id}")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Change a standard factory at the version read", operationId = "updateFactory")
	Factory updateFactory(@PathVariable long id, @Valid @RequestBody FactoryInput body,
			@AuthenticationPrincipal CurrentUser user) {
		return sites.update(SiteKind.FACTORY, id, version(body.version()), body, user);
	}

	@PostMapping("/api/v1/factories/{id}/reservation")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Reserve an available factory for a project", operationId = "reserveFactory")
	Factory reserveFactory(@PathVariable long id, @Valid @RequestBody Reservation body,
			@AuthenticationPrincipal CurrentUser user) {
		return sites.reserve(SiteKind.FACTORY, id, body.version(), body.projectId(), user);
	}

	@DeleteMapping("/api/v1/factories/{id}/reservation")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Release a reserved factory", operationId = "releaseFactory")
	Factory releaseFactory(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return sites.release(SiteKind.FACTORY, id, null, user);
	}

	@PostMapping("/api/v1/factories/{id}/status")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Let or sell a reserved factory to its project (LET or SOLD)", operationId = "moveFactory")
	Factory moveFactory(@PathVariable long id, @Valid @RequestBody StatusMove body,
			@AuthenticationPrincipal CurrentUser user) {
		return sites.advance(SiteKind.FACTORY, id, body.version(), body.status(), user);
	}

	// ---- matching and stock

	@GetMapping("/api/v1/projects/{id}/site-matches")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "The available land and factories matched to a project's needs, ranked with reasons",
			operationId = "getSiteMatches")
	Matches matches(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Locale locale) {
		return new Matches(SiteScoring.NAME, matching.matches(id, user)
			.stream()
			.map(m -> new MatchJson(m.kind(), m.id(), m.unitId(), m.unitName(), m.name(), m.park(), m.size(),
					m.score(), m.reasons().stream().map(r -> messages.getMessage(r, locale)).toList()))
			.toList());
	}

	@GetMapping("/api/v1/site-stock")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Each unit's available net land (mu) and factory floor area (m2)", operationId = "getSiteStock")
	Page<SiteStock.Stock> stock() {
		var all = stock.available();
		return new Page<>(all, all.size(), 1, all.size());
	}

	@GetMapping("/api/v1/land-waits")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Land waits for projects: per unit the stock ready against signed projects without land",
			operationId = "getLandWaits")
	SiteStockQueries.LandWaits landWaits() {
		return stock.landWaits();
	}

	private <S extends Site> Page<S> page(SiteKind kind, SiteFilter filter, CurrentUser user, int page, int size) {
		var result = store.<S>list(kind, filter, scopes.of(user), Math.max(page, 1), PageSizes.forApi(size), false);
		return new Page<>(result.items(), result.total(), result.page(), result.size());
	}

	/** 201 with the new record, {@code Location} its address. */
	private <S extends Site> ResponseEntity<S> created(SiteKind kind, String base, SiteInput body, CurrentUser user) {
		long id = sites.create(kind, body, user);
		return ResponseEntity.created(URI.create(base + id)).body(sites.<S>read(kind, id, user));
	}

	static int version(Integer version) {
		if (version == null) {
			throw new org.springframework.dao.OptimisticLockingFailureException("no version");
		}
		return version;
	}
}
