package cn.zhaoshang.platform.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import cn.zhaoshang.platform.i18n.Languages;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily digest (issue 8): for every user who chose it, one e-mail that lists the notices of the day whose
 * e-mail waited for it ({@code mail_status = DIGEST}), grouped by kind, each with its link; those notices are then
 * {@code SENT} (or {@code FAILED} with the error, as single e-mails are). The in-app notices were there all along.
 * Runs at {@code zhaoshang.notice.digest-cron} (default 17:30) in {@code zhaoshang.jobs.zone}, under a ShedLock lock.
 */
@Component
class NoticeDigest {

	private static final Logger log = LoggerFactory.getLogger(NoticeDigest.class);

	private final JdbcClient jdbc;
	private final NotificationMailer mailer;
	private final MessageSource messages;
	private final Clock clock;

	NoticeDigest(JdbcClient jdbc, NotificationMailer mailer, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.mailer = mailer;
		this.messages = messages;
		this.clock = clock;
	}

	@Scheduled(cron = "${zhaoshang.notice.digest-cron:0 30 17 * * *}", zone = "${zhaoshang.jobs.zone:Asia/Shanghai}")
	@SchedulerLock(name = "notice-digest", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
	public void run() {
		log.info("Notice digest: {} e-mail(s) sent", send());
	}

	private record Waiting(long id, String kind, String title, String link, Instant createdAt) {
	}

	/** Sends every waiting digest; answers how many e-mails went out. */
	int send() {
		List<Long> recipients = jdbc
			.sql("SELECT DISTINCT recipient_id FROM notification WHERE mail_status = 'DIGEST' ORDER BY recipient_id")
			.query(Long.class)
			.list();
		int sent = 0;
		for (long recipient : recipients) {
			if (sendTo(recipient)) {
				sent++;
			}
		}
		return sent;
	}

	private boolean sendTo(long recipient) {
		var waiting = jdbc
			.sql("SELECT id, kind, title, link, created_at FROM notification WHERE recipient_id = ? "
					+ "AND mail_status = 'DIGEST' ORDER BY kind, created_at, id")
			.param(recipient)
			.query((rs, n) -> new Waiting(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.list();
		String[] user = jdbc.sql("SELECT email, locale FROM app_user WHERE id = ?")
			.param(recipient)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.single();
		if (waiting.isEmpty()) {
			return false;
		}
		Locale locale = Languages.fromTag(user[1]);
		String to = waiting.isEmpty() || user[0] == null ? null : user[0].trim();
		List<Long> ids = waiting.stream().map(Waiting::id).toList();
		try {
			if (to == null || to.isEmpty()) {
				throw new IllegalStateException("no e-mail address");
			}
			mailer.sendNow(to, messages.getMessage("notice.digest.subject", new Object[] { waiting.size() }, locale),
					text(waiting, locale));
			mark(ids, "SENT", null);
			return true;
		}
		catch (RuntimeException e) {
			log.warn("Notice digest for user {} failed: {}", recipient, e.toString());
			mark(ids, "FAILED", e.getMessage() == null ? e.getClass().getName() : abbreviate(e.getMessage()));
			return false;
		}
	}

	private String text(List<Waiting> waiting, Locale locale) {
		var text = new StringBuilder(messages.getMessage("notice.digest.intro", new Object[] { waiting.size() }, locale))
			.append("\n");
		String kind = "";
		for (Waiting w : waiting) {
			String k = w.kind() == null ? "" : w.kind();
			if (!k.equals(kind)) {
				kind = k;
				text.append("\n").append(messages.getMessage("notice.kind." + k, null, k, locale)).append("\n");
			}
			text.append("- ").append(w.title());
			if (w.link() != null) {
				text.append("\n  ").append(mailer.baseUrl()).append(w.link());
			}
			text.append("\n");
		}
		text.append("\n").append(messages.getMessage("notification.mail.footer",
				new Object[] { messages.getMessage("app.name", null, locale), mailer.baseUrl() + "/notifications" },
				locale));
		return text.toString();
	}

	private void mark(List<Long> ids, String status, String error) {
		jdbc.sql("UPDATE notification SET mail_status = :status, mailed_at = :at, mail_error = :error "
				+ "WHERE id IN (:ids) AND mail_status = 'DIGEST'")
			.param("status", status)
			.param("at", Timestamp.from(clock.instant()))
			.param("error", error)
			.param("ids", ids)
			.update();
	}

	private static String abbreviate(String error) {
		return error.length() <= 500 ? error : error.substring(0, 499) + "…";
	}
}
