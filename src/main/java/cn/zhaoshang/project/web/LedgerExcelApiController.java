package cn.zhaoshang.project.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.project.internal.Attachments;
import cn.zhaoshang.project.internal.LedgerWorkbook;
import cn.zhaoshang.project.internal.ProjectFilter;
import cn.zhaoshang.project.internal.ProjectImport;

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
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The ledger as Excel over the API: {@code GET /api/v1/projects/export.xlsx} (the list's filters as query
 * parameters), {@code POST /api/v1/projects/import} (multipart field {@code file} → {@code {imported, updated,
 * unchanged}}, or 422 with {@code errors: [{row, column, message}]} and nothing saved, answered by the platform's
 * advice for every import) and {@code GET /api/v1/projects/import-template.xlsx}.
 */
@Tag(name = "Projects")
@RestController
class LedgerExcelApiController {

	private final LedgerWorkbook workbook;
	private final ProjectImport imports;
	private final MessageSource messages;

	LedgerExcelApiController(LedgerWorkbook workbook, ProjectImport imports, MessageSource messages) {
		this.workbook = workbook;
		this.imports = imports;
		this.messages = messages;
	}

	@GetMapping("/api/v1/projects/export.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Export the filtered ledger as an Excel workbook", operationId = "exportProjects")
	void export(@ModelAttribute ProjectFilter filter, @AuthenticationPrincipal CurrentUser user, Locale locale,
			HttpServletResponse response) throws IOException {
		Downloads.attachment(response, LedgerWorkbook.CONTENT_TYPE, workbook.exportFileName(locale),
				workbook.exportFileName(Locale.ENGLISH));
		workbook.export(filter, user, response.getOutputStream());
	}

	@GetMapping("/api/v1/projects/import-template.xlsx")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Download the ledger import template", operationId = "downloadProjectImportTemplate")
	void template(@AuthenticationPrincipal CurrentUser user, Locale locale, HttpServletResponse response)
			throws IOException {
		Downloads.attachment(response, LedgerWorkbook.CONTENT_TYPE, workbook.templateFileName(locale),
				workbook.templateFileName(Locale.ENGLISH));
		workbook.template(user, response.getOutputStream());
	}

	@PostMapping(path = "/api/v1/projects/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Import projects from an Excel workbook (all or nothing)", operationId = "importProjects")
	ProjectImport.Result importLedger(@RequestParam("file") MultipartFile file,
			@AuthenticationPrincipal CurrentUser user) throws IOException {
		return imports.execute(file.getBytes(), user);
	}

	/** An upload over the multipart limit (20 MB): a clear 413, not an error page. */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(Locale locale, HttpServletRequest request) {
		return problem(HttpStatus.PAYLOAD_TOO_LARGE, messages.getMessage("attachment.tooLarge",
				new Object[] { Attachments.MAX_BYTES / 1024 / 1024 }, locale), locale, request);
	}

	/** The problem document as ApiExceptionAdvice writes it (title by status, detail, instance). */
	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, Locale locale,
			HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(messages.getMessage("error.title." + status.value(), null, status.getReasonPhrase(), locale));
		problem.setInstance(URI.create(request.getRequestURI()));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
