package cn.zhaoshang.platform.notification;

import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;
import cn.zhaoshang.platform.list.Paging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notices for phones and integrations (docs/api-notifications.md). */
@Tag(name = "Notifications")
@RestController
@RequestMapping("/api/v1/notifications")
@PreAuthorize(Security.Rules.SIGNED_IN)
class NotificationApiController {

	private final NotificationService notifications;

	NotificationApiController(NotificationService notifications) {
		this.notifications = notifications;
	}

	/** One page of notices. */
	record Page(List<NotificationRow> items, int page, int size, long total, long unread) {
	}

	@GetMapping
	@Operation(summary = "List the caller's notifications", operationId = "listNotifications")
	Page list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		int pageSize = Math.min(Math.max(size, 1), 100);
		var result = Paging.of(notifications.list(user.id(), unread, q), page, pageSize);
		return new Page(result.items(), result.page(), result.size(), result.total(),
				notifications.unread(user.id()));
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark a notification read", operationId = "markNotificationRead")
	@ApiResponse(responseCode = "204", description = "Marked read.")
	ResponseEntity<Void> read(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		notifications.markRead(user.id(), id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/read-all")
	@Operation(summary = "Mark all the caller's notifications read", operationId = "markAllNotificationsRead")
	Map<String, Integer> readAll(@AuthenticationPrincipal CurrentUser user) {
		return Map.of("marked", notifications.markAllRead(user.id()));
	}
}
