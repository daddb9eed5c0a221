package cn.zhaoshang.platform.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import cn.zhaoshang.platform.Notifications;
import cn.zhaoshang.platform.UserId;
import cn.zhaoshang.support.Mailbox;
import cn.zhaoshang.support.Pages;
import cn.zhaoshang.support.TestUsers;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Per-user notice settings (issue 8): a user who chose the daily digest gets their hand-over notices in-app at once
 * and by e-mail only in the digest, one e-mail grouping them by kind; a user who chose no e-mail gets none; a kind
 * switched off writes nothing. Real SMTP (GreenMail).
 */
@SpringBootTest
class NoticeDigestTests {

	@RegisterExtension
	static GreenMailExtension smtp = Mailbox.server();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		Mailbox.configure(registry, smtp);
	}

	@Autowired
	Notifications notifications;

	@Autowired
	NoticePreferences preferences;

	@Autowired
	NoticeDigest digest;

	@Autowired
	JdbcClient jdbc;

	UserId user;
	String address;

	@BeforeEach
	void freshUser() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
		address = Pages.unique("d") + "@county.test";
		user = TestUsers.create(jdbc, "UNIT_STAFF", "hualong", address, "zh-CN");
	}

	private List<MimeMessage> mails() {
		return smtp.findReceivedMessages(u -> u.getEmail().equals(address), m -> true).toList();
	}

	private List<String> statuses() {
		return jdbc.sql("SELECT mail_status FROM notification WHERE recipient_id = ? ORDER BY id")
			.param(user.value())
			.query(String.class)
			.list();
	}

	@Test
	void the_daily_digest_groups_the_days_notices_into_one_email_and_in_app_notices_are_immediate() throws Exception {
		preferences.save(user, Set.of("clueAssigned", "reviewDecided", "clueStale"),
				NoticePreferences.MailMode.DIGEST);
		notifications.notify(user, "clueAssigned", "clue.notice.assigned", new Object[] { "甲线索", "—" }, "/clues/1");
		notifications.notify(user, "clueAssigned", "clue.notice.reassigned", new Object[] { "乙线索", "改派" },
				"/clues/2");
		notifications.notify(user, "reviewDecided", "project.notice.returned",
				new Object[] { "PY-2026-00001", "测试项目", "签约", "缺合同" }, "/projects/1");

		assertThat(statuses()).containsExactly("DIGEST", "DIGEST", "DIGEST");
		assertThat(notifications.unread(user)).as("in-app at once").isEqualTo(3);
		assertThat(mails()).as("no e-mail before the digest").isEmpty();

		digest.run();

		assertThat(mails()).singleElement().satisfies(m -> {
			assertThat(m.getSubject()).isEqualTo("今日通知汇总（3 条）");
			String body = (String) m.getContent();
			assertThat(body).contains("线索“甲线索”已分配给您").contains("线索“乙线索”已改派给您")
				.contains("项目 PY-2026-00001“测试项目”进入“签约”阶段的申请被退回")
				.contains("https://zs.example.gov.cn/clues/2");
			// grouped by kind: both clue notices under the clue heading, the project one under its own
			assertThat(body.indexOf("线索分配给我或本单位")).isLessThan(body.indexOf("甲线索"));
			assertThat(body.indexOf("阶段变更审核结果")).isLessThan(body.indexOf("PY-2026-00001"));
		});
		assertThat(statuses()).containsExactly("SENT", "SENT", "SENT");
		digest.run();
		assertThat(mails()).as("sent once").hasSize(1);
	}

	@Test
	void immediate_mail_no_mail_and_a_switched_off_kind() {
		notifications.notify(user, "clueAssigned", "clue.notice.assigned", new Object[] { "丙线索", "—" }, "/clues/3");
		assertThat(statuses()).containsExactly("SENT");
		assertThat(mails()).hasSize(1);

		preferences.save(user, Set.of("reviewDecided"), NoticePreferences.MailMode.NONE);
		notifications.notify(user, "clueAssigned", "clue.notice.assigned", new Object[] { "丁线索", "—" }, "/clues/4");
		assertThat(statuses()).as("switched off: nothing written").containsExactly("SENT");
		notifications.notify(user, "reviewDecided", "project.notice.approved",
				new Object[] { "PY-2026-00002", "测试项目", "签约", "—" }, "/projects/2");
		assertThat(statuses()).containsExactly("SENT", "NONE");
		assertThat(mails()).hasSize(1);
		assertThat(preferences.switches(user)).containsEntry("clueAssigned", false)
			.containsEntry("reviewDecided", true);
	}
}
