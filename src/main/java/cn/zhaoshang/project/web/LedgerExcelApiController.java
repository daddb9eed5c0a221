package cn.zhaoshang.project.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ImportResult;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Downloads;
import cn.zhaoshang.project.internal.LedgerTemplate;
import cn.zhaoshang.project.internal.LedgerWorkbook;
import cn.zhaoshang.project.internal.ProjectFilter;
import cn.zhaoshang.project.internal.ProjectImport;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The ledger as Excel over the API: {@code GET /api/v1/projects/export.xlsx} (the list's filters as query
 * parameters), {@code POST /api/v1/projects/import} (multipart field {@code file} → {@code {created, updated,
 * unchanged, imported}} where {@code imported} is the old name of {@code created}, kept for one release; or 422 with
 * {@code errors: [{row, column, message}]} and nothing saved, answered by the platform's {@code ImportProblem} for
 * every import; an upload over the limit, or with a name too long, is answered there too) and
 * {@code GET /api/v1/projects/import/template.xlsx} (old name {@code import-template.xlsx}, kept for one release).
 */
@Tag(name = "Projects")
@RestController
class LedgerExcelApiController {

	private final LedgerWorkbook workbook;
	private final LedgerTemplate template;
	private final ProjectImport imports;

	LedgerExcelApiController(LedgerWorkbook workbook, LedgerTemplate template, ProjectImport imports) {
		this.workbook = workbook;
		this.template = template;
		this.imports = imports;
	}

	@GetMapping("/api/v1/projects/export.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Export the filtered ledger as an Excel workbook", operationId = "exportProjects")
	void export(@jakarta.validation.Valid @ModelAttribute ProjectFilter filter, @AuthenticationPrincipal CurrentUser user, Locale locale,
			HttpServletResponse response) throws IOException {
		Downloads.xlsx(response, workbook.exportFileName(locale),
				workbook.exportFileName(Locale.ENGLISH));
		workbook.export(filter, user, response.getOutputStream());
	}

	@GetMapping({ "/api/v1/projects/import/template.xlsx", "/api/v1/projects/import-template.xlsx" })
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Download the ledger import template", operationId = "downloadProjectImportTemplate")
	void template(@AuthenticationPrincipal CurrentUser user, Locale locale, HttpServletResponse response)
			throws IOException {
		Downloads.xlsx(response, template.fileName(locale), template.fileName(Locale.ENGLISH));
		template.write(user, response.getOutputStream());
	}

	@PostMapping(path = "/api/v1/projects/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Import projects from an Excel workbook (all or nothing)", operationId = "importProjects")
	ImportResult importLedger(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal CurrentUser user)
			throws IOException {
		return imports.execute(file.getBytes(), user).withImportedAlias();
	}
}
