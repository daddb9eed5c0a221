package cn.zhaoshang.project.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.document.DocumentFormat;
import cn.zhaoshang.platform.web.Downloads;
import cn.zhaoshang.project.internal.ProjectCard;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The project information card as .docx or .pdf, from the project page (session) and the API (bearer token); the
 * same rights as the project page: signed in inside the government, and the project readable (else 404). The file
 * is written completely before anything is sent, so a refusal (no CJK font: 503) still shows as a page or problem.
 */
@Controller
class ProjectCardController {

	private final ProjectCard card;

	ProjectCardController(ProjectCard card) {
		this.card = card;
	}

	@GetMapping({ "/projects/{id}/card.docx", "/api/v1/projects/{id}/card.docx" })
	@PreAuthorize(Security.Rules.INTERNAL)
	void docx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale,
			HttpServletResponse response) throws IOException {
		send(card.write(id, user, DocumentFormat.DOCX, locale), response);
	}

	@GetMapping({ "/projects/{id}/card.pdf", "/api/v1/projects/{id}/card.pdf" })
	@PreAuthorize(Security.Rules.INTERNAL)
	void pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale,
			HttpServletResponse response) throws IOException {
		send(card.write(id, user, DocumentFormat.PDF, locale), response);
	}

	private static void send(ProjectCard.File file, HttpServletResponse response) throws IOException {
		Downloads.attachment(response, file.format().contentType(), file.name(), file.asciiName());
		response.setContentLength(file.content().length);
		response.getOutputStream().write(file.content());
	}
}
