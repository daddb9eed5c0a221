package cn.zhaoshang.clue.web;

import java.io.IOException;

import cn.zhaoshang.clue.internal.ClueImport;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.ImportResult;
import cn.zhaoshang.platform.Security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/clues/import}: a workbook as the import page takes it (multipart {@code file}); answers the
 * counts {@code {created, updated, unchanged}}, or 422 with {@code errors: [{row, column, message}]} and nothing
 * saved (ApiExceptionAdvice). Other refusals (not an .xlsx file, no rows) are the usual problem documents.
 */
@Tag(name = "Clues")
@RestController
class ClueImportApiController {

	private final ClueImport imports;

	ClueImportApiController(ClueImport imports) {
		this.imports = imports;
	}

	@PostMapping(path = "/api/v1/clues/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Import clues from an Excel workbook (all or nothing)", operationId = "importClues")
	ImportResult importClues(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal CurrentUser user)
			throws IOException {
		return imports.execute(file.getBytes(), user);
	}
}
