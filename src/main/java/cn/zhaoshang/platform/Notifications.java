package cn.zhaoshang.platform;

import java.util.List;

/**
 * Tells users about something that needs them: an in-app notice (the bell in the navigation bar and the
 * {@code /notifications} page), rendered in the recipient's saved language, plus an e-mail when the recipient has an
 * address and a mail server is configured. The in-app notice is the source of truth: it is written in the caller's
 * transaction, the e-mail goes out only after that transaction commits, and a failed e-mail is recorded on the notice
 * without failing the caller (docs/adr/0007).
 */
public interface Notifications {

	/**
	 * Notifies one user. The subject is the message {@code subjectKey} with {@code args}; a message
	 * {@code subjectKey + ".body"}, when the bundles have one, is the text below it (same arguments).
	 *
	 * @param link the page the notice opens, a path such as {@code /clues/42} (may be null)
	 */
	void notify(UserId recipient, String subjectKey, Object[] args, String link);

	/**
	 * Notifies one user of a hand-over of this {@link NotificationKind kind}: nothing is written when the user has
	 * switched the kind off; the e-mail copy goes at once or waits for the user's daily digest, as they chose on
	 * their notice settings page.
	 */
	void notify(UserId recipient, String kind, String subjectKey, Object[] args, String link);

	/** The enabled user with this login name, if any (records keep who acted by login name). */
	java.util.Optional<UserId> user(String username);

	/** The enabled users with this role, in this unit (any unit when null), e.g. a unit's managers. */
	List<UserId> users(Role role, UnitId unit);

	/** How many of the user's notices are unread. */
	long unread(UserId user);
}
