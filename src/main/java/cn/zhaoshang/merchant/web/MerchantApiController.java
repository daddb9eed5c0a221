package cn.zhaoshang.merchant.web;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.merchant.EnterpriseSize;
import cn.zhaoshang.merchant.EnterpriseType;
import cn.zhaoshang.merchant.MerchantId;
import cn.zhaoshang.merchant.Merchants;
import cn.zhaoshang.merchant.SourceTag;
import cn.zhaoshang.merchant.internal.MerchantFilter;
import cn.zhaoshang.merchant.internal.MerchantImport;
import cn.zhaoshang.merchant.internal.MerchantInput;
import cn.zhaoshang.merchant.internal.MerchantQueries;
import cn.zhaoshang.merchant.internal.MerchantRecord;
import cn.zhaoshang.merchant.internal.MerchantRegistry;
import cn.zhaoshang.merchant.internal.MerchantSheet;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ImportResult;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.platform.UnitSummary;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The merchant database's REST API ({@code /api/v1/merchants}, docs/api-merchants.md) with the pages' rules: every
 * internal role reads, contacts masked for roles that do not need them; the editing roles create; the registering
 * unit, the city bureau and administrators edit. A duplicate is refused with 409 and its {@code candidates}; a stale
 * {@code version} with 409; an import with 422 and every error as {@code {row, column, message}}.
 */
@Tag(name = "Merchants")
@RestController
class MerchantApiController {

	static final int MAX_PAGE_SIZE = 200;

	private final MerchantRegistry registry;
	private final MerchantQueries queries;
	private final MerchantImport imports;
	private final MerchantSheet sheet;
	private final Merchants merchants;
	private final UnitDirectory units;
	private final MessageSource messages;

	MerchantApiController(MerchantRegistry registry, MerchantQueries queries, MerchantImport imports,
			MerchantSheet sheet, Merchants merchants, UnitDirectory units, MessageSource messages) {
		this.registry = registry;
		this.queries = queries;
		this.imports = imports;
		this.sheet = sheet;
		this.merchants = merchants;
		this.units = units;
		this.messages = messages;
	}

	record Item(long id, String name, String uscc, EnterpriseType enterpriseType, String headquarters,
			String registeringUnit, List<String> chains, Set<SourceTag> tags, boolean listed, boolean global500,
			boolean china500, Instant updatedAt) {
	}

	record ItemList(List<Item> items, long total, int page, int size) {
	}

	record ContactJson(String name, String title, String phone, String email, String wechat) {
	}

	record MerchantJson(long id, String name, String uscc, EnterpriseType enterpriseType, String headquarters,
			List<Long> chainIds, List<String> chains, String chainLinks, EnterpriseSize enterpriseSize,
			boolean listed, boolean global500, boolean china500, Set<SourceTag> tags, List<String> aliases,
			Long registeringUnitId, String registeringUnit, String remarks, List<ContactJson> contacts,
			List<String> claimants, Long mergedIntoId, boolean editable, int version, Instant createdAt,
			Instant updatedAt) {
	}

