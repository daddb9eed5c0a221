package cn.zhaoshang.project.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ImportResult;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.project.internal.FundsFilter;
import cn.zhaoshang.project.internal.FundsImport;
import cn.zhaoshang.project.internal.FundsTotals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The funds report API (issue 10): {@code GET /api/v1/funds} the totals of the monthly funds rows by unit, chain,
 * type, month or quarter for a period (default the year to date), in the reader's scope; {@code POST
 * /api/v1/funds/import} the monthly funds workbook (multipart {@code file}), all or nothing: the counts, or 422 with
 * {@code errors: [{row, column, message}]} and nothing saved.
 */
@Tag(name = "Projects")
@RestController
class FundsReportApiController {

	private final FundsTotals totals;
	private final FundsImport imports;

	FundsReportApiController(FundsTotals totals, FundsImport imports) {
		this.totals = totals;
		this.imports = imports;
	}

	@GetMapping("/api/v1/funds")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Funds in place totals by unit, chain, type, month or quarter for a period",
			operationId = "getFundsTotals")
	FundsTotals.Report totals(@Valid @ModelAttribute FundsFilter filter, @AuthenticationPrincipal CurrentUser user,
			Locale locale) {
		return totals.totals(filter, user, locale);
	}

	@PostMapping(path = "/api/v1/funds/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Import the monthly funds report from an Excel workbook (all or nothing)",
			operationId = "importFunds")
	ImportResult importFunds(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal CurrentUser user)
			throws IOException {
		return imports.execute(file.getBytes(), user);
	}
}
