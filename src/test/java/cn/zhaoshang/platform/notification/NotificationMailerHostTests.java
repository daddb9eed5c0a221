package cn.zhaoshang.platform.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Whether mail is sent is decided by {@code spring.mail.host} when the application runs, not by whether a mail
 * sender bean exists: a jar processed ahead of time (ADR 0020) holds the sender even when started without a host.
 */
class NotificationMailerHostTests {

	private final AtomicInteger sent = new AtomicInteger();

	private final JavaMailSenderImpl sender = new JavaMailSenderImpl() {
		@Override
		public void send(SimpleMailMessage... messages) {
			sent.incrementAndGet();
		}
	};

	private NotificationMailer mailer(String host) {
		var provider = new StaticListableBeanFactory(Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class);
		return new NotificationMailer(provider, null, new DataSourceTransactionManager(new DriverManagerDataSource()),
				null, Clock.systemUTC(), "noreply@zhaoshang.local", "http://localhost:8080/", host);
	}

	@Test
	void a_mail_sender_without_a_configured_host_sends_nothing() {
		NotificationMailer mailer = mailer("");

		assertThat(mailer.configured()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> mailer.sendNow("a@b.cn", "subject", "text"))
			.withMessage("no mail server configured");
		assertThat(sent).hasValue(0);
	}

	@Test
	void with_a_host_the_sender_is_used() {
		NotificationMailer mailer = mailer("smtp.example.cn");

		assertThat(mailer.configured()).isTrue();
		mailer.sendNow("a@b.cn", "subject", "text");
		assertThat(sent).hasValue(1);
		assertThat(mailer.baseUrl()).isEqualTo("http://localhost:8080");
	}
}
