package cn.zhaoshang.platform.notification;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.NotificationKind;
import cn.zhaoshang.platform.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's notice settings: which kinds of notice they get (every kind on until switched off) and how e-mail
 * copies reach them (at once, in a daily digest, or not at all). Saved by the user on {@code /account/notifications}.
 */
@Component
class NoticePreferences {

	/** How a user's e-mail copies go out (column {@code app_user.notice_mail}). */
	enum MailMode {
		/** One e-mail per notice, right after the change commits. */
		IMMEDIATE,
		/** One e-mail a day that lists the day's notices ({@link NoticeDigest}). */
		DIGEST,
		/** No e-mail: in-app notices only. */
		NONE;

		static MailMode of(String value) {
			if (value == null) {
				return IMMEDIATE;
			}
			try {
				return valueOf(value);
			}
			catch (IllegalArgumentException e) {
				return IMMEDIATE;
			}
		}

		String messageKey() {
			return "notice.mail." + name();
		}
	}

	private final JdbcClient jdbc;
	private final List<NotificationKind> kinds;
	private final Auditor auditor;

	NoticePreferences(JdbcClient jdbc, List<NotificationKind> kinds, Auditor auditor) {
		this.jdbc = jdbc;
		this.kinds = kinds.stream().sorted(Comparator.comparingInt(NotificationKind::order)).toList();
		this.auditor = auditor;
	}

	/** Every declared kind, in order. */
	List<NotificationKind> kinds() {
		return kinds;
	}

	boolean enabled(UserId user, String kind) {
		return jdbc.sql("SELECT enabled FROM notification_preference WHERE user_id = ? AND kind = ?")
			.params(user.value(), kind)
			.query(Boolean.class)
			.optional()
			.orElse(true);
	}

	/** Kind key → on/off for every declared kind. */
	Map<String, Boolean> switches(UserId user) {
		Map<String, Boolean> saved = new HashMap<>();
		jdbc.sql("SELECT kind, enabled FROM notification_preference WHERE user_id = ?")
			.param(user.value())
			.query(rs -> {
				saved.put(rs.getString(1), rs.getBoolean(2));
			});
		Map<String, Boolean> all = new java.util.LinkedHashMap<>();
		for (NotificationKind k : kinds) {
			all.put(k.key(), saved.getOrDefault(k.key(), true));
		}
		return all;
	}

	MailMode mailMode(UserId user) {
		return MailMode.of(jdbc.sql("SELECT notice_mail FROM app_user WHERE id = ?")
			.param(user.value())
			.query(String.class)
			.optional()
			.orElse(null));
	}

	/** Saves the user's choice: the kinds in {@code on} are switched on, every other declared kind off. */
	@Transactional
	void save(UserId user, Set<String> on, MailMode mode) {
		var before = new java.util.LinkedHashMap<String, Object>(switches(user));
		before.put("mail", mailMode(user).name());
		for (NotificationKind k : kinds) {
			boolean enabled = on.contains(k.key());
			int updated = jdbc.sql("UPDATE notification_preference SET enabled = ? WHERE user_id = ? AND kind = ?")
				.params(enabled, user.value(), k.key())
				.update();
			if (updated == 0) {
				jdbc.sql("INSERT INTO notification_preference (user_id, kind, enabled) VALUES (?, ?, ?)")
					.params(user.value(), k.key(), enabled)
					.update();
			}
		}
		jdbc.sql("UPDATE app_user SET notice_mail = ? WHERE id = ?").params(mode.name(), user.value()).update();
		var after = new java.util.LinkedHashMap<String, Object>(switches(user));
		after.put("mail", mode.name());
		auditor.record("user", user.value(), "NOTICE_SETTINGS", null, before, after);
	}
}
