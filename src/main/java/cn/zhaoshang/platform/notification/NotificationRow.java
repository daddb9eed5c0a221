package cn.zhaoshang.platform.notification;

import java.time.Instant;

/** A notice as the {@code /notifications} page and the API show it. */
public record NotificationRow(long id, String title, String body, String link, Instant createdAt, Instant readAt,
		String mailStatus) {

	public boolean unread() {
		return readAt == null;
	}
}
