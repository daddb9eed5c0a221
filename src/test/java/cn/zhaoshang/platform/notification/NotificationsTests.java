package cn.zhaoshang.platform.notification;

import static cn.zhaoshang.support.Pages.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import cn.zhaoshang.platform.Notifications;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UserId;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.Mailbox;
import cn.zhaoshang.support.TestUsers;

import jakarta.mail.Message;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In-app notices and their e-mail, received by a real SMTP server (GreenMail): rendered in the recipient's language,
 * mailed only after the writing transaction commits, a mail failure recorded without losing the notice, and the
 * bell and the {@code /notifications} page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NotificationsTests {

	@RegisterExtension
	static GreenMailExtension smtp = Mailbox.server();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		Mailbox.configure(registry, smtp);
	}

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService accounts;

	@BeforeEach
	void emptyMailbox() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
	}

	private Map<String, Object> row(UserId user) {
		return jdbc.sql("SELECT title, body, link, mail_status, mail_to, mail_error, read_at FROM notification "
				+ "WHERE recipient_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
			.param(user.value())
			.query()
			.singleRow();
	}

	@Test
	void a_notice_is_stored_in_the_recipients_language_and_mailed_to_their_address() throws Exception {
		UserId zh = TestUsers.create(jdbc, "UNIT_STAFF", "hualong", "zhang@hualong.test", "zh-CN");
		UserId en = TestUsers.create(jdbc, "UNIT_STAFF", "hualong", "smith@hualong.test", "en");

		notifications.notify(zh, "notification.bell.unread", new Object[] { 3 }, "/notifications");
		notifications.notify(en, "notification.bell.unread", new Object[] { 3 }, "/notifications");

		assertThat(row(zh)).containsEntry("title", "通知（3 条未读）").containsEntry("mail_status", "SENT");
		assertThat(row(en)).containsEntry("title", "Notifications (3 unread)").containsEntry("mail_status", "SENT");
		assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
		var toZhang = smtp.findReceivedMessages(u -> u.getEmail().equals("zhang@hualong.test"), m -> true).toList();
		assertThat(toZhang).hasSize(1);
		Message mail = toZhang.get(0);
		assertThat(mail.getSubject()).isEqualTo("通知（3 条未读）");
		assertThat(mail.getFrom()[0].toString()).isEqualTo("zhaoshang@test.local");
		String text = (String) mail.getContent();
		assertThat(text).startsWith("通知（3 条未读）")
			.as("the mail links to the notice's page on the configured address")
			.contains("查看详情：https://zs.example.gov.cn/notifications");
		var toSmith = smtp.findReceivedMessages(u -> u.getEmail().equals("smith@hualong.test"), m -> true).toList();
		assertThat(toSmith).hasSize(1);
		assertThat(toSmith.get(0).getSubject()).isEqualTo("Notifications (3 unread)");
	}

	@Test
	void the_mail_leaves_only_after_the_transaction_commits_and_not_at_all_after_a_rollback() throws Exception {
		UserId user = TestUsers.create(jdbc, "UNIT_MANAGER", "qingfeng", "chen@qingfeng.test", "zh-CN");
		var tx = new TransactionTemplate(transactions);

		tx.executeWithoutResult(status -> {
			notifications.notify(user, "notification.flash.read", null, null);
			assertThat(smtp.getReceivedMessages()).as("no mail inside the transaction").isEmpty();
		});
		assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
		assertThat(row(user)).containsEntry("mail_status", "SENT");

		smtp.purgeEmailFromAllMailboxes();
		assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
			notifications.notify(user, "notification.flash.allRead", null, null);
			throw new IllegalStateException("the business change fails");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(smtp.waitForIncomingEmail(1000, 1)).as("no mail for a rolled-back notice").isFalse();
		assertThat(row(user)).as("the rolled-back notice is gone").containsEntry("title", "已标为已读。");
	}

	@Test
	void a_mail_failure_is_recorded_on_the_notice_and_does_not_fail_the_caller() {
		UserId user = TestUsers.create(jdbc, "UNIT_STAFF", "hualong", "wang@hualong.test", "zh-CN");
		smtp.stop();
		try {
			new TransactionTemplate(transactions).executeWithoutResult(
					status -> notifications.notify(user, "notification.flash.read", null, "/notifications"));
		}
		finally {
			smtp.start();
		}
		var row = row(user);
		assertThat(row).containsEntry("mail_status", "FAILED").containsEntry("title", "已标为已读。");
		assertThat((String) row.get("mail_error")).isNotBlank();
		assertThat(notifications.unread(user)).isEqualTo(1);
	}

	@Test
	void users_without_an_address_get_the_in_app_notice_only() {
		UserId user = TestUsers.create(jdbc, "UNIT_STAFF", "hualong", null, "zh-CN");
		notifications.notify(user, "notification.flash.read", null, null);
		assertThat(row(user)).containsEntry("mail_status", "NONE").containsEntry("mail_to", null);
		assertThat(smtp.waitForIncomingEmail(500, 1)).isFalse();
	}

	@Test
	void unit_managers_are_found_by_role_and_unit() {
		UserId manager = TestUsers.create(jdbc, "UNIT_MANAGER", "nanle", null, "zh-CN");
		long nanle = jdbc.sql("SELECT id FROM unit WHERE code = 'nanle'").query(Long.class).single();
		assertThat(notifications.users(Role.UNIT_MANAGER, new UnitId(nanle))).containsExactly(manager);
		assertThat(notifications.users(Role.CITY_SUPERVISOR, null)).isNotEmpty().doesNotContain(manager);
	}

	@Test
	void the_bell_counts_unread_notices_and_the_page_marks_them_read() throws Exception {
		UserId viewer = new UserId(jdbc.sql("SELECT id FROM app_user WHERE username = 'viewer'").query(Long.class).single());
		jdbc.sql("UPDATE notification SET read_at = CURRENT_TIMESTAMP WHERE recipient_id = ?").param(viewer.value()).update();
		notifications.notify(viewer, "notification.flash.read", null, "/admin/audit");
		notifications.notify(viewer, "notification.flash.allRead", null, "https://evil.example/");

		String home = mvc.perform(get("/").with(as(accounts, "viewer"))).andReturn().getResponse().getContentAsString();
		assertThat(home).contains("id=\"bell-count\">2<");

		String page = mvc.perform(get("/notifications").param("status", "unread").with(as(accounts, "viewer")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("已标为已读。").contains("已将全部通知标为已读。");
		long first = jdbc.sql("SELECT id FROM notification WHERE recipient_id = ? AND link = '/admin/audit'")
			.param(viewer.value()).query(Long.class).single();
		long second = jdbc.sql("SELECT id FROM notification WHERE recipient_id = ? AND link LIKE 'https:%'")
			.param(viewer.value()).query(Long.class).single();

		mvc.perform(post("/notifications/" + first + "/open").with(csrf()).with(as(accounts, "viewer")))
			.andExpect(redirectedUrl("/admin/audit"));
		assertThat(notifications.unread(viewer)).isEqualTo(1);
		mvc.perform(post("/notifications/" + second + "/open").with(csrf()).with(as(accounts, "viewer")))
			.andExpect(redirectedUrl("/notifications"));
		assertThat(notifications.unread(viewer)).isZero();
		String after = mvc.perform(get("/").with(as(accounts, "viewer"))).andReturn().getResponse().getContentAsString();
		assertThat(after).doesNotContain("bell-count");
	}

	@Test
	void mark_all_read_is_audited_and_nobody_reads_another_users_notice() throws Exception {
		UserId staff = new UserId(jdbc.sql("SELECT id FROM app_user WHERE username = 'hualong.staff'").query(Long.class).single());
		notifications.notify(staff, "notification.flash.read", null, null);
		long id = jdbc.sql("SELECT MAX(id) FROM notification WHERE recipient_id = ?").param(staff.value())
			.query(Long.class).single();

		mvc.perform(post("/notifications/" + id + "/read").with(csrf()).with(as(accounts, "qingfeng")))
			.andExpect(status().isNotFound());
		assertThat(notifications.unread(staff)).isPositive();

		mvc.perform(post("/notifications/read-all").with(csrf()).with(as(accounts, "hualong.staff")))
			.andExpect(redirectedUrl("/notifications"));
		assertThat(notifications.unread(staff)).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'notification' "
				+ "AND action = 'NOTICE_READ_ALL' AND actor = 'hualong.staff'").query(Long.class).single()).isPositive();
	}

	@Test
	void the_api_lists_and_marks_the_callers_own_notices() throws Exception {
		UserId leader = new UserId(jdbc.sql("SELECT id FROM app_user WHERE username = 'leader'").query(Long.class).single());
		notifications.notify(leader, "notification.flash.read", null, "/notifications");
		long id = jdbc.sql("SELECT MAX(id) FROM notification WHERE recipient_id = ?").param(leader.value())
			.query(Long.class).single();
		String token = mvc.perform(post("/api/v1/auth/token").contentType("application/json")
			.content("{\"username\":\"leader\",\"password\":\"Demo@2026\"}"))
			.andReturn().getResponse().getContentAsString().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

		String list = mvc.perform(get("/api/v1/notifications").param("unread", "true")
			.header("Authorization", "Bearer " + token)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(list).contains("\"id\":" + id).contains("已标为已读。").contains("\"mailStatus\":\"NONE\"");

		mvc.perform(post("/api/v1/notifications/" + id + "/read").header("Authorization", "Bearer " + token))
			.andExpect(status().isNoContent());
		assertThat(notifications.unread(leader)).isZero();

		UserId other = TestUsers.create(jdbc, "VIEWER", "city", null, "zh-CN");
		notifications.notify(other, "notification.flash.read", null, null);
		long foreign = jdbc.sql("SELECT MAX(id) FROM notification WHERE recipient_id = ?").param(other.value())
			.query(Long.class).single();
		mvc.perform(post("/api/v1/notifications/" + foreign + "/read").header("Authorization", "Bearer " + token))
			.andExpect(status().isNotFound());
		assertThat(notifications.unread(other)).isEqualTo(1);
	}
}
