package cn.zhaoshang.platform;

import java.util.Objects;

/**
 * A kind of notice users can switch on or off on their notice settings page ({@code /account/notifications}).
 * Modules declare theirs as beans and pass the key to {@link Notifications#notify(UserId, String, String, Object[],
 * String)}; a switched-off kind writes neither an in-app notice nor an e-mail for that user.
 *
 * @param key unique, prefixed by the declaring module (e.g. {@code reviewAwaiting})
 * @param labelKey message key of the kind's name on the settings page
 * @param helpKey message key of one sentence: who gets it and when
 * @param order position on the settings page
 */
public record NotificationKind(String key, String labelKey, String helpKey, int order) {

	public NotificationKind {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(labelKey, "labelKey");
	}
}
