package cn.zhaoshang.dispatch.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.dispatch.internal.PacketQueries;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.document.DocumentFormat;
import cn.zhaoshang.platform.document.DocumentGenerator;
import cn.zhaoshang.platform.web.Downloads;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The meeting packet (会议材料) of a round as .docx or .pdf, from the pages (session) and the API (bearer token):
 * signed in inside the government; a unit's reader gets its own units' projects, city-wide roles the whole round.
 * The file is written completely before anything is sent (a missing CJK font still shows as a 503 page).
 */
@Controller
class PacketController {

	private final PacketQueries packets;
	private final DocumentGenerator generator;
	private final DataScopes scopes;
	private final MessageSource messages;

	PacketController(PacketQueries packets, DocumentGenerator generator, DataScopes scopes, MessageSource messages) {
		this.packets = packets;
		this.generator = generator;
		this.scopes = scopes;
		this.messages = messages;
	}

	@GetMapping({ "/dispatch/rounds/{id}/packet.docx", "/api/v1/dispatch-rounds/{id}/packet.docx" })
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Download a dispatch round's meeting packet as .docx", operationId = "getDispatchPacketDocx",
			tags = "Dispatch rounds")
	void docx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale,
			HttpServletResponse response) throws IOException {
		send(id, user, DocumentFormat.DOCX, locale, response);
	}

	@GetMapping({ "/dispatch/rounds/{id}/packet.pdf", "/api/v1/dispatch-rounds/{id}/packet.pdf" })
	@PreAuthorize(Security.Rules.INTERNAL)
	@Operation(summary = "Download a dispatch round's meeting packet as .pdf (CJK font)",
			operationId = "getDispatchPacketPdf", tags = "Dispatch rounds")
	void pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale,
			HttpServletResponse response) throws IOException {
		send(id, user, DocumentFormat.PDF, locale, response);
	}

	private void send(long id, CurrentUser user, DocumentFormat format, Locale locale, HttpServletResponse response)
			throws IOException {
		var document = packets.document(id, scopes.of(user), locale);
		byte[] bytes = generator.write(document, format);
		String name = messages.getMessage("packet.fileName", new Object[] { document.title() }, locale);
		Downloads.attachment(response, format.contentType(), name + "." + format.extension(),
				"dispatch-packet-" + id + "." + format.extension());
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}
}