	/**
	 * The filtered list, one page at a time (1-based; size 1–200, default 20): {@code q} (part of the name, an alias
	 * or the USCC), {@code type}, {@code chain}, {@code tag}, {@code flag}, {@code unit}, {@code sort}, {@code dir}.
	 */
	@GetMapping("/api/v1/merchants")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "List merchants (filtered, one page)", operationId = "listMerchants")
	ItemList list(@ModelAttribute MerchantFilter filter, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		int pageSize = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
		var result = queries.list(filter, Math.max(page, 1), pageSize, MerchantPages.english());
		return new ItemList(result.items()
			.stream()
			.map(r -> new Item(r.id(), r.name(), r.uscc(), r.type(), r.headquarters(), r.unitName(), r.chains(),
					r.tags(), r.listed(), r.global500(), r.china500(), r.updatedAt()))
			.toList(), result.total(), result.page(), result.size());
	}

	@PostMapping("/api/v1/merchants")
	@PreAuthorize(Security.Rules.MERCHANT_EDITOR)
	@Operation(summary = "Register a merchant (enterprise)", operationId = "createMerchant")
	@ApiResponse(responseCode = "201", description = "The merchant, registered; `Location` is its address.")
	@ApiResponse(responseCode = "409",
			description = "It may duplicate a registered merchant (same USCC or name): `candidates` lists them.")
	ResponseEntity<MerchantJson> create(@AuthenticationPrincipal CurrentUser user, @RequestBody MerchantInput body) {
		long id = registry.create(body, user);
		var location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
		return ResponseEntity.created(location).body(json(id, user));
	}

	@GetMapping("/api/v1/merchants/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Read a merchant", operationId = "getMerchant")
	MerchantJson one(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return json(id, user);
	}

	/** Replaces the enterprise's facts; {@code version} must be the one read, else 409 and nothing changes. */
	@PutMapping("/api/v1/merchants/{id}")
	@PreAuthorize(Security.Rules.MERCHANT_EDITOR)
	@Operation(summary = "Replace a merchant's facts", operationId = "updateMerchant")
	MerchantJson update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody MerchantInput body) {
		registry.update(id, body, user);
		return json(id, user);
	}

	@PostMapping(path = "/api/v1/merchants/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(Security.Rules.MERCHANT_EDITOR)
	@Operation(summary = "Import merchants from an Excel workbook (all or nothing)", operationId = "importMerchants")
	ImportResult importSheet(@RequestParam("file") MultipartFile file,
			@AuthenticationPrincipal CurrentUser user) throws IOException {
		return imports.execute(file.getBytes(), user);
	}

	@GetMapping("/api/v1/merchants/export.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Export the filtered merchants as an Excel workbook", operationId = "exportMerchants")
	void export(@ModelAttribute MerchantFilter filter, @AuthenticationPrincipal CurrentUser user, Locale locale,
			HttpServletResponse response) throws IOException {
		MerchantExcelController.download(response, sheet.exportFileName(locale));
		sheet.export(filter, user, response.getOutputStream());
	}

	private MerchantJson json(long id, CurrentUser user) {
		MerchantRecord stored = registry.get(id);
		MerchantRecord r = stored.forReader(user.role());
		List<String> claimants = merchants.claimants(new MerchantId(id))
			.stream()
			.map(u -> units.find(u).map(UnitSummary::name).orElse(u.toString()))
			.toList();
		return new MerchantJson(r.id(), r.name(), r.uscc(), r.enterpriseType(), r.headquarters(), r.chainIds(),
				r.chainNames(), r.chainLinks(), r.enterpriseSize(), r.listed(), r.global500(), r.china500(), r.tags(),
				r.ownAliases(), r.unitId() == null ? null : r.unitId().value(), r.unitName(), r.remarks(),
				r.contacts()
					.stream()
					.map(c -> new ContactJson(c.name(), c.title(), c.phone(), c.email(), c.wechat()))
					.toList(),
				claimants, r.mergedIntoId(), registry.canEdit(stored, user), r.version(), r.createdAt(),
				r.updatedAt());
	}

	/** 409 with the records the new one may duplicate: {@code candidates: [{id, name, uscc, reason, href}]}. */
	@ExceptionHandler(MerchantRegistry.Duplicate.class)
	ResponseEntity<ProblemDetail> duplicate(MerchantRegistry.Duplicate e, Locale locale, HttpServletRequest request) {
		var candidates = e.candidates()
			.stream()
			.map(c -> Map.of("id", c.id(), "name", c.name(), "uscc", c.uscc() == null ? "" : c.uscc(), "reason",
					c.reason(), "href", "/api/v1/merchants/" + c.id()))
			.toList();
		return problem(HttpStatus.CONFLICT, messages.getMessage(e.messageKey(), e.args(), locale), "candidates",
				candidates, locale, request);
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String property, Object value,
			Locale locale, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(messages.getMessage("error.title." + status.value(), null, status.getReasonPhrase(), locale));
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty(property, value);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
