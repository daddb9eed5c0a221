package cn.zhaoshang.service.appeal;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.web.Downloads;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** The appeal pages' files: the list export (.xlsx) and an appeal's attachments to download. */
@Controller
class AppealFileController {

	private final AppealDocuments documents;
	private final AppealExport export;
	private final DataScopes scopes;

	AppealFileController(AppealDocuments documents, AppealExport export, DataScopes scopes) {
		this.documents = documents;
		this.export = export;
		this.scopes = scopes;
	}

	@GetMapping("/appeals/export.xlsx")
	@PreAuthorize(Security.Rules.INTERNAL)
	void export(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("filter") AppealFilter filter,
			BindingResult binding, Locale locale, HttpServletResponse response) throws IOException {
		AppealFilter f = binding.hasErrors() ? AppealFilter.none() : filter;
		Downloads.xlsx(response, export.fileName(locale), export.fileName(Locale.ENGLISH));
		export.write(f, AppealScope.of(user, scopes), response.getOutputStream());
	}

	@GetMapping("/appeals/{id}/documents/{documentId}")
	@PreAuthorize(Security.Rules.INTERNAL)
	ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long documentId) {
		return file(documents.read(id, documentId, user));
	}

	/** A stored file as a download of its own type, never sniffed, never cached by others. */
	static ResponseEntity<byte[]> file(AppealDocuments.Download d) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(d.document().contentType()))
			.contentLength(d.bytes().length)
			.header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(d.document().fileName(), null))
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noCache().cachePrivate())
			.body(d.bytes());
	}
}
