package cn.zhaoshang.supervision.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.InvalidInputException;
import cn.zhaoshang.platform.ImportResult;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UnitDirectory;
import cn.zhaoshang.supervision.internal.SetTargets;
import cn.zhaoshang.supervision.internal.TargetImport;
import cn.zhaoshang.supervision.internal.TargetQueries;
import cn.zhaoshang.supervision.internal.TargetYears;

import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/targets}: a year's targets for every internal role (they are published figures), one unit's target
 * set by the city bureau (created, or changed at the version read: 409 when stale), and the Excel import of a year
 * (all or nothing, 422 with each refused cell).
 */
@Tag(name = "Supervision")
@RestController
class TargetApiController {

	private final TargetQueries queries;
	private final SetTargets targets;
	private final TargetImport imports;
	private final TargetYears years;
	private final UnitDirectory units;
	private final MessageSource messages;

	TargetApiController(TargetQueries queries, SetTargets targets, TargetImport imports, TargetYears years,
			UnitDirectory units, MessageSource messages) {
		this.messages = messages;
		this.queries = queries;
		this.targets = targets;
		this.imports = imports;
		this.years = years;
		this.units = units;
	}

	/**
	 * Broken rules of a target: 422 (or the field's own status) naming each field, labelled with the targets' own
	 * words (the shared field labels mean other things elsewhere, e.g. this month's funds in place).
	 */
	@ExceptionHandler({ InvalidInputException.class, FieldException.class })
	ResponseEntity<ProblemDetail> refused(BusinessException e, HttpServletRequest request, Locale locale) {
		List<InvalidInputException.Violation> violations = e instanceof InvalidInputException invalid
				? invalid.violations()
				: List.of(new InvalidInputException.Violation(((FieldException) e).field(), e.messageKey(), e.args()));
		List<Map<String, String>> errors = violations.stream().map(v -> {
			String label = messages.getMessage("supervision.field." + v.field(), null, v.field(), locale);
			String rule = messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale);
			return Map.of("field", v.field(), "message",
					messages.getMessage("form.fieldError", new Object[] { label, rule }, locale));
		}).toList();
		HttpStatus status = HttpStatus.valueOf(e.status());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage("error.validation", null, locale));
		problem.setTitle(messages.getMessage("error.title." + status.value(), null, status.getReasonPhrase(), locale));
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("errors", errors);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@GetMapping("/api/v1/targets")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "List a year's targets of every unit with the city total (default: this year)",
			operationId = "listTargets")
	TargetJson.Year list(@RequestParam(name = "year", required = false) Integer year) {
		return TargetJson.Year.of(queries.forYear(years.require(year, 400)));
	}

	@PutMapping("/api/v1/targets/{year}/{unitId}")
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	@Operation(summary = "Set one unit's annual target (city bureau; version required once it exists)",
			operationId = "setTarget")
	TargetJson.Item set(@PathVariable int year, @PathVariable long unitId, @RequestBody TargetBody body,
			@AuthenticationPrincipal CurrentUser user) {
		var row = targets.set(year, unitId, body.values(), body.version(), user);
		String name = units.find(new UnitId(unitId)).map(u -> u.name()).orElse(null);
		return TargetJson.Item.of(row, name);
	}

	@PostMapping(path = "/api/v1/targets/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(Security.Rules.LEDGER_REVIEWER)
	@Operation(summary = "Import a year's targets from an Excel workbook (all or nothing)",
			operationId = "importTargets")
	ImportResult importTargets(@RequestParam("year") int year, @RequestParam("file") MultipartFile file,
			@AuthenticationPrincipal CurrentUser user) throws IOException {
		return imports.execute(year, file.getBytes(), user);
	}
}
