package cn.zhaoshang.clue.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import cn.zhaoshang.clue.internal.ClueImport;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/clues/import}: a workbook as the import page takes it (multipart {@code file}); answers the
 * counts {@code {created, updated, unchanged}}, or 422 with {@code errors: [{row, column, message}]} and nothing
 * saved. Other refusals (not an .xlsx file, no rows) are the usual problem documents.
 */
@RestController
class ClueImportApiController {

	private final ClueImport imports;
	private final MessageSource messages;

	ClueImportApiController(ClueImport imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@PostMapping(path = "/api/v1/clues/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	ClueImport.Result importClues(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal CurrentUser user)
			throws IOException {
		return imports.execute(file.getBytes(), user);
	}

	/** 422 with every error as {row, column, message}: a workbook has cells, not fields. */
	@ExceptionHandler(ClueImport.Rejected.class)
	ResponseEntity<ProblemDetail> rejected(ClueImport.Rejected e, Locale locale, HttpServletRequest request) {
		var status = HttpStatus.UNPROCESSABLE_ENTITY;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(e.messageKey(), e.args(), locale));
		problem.setTitle(messages.getMessage("error.title." + status.value(), null, status.getReasonPhrase(), locale));
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("errors", ClueImportController.errors(e, messages, locale));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
