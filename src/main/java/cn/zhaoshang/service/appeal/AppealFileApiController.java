package cn.zhaoshang.service.appeal;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.StoredDocument;
import cn.zhaoshang.platform.web.Downloads;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/appeals/export.xlsx} and an appeal's attachments ({@code /api/v1/appeals/{id}/documents}). */
@Tag(name = "Appeals")
@RestController
class AppealFileApiController {

	/** An attachment as the API shows it. */
	record DocumentJson(long id, String fileName, String contentType, long sizeBytes, String uploadedBy,
			Instant uploadedAt) {

		static DocumentJson of(StoredDocument d) {
			return new DocumentJson(d.id(), d.fileName(), d.contentType(), d.sizeBytes(), d.uploadedBy(),
					d.uploadedAt());
		}
	}

	record DocumentList(List<DocumentJson> items) {
	}

	private final AppealDocuments documents;
	private final AppealExport export;
	private final DataScopes scopes;

	AppealFileApiController(AppealDocuments documents, AppealExport export, DataScopes scopes) {
		this.documents = documents;
		this.export = export;
		this.scopes = scopes;
	}

	@GetMapping("/api/v1/appeals/export.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Export the filtered appeals as an Excel workbook (the list's filters and order)",
			operationId = "exportAppeals")
	@ApiResponse(responseCode = "200", description = "The workbook.", content = @Content(mediaType = Downloads.XLSX,
			schema = @Schema(type = "string", format = "binary")))
	void export(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute AppealFilter filter, Locale locale,
			HttpServletResponse response) throws IOException {
		Downloads.xlsx(response, export.fileName(locale), export.fileName(Locale.ENGLISH));
		export.write(filter, AppealScope.of(user, scopes), response.getOutputStream());
	}

	@GetMapping("/api/v1/appeals/{id}/documents")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "An appeal's attachments, newest first", operationId = "listAppealDocuments")
	DocumentList list(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return new DocumentList(documents.of(id, user).stream().map(DocumentJson::of).toList());
	}

	@PostMapping(path = "/api/v1/appeals/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Attach a file (PDF, JPEG, PNG, DOCX, XLSX; at most 20 MB) to an appeal the caller handles",
			operationId = "uploadAppealDocument")
	@ApiResponse(responseCode = "201", description = "The attachment; `Location` is its download.")
	ResponseEntity<DocumentJson> upload(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam("file") MultipartFile file) throws IOException {
		StoredDocument d = documents.store(id, file.getOriginalFilename(), file.getBytes(), user);
		return ResponseEntity.created(URI.create("/api/v1/appeals/" + id + "/documents/" + d.id()))
			.body(DocumentJson.of(d));
	}

	@GetMapping("/api/v1/appeals/{id}/documents/{documentId}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Download an appeal's attachment", operationId = "downloadAppealDocument")
	@ApiResponse(responseCode = "200", description = "The file, with the type it was stored as.",
			content = @Content(mediaType = "application/octet-stream",
					schema = @Schema(type = "string", format = "binary")))
	ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long documentId) {
		return AppealFileController.file(documents.read(id, documentId, user));
	}
}
