package cn.zhaoshang.project.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Downloads;
import cn.zhaoshang.project.EvidenceKind;
import cn.zhaoshang.project.internal.AttachToProject;
import cn.zhaoshang.project.internal.Attachments;
import cn.zhaoshang.project.internal.ProjectAccess;
import cn.zhaoshang.project.web.ProjectApiViews.UploadJson;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /api/v1/attachments}: upload evidence and photos (multipart field {@code file}), download them. The type
 * is recognised by content and the size limited (see {@link Attachments}); an upload without {@code projectId}
 * stays its uploader's until a stage move or progress update names it. Downloads follow the project's read rights.
 */
@Tag(name = "Attachments")
@RestController
class AttachmentApiController {

	/** What an upload may be filed as; a stage move or progress update re-files it as EVIDENCE or PHOTO. */
	static final Set<String> KINDS = Set.of("EVIDENCE", "PHOTO", "OTHER");

	private final ProjectAccess access;
	private final AttachToProject attach;
	private final Attachments attachments;

	AttachmentApiController(ProjectAccess access, AttachToProject attach, Attachments attachments) {
		this.access = access;
		this.attach = attach;
		this.attachments = attachments;
	}

	@PostMapping(path = "/api/v1/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	@Operation(summary = "Upload evidence or a photo", operationId = "uploadAttachment")
	@ApiResponse(responseCode = "201", description = "The stored file; `Location` is its address.")
	@ApiResponse(responseCode = "415", description = "Not a PDF, JPEG, PNG, Word or Excel file (by content).")
	ResponseEntity<UploadJson> upload(@AuthenticationPrincipal CurrentUser user,
			@RequestParam("file") MultipartFile file, @RequestParam(required = false) Long projectId,
			@RequestParam(required = false) String kind, @RequestParam(required = false) EvidenceKind evidenceKind) {
		String k = kind == null || kind.isBlank() ? null : kind.trim().toUpperCase(Locale.ROOT);
		if (k != null && !KINDS.contains(k)) {
			throw new FieldException("kind", 400, "validation.oneOf",
					String.join(", ", KINDS.stream().sorted().toList()));
		}
		byte[] bytes;
		try {
			bytes = file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		var stored = projectId == null ? attachments.store(file.getOriginalFilename(), bytes, user, null, k, evidenceKind)
				: attach.execute(projectId, file.getOriginalFilename(), bytes, k, evidenceKind, user);
		var location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(stored.id())
			.toUri();
		return ResponseEntity.created(location).body(UploadJson.of(stored));
	}

	@GetMapping("/api/v1/attachments/{id}")
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Download an attachment", operationId = "downloadAttachment")
	@ApiResponse(responseCode = "200", description = "The file, with the type it was stored as.", content = {
			@Content(mediaType = Downloads.PDF, schema = @Schema(type = "string", format = "binary")),
			@Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
			@Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
			@Content(mediaType = Downloads.DOCX,
					schema = @Schema(type = "string", format = "binary")),
			@Content(mediaType = Downloads.XLSX,
					schema = @Schema(type = "string", format = "binary")) })
	ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		var a = access.readableAttachment(id, user);
		return ResponseEntity.status(HttpStatus.OK)
			.contentType(MediaType.parseMediaType(a.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(a.fileName(), null))
			.body(attachments.read(a));
	}
}
