package cn.zhaoshang.platform.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.Notifications;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.Settings;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UserId;
import cn.zhaoshang.platform.i18n.Languages;
import cn.zhaoshang.platform.list.SqlFilter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes in-app notices and hands their e-mail to {@link NotificationMailer}, which sends it after the caller's
 * transaction has committed. Reading and marking notices read is done here too.
 */
@Service
class NotificationService implements Notifications {

	private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

	/** Mail state of a notice (column {@code mail_status}). */
	enum MailStatus {
		NONE, PENDING, SENT, FAILED,
		/** Waits for the recipient's daily digest ({@link NoticeDigest}). */
		DIGEST
	}

	private final JdbcClient jdbc;
	private final MessageSource messages;
	private final ApplicationEventPublisher events;
	private final NotificationMailer mailer;
	private final Settings settings;
	private final Auditor auditor;
	private final Clock clock;
	private final NoticePreferences preferences;

	NotificationService(JdbcClient jdbc, MessageSource messages, ApplicationEventPublisher events,
			NotificationMailer mailer, Settings settings, Auditor auditor, Clock clock,
			NoticePreferences preferences) {
		this.preferences = preferences;
		this.jdbc = jdbc;
		this.messages = messages;
		this.events = events;
		this.mailer = mailer;
		this.settings = settings;
		this.auditor = auditor;
		this.clock = clock;
	}

	private record Recipient(long id, String locale, String email, boolean enabled, String noticeMail) {
	}

	@Override
	@Transactional
	public void notify(UserId recipient, String subjectKey, Object[] args, String link) {
		notify(recipient, null, subjectKey, args, link);
	}

	@Override
	@Transactional
	public void notify(UserId recipient, String kind, String subjectKey, Object[] args, String link) {
		var user = jdbc.sql("SELECT id, locale, email, enabled, notice_mail FROM app_user WHERE id = ?")
			.param(recipient.value())
			.query((rs, n) -> new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					rs.getString(5)))
			.optional();
		if (user.isEmpty() || !user.get().enabled()) {
			log.info("Notification {} not written: user {} is unknown or disabled", subjectKey, recipient);
			return;
		}
		if (kind != null && !preferences.enabled(recipient, kind)) {
			return; // the user switched this kind of notice off
		}
		Locale locale = Languages.fromTag(user.get().locale());
		String title = abbreviate(messages.getMessage(subjectKey, args, locale), 300);
		String body = messages.getMessage(subjectKey + ".body", args, null, locale);
		String email = user.get().email() == null || user.get().email().isBlank() ? null : user.get().email().trim();
		NoticePreferences.MailMode mode = NoticePreferences.MailMode.of(user.get().noticeMail());
		boolean mail = email != null && mailer.configured() && settings.booleanValue(MAIL_ENABLED)
				&& mode != NoticePreferences.MailMode.NONE;
		// The stale-clue notice and others without a kind keep their immediate e-mail; a hand-over waits for the
		// digest when the user asked for one.
		boolean digest = mail && kind != null && mode == NoticePreferences.MailMode.DIGEST;
		MailStatus status = !mail ? MailStatus.NONE : digest ? MailStatus.DIGEST : MailStatus.PENDING;
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO notification (recipient_id, subject_key, kind, title, body, link, created_at, mail_to, "
					+ "mail_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(recipient.value(), subjectKey, kind, title, body == null ? null : abbreviate(body, 2000), link,
					Timestamp.from(clock.instant()), email, status.name())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		if (status == MailStatus.PENDING) {
			events.publishEvent(new NotificationMailDue(id));
		}
	}

	@Override
	public java.util.Optional<UserId> user(String username) {
		if (username == null) {
			return java.util.Optional.empty();
		}
		return jdbc.sql("SELECT id FROM app_user WHERE username = ? AND enabled = TRUE")
			.param(username)
			.query((rs, n) -> new UserId(rs.getLong(1)))
			.optional();
	}

	@Override
	public List<UserId> users(Role role, UnitId unit) {
		var query = unit == null
				? jdbc.sql("SELECT id FROM app_user WHERE enabled = TRUE AND role = ? ORDER BY id").param(role.name())
				: jdbc.sql("SELECT id FROM app_user WHERE enabled = TRUE AND role = ? AND unit_id = ? ORDER BY id")
					.params(role.name(), unit.value());
		return query.query((rs, n) -> new UserId(rs.getLong(1)))
			.list();
	}

	@Override
	public long unread(UserId user) {
		return jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = ? AND read_at IS NULL")
			.param(user.value())
			.query(Long.class)
			.single();
	}

	/** The user's notices, newest first, optionally only unread ones or those whose title contains the text. */
	List<NotificationRow> list(UserId user, boolean unreadOnly, String text) {
		SqlFilter where = SqlFilter.where()
			.and("recipient_id = :user", "user", user.value())
			.andIf(unreadOnly, "read_at IS NULL")
			.containsIgnoringCase("like", text, "title", "COALESCE(body, '')");
		return jdbc
			.sql("SELECT id, title, body, link, created_at, read_at, mail_status FROM notification" + where.sql()
					+ " ORDER BY created_at DESC, id DESC")
			.params(where.params())
			.query((rs, n) -> new NotificationRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
					rs.getString(7)))
			.list();
	}

	/** Marks one of the user's notices read; answers its link. Another user's notice is "not found". */
	@Transactional
	String markRead(UserId user, long id) {
		var link = jdbc.sql("SELECT link, read_at FROM notification WHERE id = ? AND recipient_id = ?")
			.params(id, user.value())
			.query((rs, n) -> new String[] { rs.getString(1), rs.getTimestamp(2) == null ? null : "read" })
			.optional()
			.orElseThrow(NotFoundException::new);
		if (link[1] == null) {
			jdbc.sql("UPDATE notification SET read_at = ? WHERE id = ? AND read_at IS NULL")
				.params(Timestamp.from(clock.instant()), id)
				.update();
			auditor.record("notification", id, "NOTICE_READ", null, Map.of(), Map.of());
		}
		return link[0];
	}

	/** Marks all of the user's notices read; answers how many were unread. */
	@Transactional
	int markAllRead(UserId user) {
		int changed = jdbc.sql("UPDATE notification SET read_at = ? WHERE recipient_id = ? AND read_at IS NULL")
			.params(Timestamp.from(clock.instant()), user.value())
			.update();
		if (changed > 0) {
			auditor.record("notification", "user-" + user.value(), "NOTICE_READ_ALL", null, Map.of(),
					Map.of("count", changed));
		}
		return changed;
	}

	static final String MAIL_ENABLED = "notification.mailEnabled";

	private static String abbreviate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}
}
