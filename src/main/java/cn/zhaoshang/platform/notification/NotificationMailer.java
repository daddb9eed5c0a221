package cn.zhaoshang.platform.notification;

import java.sql.Timestamp;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a notice's e-mail through SMTP ({@code spring.mail.*}) once the transaction that wrote the notice has
 * committed: a slow or broken mail server never holds a database transaction open and never rolls back the business
 * change. A failure is logged and recorded on the notice ({@code mail_status = FAILED}, {@code mail_error}); the
 * in-app notice stays. Without {@code spring.mail.host} no mail is attempted: decided by the running configuration,
 * not by whether a {@link JavaMailSender} bean exists, because a jar processed ahead of time (ADR 0020) holds the
 * mail sender whatever the host is when it starts.
 */
@Component
class NotificationMailer {

	private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);

	private final ObjectProvider<JavaMailSender> sender;
	private final JdbcClient jdbc;
	private final TransactionTemplate newTransaction;
	private final MessageSource messages;
	private final Clock clock;
	private final String from;
	private final String baseUrl;
	private final boolean hostConfigured;

	NotificationMailer(ObjectProvider<JavaMailSender> sender, JdbcClient jdbc, PlatformTransactionManager transactions,
			MessageSource messages, Clock clock, @Value("${zhaoshang.mail.from}") String from,
			@Value("${zhaoshang.mail.base-url}") String baseUrl, @Value("${spring.mail.host:}") String host) {
		this.sender = sender;
		this.hostConfigured = !host.isBlank();
		this.jdbc = jdbc;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.messages = messages;
		this.clock = clock;
		this.from = from;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** Whether a mail server is configured ({@code spring.mail.host}). */
	boolean configured() {
		return mailSender() != null;
	}

	private JavaMailSender mailSender() {
		return hostConfigured ? sender.getIfAvailable() : null;
	}

	/** Sends one plain-text e-mail now (the daily digest); throws when the server refuses it. */
	void sendNow(String to, String subject, String text) {
		JavaMailSender mailSender = mailSender();
		if (mailSender == null) {
			throw new IllegalStateException("no mail server configured");
		}
		var message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(to);
		message.setSubject(subject);
		message.setText(text);
		mailSender.send(message);
	}

	/** The address users open the system at, without a trailing slash. */
	String baseUrl() {
		return baseUrl;
	}

	private record Mail(String to, String title, String body, String link, String locale) {
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void send(NotificationMailDue due) {
		long id = due.notificationId();
		try {
			var mail = newTransaction.execute(tx -> jdbc
				.sql("SELECT n.mail_to, n.title, n.body, n.link, u.locale FROM notification n "
						+ "JOIN app_user u ON u.id = n.recipient_id WHERE n.id = ? AND n.mail_status = 'PENDING'")
				.param(id)
				.query((rs, n) -> new Mail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5)))
				.optional()
				.orElse(null));
			JavaMailSender mailSender = mailSender();
			if (mail == null || mailSender == null) {
				return;
			}
			var message = new SimpleMailMessage();
			message.setFrom(from);
			message.setTo(mail.to());
			message.setSubject(mail.title());
			message.setText(text(mail));
			mailSender.send(message);
			record(id, "SENT", null);
		}
		catch (RuntimeException e) {
			log.warn("E-mail of notification {} failed: {}", id, e.toString());
			try {
				record(id, "FAILED", e.getMessage() == null ? e.getClass().getName() : e.getMessage());
			}
			catch (RuntimeException again) {
				log.warn("Could not record the failed e-mail of notification {}: {}", id, again.toString());
			}
		}
	}

	private String text(Mail mail) {
		var locale = cn.zhaoshang.platform.i18n.Languages.fromTag(mail.locale());
		var text = new StringBuilder(mail.title()).append("\n\n");
		if (mail.body() != null) {
			text.append(mail.body()).append("\n\n");
		}
		if (mail.link() != null) {
			text.append(messages.getMessage("notification.mail.open", new Object[] { baseUrl + mail.link() }, locale))
				.append("\n\n");
		}
		text.append(messages.getMessage("notification.mail.footer",
				new Object[] { messages.getMessage("app.name", null, locale), baseUrl + "/notifications" }, locale));
		return text.toString();
	}

	private void record(long id, String status, String error) {
		newTransaction.executeWithoutResult(tx -> jdbc
			.sql("UPDATE notification SET mail_status = ?, mailed_at = ?, mail_error = ? WHERE id = ?")
			.params(status, Timestamp.from(clock.instant()), error == null ? null : abbreviate(error), id)
			.update());
	}

	private static String abbreviate(String error) {
		return error.length() <= 500 ? error : error.substring(0, 499) + "…";
	}
}
