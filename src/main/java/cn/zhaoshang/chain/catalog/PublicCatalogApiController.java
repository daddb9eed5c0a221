package cn.zhaoshang.chain.catalog;

import jakarta.validation.Valid;

import cn.zhaoshang.platform.PublicForm;
import cn.zhaoshang.platform.Security;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code POST /api/v1/public/catalog/{id}/inquiries}: the anonymous inquiry for other sites (no token, no CSRF),
 * under the public-form guard (size, per-address rate limit: 429) and the honeypot field {@code website}.
 */
@RestController
@Tag(name = "Public")
class PublicCatalogApiController {

	private final CatalogInquiries inquiries;

	PublicCatalogApiController(CatalogInquiries inquiries) {
		this.inquiries = inquiries;
	}

	record Received(long id) {
	}

	@PostMapping("/api/v1/public/catalog/{id}/inquiries")
	@PreAuthorize(Security.Rules.PUBLIC)
	@PublicForm(PublicCatalogController.FORM)
	@Operation(summary = "Send an inquiry on a published catalog project (anonymous, rate-limited)",
			operationId = "sendCatalogInquiry")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Created.")
	ResponseEntity<Received> inquire(@PathVariable long id, @Valid @RequestBody InquiryForm body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(new Received(inquiries.receive(id, body)));
	}
}
