package cn.zhaoshang.project.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Downloads;
import cn.zhaoshang.platform.web.Flash;
import cn.zhaoshang.platform.web.FormErrors;
import cn.zhaoshang.project.internal.AttachToProject;
import cn.zhaoshang.project.EvidenceKind;
import cn.zhaoshang.project.internal.Attachments;
import cn.zhaoshang.project.internal.ProjectAccess;
import cn.zhaoshang.project.internal.ProjectQueries;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A project's files: upload on the project page (evidence, photos, other; evidence tagged with the
 * {@link EvidenceKind} it proves), download by anyone who may read the
 * project. Downloads are served as attachments with the stored (content-detected) type and no sniffing; images may
 * be shown inline, for thumbnails.
 */
@Controller
class AttachmentController {

	static final List<String> KINDS = List.of("EVIDENCE", "PHOTO", "OTHER");

	private final ProjectAccess access;
	private final AttachToProject attach;
	private final ProjectQueries queries;
	private final Attachments attachments;
	private final DetailPage detailPage;
	private final MessageSource messages;

	AttachmentController(ProjectAccess access, AttachToProject attach, ProjectQueries queries, Attachments attachments,
			DetailPage detailPage, MessageSource messages) {
		this.access = access;
		this.attach = attach;
		this.queries = queries;
		this.attachments = attachments;
		this.detailPage = detailPage;
		this.messages = messages;
	}

	@PostMapping("/projects/{id}/attachments")
	@PreAuthorize(Security.Rules.LEDGER_EDITOR)
	String upload(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(defaultValue = "OTHER") String kind, @RequestParam(required = false) EvidenceKind evidenceKind,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, Locale locale,
			RedirectAttributes redirect) {
		access.editable(id, user);
		String k = KINDS.contains(kind) ? kind : "OTHER";
		try {
			if (file == null || file.isEmpty()) {
				throw new BusinessException("ledger.upload.choose");
			}
			byte[] bytes = file.getBytes();
			if ("PHOTO".equals(k) && !attachments.isImage(bytes)) {
				throw new BusinessException(415, "ledger.photo.notImage");
			}
			boolean clearsFlag = "EVIDENCE".equals(k) && queries.detail(id).row().evidencePending();
			attach.execute(id, file.getOriginalFilename(), bytes, k, evidenceKind, user);
			Flash.success(redirect, clearsFlag ? "ledger.flash.evidenceCleared" : "ledger.flash.uploaded");
			return "redirect:/projects/" + id + "#files";
		}
		catch (BusinessException e) {
			String message = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
			return detailPage.render(id, user, model,
					new DetailPage.Errors(FormErrors.NONE, null, message, FormErrors.NONE));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@GetMapping("/projects/{id}/attachments/{attachmentId}")
	@PreAuthorize(Security.Rules.INTERNAL)
	ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long attachmentId, @RequestParam(defaultValue = "false") boolean inline) {
		access.readable(id, user);
		Attachments.Attachment a = attachments.find(attachmentId)
			.filter(x -> x.projectId() != null && x.projectId() == id)
			.orElseThrow(NotFoundException::new);
		byte[] bytes = attachments.read(a);
		String disposition = inline && a.isImage() ? Downloads.inline(a.fileName())
				: Downloads.attachment(a.fileName(), null);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(a.contentType()))
			.contentLength(bytes.length)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition)
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noCache().cachePrivate())
			.body(bytes);
	}

	/** JPEG or PNG by content (the photo kinds; the type check proper is {@code Attachments}'). */
	static boolean looksLikeImage(byte[] b) {
		boolean jpeg = b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
		boolean png = b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
		return jpeg || png;
	}
}
