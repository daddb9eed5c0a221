package cn.zhaoshang.clue.internal;

import static cn.zhaoshang.support.Pages.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import cn.zhaoshang.clue.FollowUpKind;
import cn.zhaoshang.platform.UserId;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.Mailbox;
import cn.zhaoshang.support.MutableClock;
import cn.zhaoshang.support.Pages;
import cn.zhaoshang.support.TestUsers;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Stale clues with a moved clock: flagged at N days without follow-up (not at N-1), their assignee and unit manager
 * notified in-app and by real SMTP mail (GreenMail), once per stale period; a follow-up clears the flag; the
 * administrator's setting changes N; the job's ShedLock lock keeps a second node from running it again.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaleCluesTests {

	@RegisterExtension
	static GreenMailExtension smtp = Mailbox.server();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		Mailbox.configure(registry, smtp);
	}

	static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

	@TestConfiguration
	static class Time {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(START, ZoneId.systemDefault());
		}
	}

	@Autowired
	StaleClues stale;

	@Autowired
	ClueBook book;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService accounts;

	long unit;
	UserId manager;
	UserId assignee;

	@BeforeEach
	void freshUnitWithPeople() throws Exception {
		clock.set(START);
		smtp.purgeEmailFromAllMailboxes();
		String code = Pages.unique("u");
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO unit (code, name, type) VALUES (?, ?, 'COUNTY')").params(code, code).update(keys, "id");
		unit = keys.getKey().longValue();
		manager = TestUsers.create(jdbc, "UNIT_MANAGER", code, code + ".manager@county.test", "zh-CN");
		assignee = TestUsers.create(jdbc, "UNIT_STAFF", code, code + ".staff@county.test", "en");
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	/** An open clue of the test's unit, last followed up (or logged) on that date. */
	private long clue(String status, LocalDate lastFollowUp, Long owner, UserId to) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO clue (title, enterprise_name, source, owner_unit_id, assignee_id, status, "
				+ "last_follow_up_at) VALUES (?, ?, 'OTHER', ?, ?, ?, ?)")
			.params(Pages.unique("线索"), "某某化工有限公司", owner, to == null ? null : to.value(), status, lastFollowUp)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	private boolean flagged(long clue) {
		return jdbc.sql("SELECT stale_since FROM clue WHERE id = ?").param(clue).query(Instant.class).optional()
			.isPresent();
	}

	private List<String> notices(UserId user, long clue) {
		return jdbc.sql("SELECT title FROM notification WHERE recipient_id = ? AND link = ? ORDER BY id")
			.params(user.value(), "/clues/" + clue)
			.query(String.class)
			.list();
	}

	private List<MimeMessage> mailsTo(UserId user) {
		String address = jdbc.sql("SELECT email FROM app_user WHERE id = ?").param(user.value()).query(String.class)
			.single();
		return smtp.findReceivedMessages(u -> u.getEmail().equals(address), m -> true).toList();
	}

	@Test
	void staleness_is_counted_in_days_of_the_application_clock_not_the_machines() {
		// The test clock stands months before the machine's: by the machine's date every clue below would be stale.
		assertThat(LocalDate.now(Clock.systemDefaultZone())).isAfter(today().plusDays(60));
		long yesterday = clue("FOLLOWING", today().minusDays(1), unit, assignee);
		long lastMonth = clue("FOLLOWING", today().minusDays(30), unit, assignee);

		assertThat(stale.detect()).as("clues newly flagged").isGreaterThanOrEqualTo(1);

		assertThat(flagged(yesterday)).as("1 day by the application clock").isFalse();
		assertThat(flagged(lastMonth)).as("30 days by the application clock").isTrue();
		assertThat(jdbc.sql("SELECT stale_since FROM clue WHERE id = ?").param(lastMonth).query(Instant.class).single())
			.as("flagged at the application's time").isEqualTo(START);
		assertThat(notices(assignee, lastMonth)).singleElement().asString().endsWith("for 30 days");
	}

	@Test
	void a_clue_becomes_stale_after_n_days_without_follow_up_and_its_people_are_told_once() throws Exception {
		long fresh = clue("FOLLOWING", today(), unit, assignee);
		long older = clue("NEW", today().minusDays(1), unit, assignee);
		long closed = clue("CONVERTED", today().minusDays(100), unit, assignee);

		clock.advance(Duration.ofDays(29)); // fresh: N-1 days, older: N days
		stale.detect();
		assertThat(flagged(fresh)).as("N-1 days").isFalse();
		assertThat(flagged(older)).as("N days").isTrue();
		assertThat(flagged(closed)).as("a converted clue is never stale").isFalse();

		clock.advance(Duration.ofDays(1)); // fresh: N days, older: N+1 days
		stale.detect();
		assertThat(flagged(fresh)).as("N days").isTrue();
		assertThat(flagged(older)).as("N+1 days").isTrue();

		assertThat(notices(assignee, fresh)).singleElement().asString().startsWith("Clue \"").endsWith("30 days");
		assertThat(notices(manager, fresh)).singleElement().asString().startsWith("线索“").endsWith("已 30 天未跟进");
		assertThat(notices(manager, older)).as("once per stale period, though the job ran again").hasSize(1);
		assertThat(smtp.waitForIncomingEmail(5000, 4)).isTrue();
		assertThat(mailsTo(manager)).hasSize(2);
		assertThat(mailsTo(assignee)).extracting(MimeMessage::getSubject)
			.allMatch(s -> s.startsWith("Clue \"") && s.contains("no follow-up"));

		smtp.purgeEmailFromAllMailboxes();
		stale.detect();
		assertThat(notices(manager, fresh)).as("no second notice on the next run").hasSize(1);
		assertThat(smtp.waitForIncomingEmail(700, 1)).as("no second mail").isFalse();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'clue' AND record_id = ? "
				+ "AND action = 'STALE_FLAGGED'").param(String.valueOf(fresh)).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void a_follow_up_clears_the_flag_and_a_new_lapse_is_notified_again() {
		long id = clue("FOLLOWING", today().minusDays(40), unit, assignee);
		stale.detect();
		assertThat(flagged(id)).isTrue();
		assertThat(stale.isStale(id)).isTrue();

		var user = accounts.loadUserByUsername(jdbc.sql("SELECT username FROM app_user WHERE id = ?")
			.param(manager.value()).query(String.class).single());
		book.followUp(id, new FollowUpInput(today(), FollowUpKind.values()[0], null, "回访企业，已约下周考察", null, null),
				user);
		assertThat(flagged(id)).as("a follow-up ends the stale period").isFalse();
		stale.detect();
		assertThat(flagged(id)).isFalse();

		clock.advance(Duration.ofDays(30));
		stale.detect();
		assertThat(flagged(id)).isTrue();
		assertThat(notices(manager, id)).as("one notice per stale period").hasSize(2);
	}

	@Test
	void a_city_pool_clue_notifies_the_city_bureaus_supervisors() {
		long id = clue("NEW", today().minusDays(31), null, null);
		stale.detect();
		UserId city = new UserId(jdbc.sql("SELECT id FROM app_user WHERE username = 'city'").query(Long.class).single());
		assertThat(notices(city, id)).hasSize(1);
		assertThat(notices(manager, id)).isEmpty();
	}

	@Test
	void the_administrators_setting_changes_n() throws Exception {
		long id = clue("CONFIRMED", today().minusDays(10), unit, null);
		stale.detect();
		assertThat(flagged(id)).isFalse();
		mvc.perform(post("/admin/settings/clue.staleAfterDays").param("settingValue", "10").with(csrf())
			.with(as(accounts, "admin"))).andExpect(redirectedUrl("/admin/settings"));
		try {
			stale.detect();
			assertThat(flagged(id)).isTrue();
			assertThat(notices(manager, id)).hasSize(1);
		}
		finally {
			jdbc.sql("DELETE FROM app_setting WHERE setting_key = 'clue.staleAfterDays'").update();
		}
	}

	@Test
	void the_scheduled_run_takes_a_lock_so_a_second_node_skips_it() {
		long first = clue("NEW", today().minusDays(60), unit, null);
		stale.run();
		assertThat(flagged(first)).isTrue();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM shedlock WHERE name = 'clue-stale-detection'").query(Long.class)
			.single()).isEqualTo(1);

		// Another node starting the same job within the lock's time finds the lock taken and does nothing.
		long second = clue("NEW", today().minusDays(60), unit, null);
		stale.run();
		assertThat(flagged(second)).isFalse();
		jdbc.sql("UPDATE shedlock SET lock_until = locked_at WHERE name = 'clue-stale-detection'").update();
	}

	@Test
	void the_clue_pages_show_the_badge_filter_stale_clues_and_offer_the_return_to_the_pool() throws Exception {
		long hualong = jdbc.sql("SELECT id FROM unit WHERE code = 'hualong'").query(Long.class).single();
		long staleClue = clue("FOLLOWING", today().minusDays(45), hualong, null);
		long freshClue = clue("FOLLOWING", today().minusDays(2), hualong, null);
		stale.detect();
		String staleTitle = jdbc.sql("SELECT title FROM clue WHERE id = ?").param(staleClue).query(String.class).single();
		String freshTitle = jdbc.sql("SELECT title FROM clue WHERE id = ?").param(freshClue).query(String.class).single();

		String list = mvc.perform(get("/clues").param("stale", "true").param("size", "100").with(as(accounts, "city")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(list).contains(staleTitle).doesNotContain(freshTitle).contains("stale-badge")
			.contains("id=\"f-stale\" checked");
		String all = mvc.perform(get("/clues").param("q", freshTitle).with(as(accounts, "city")))
			.andReturn().getResponse().getContentAsString();
		assertThat(all).contains(freshTitle).doesNotContain("stale-badge");

		String board = mvc.perform(get("/clues/board").param("stale", "true").with(as(accounts, "city")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(board).contains(staleTitle).contains("久未跟进");

		String token = mvc.perform(post("/api/v1/auth/token").contentType("application/json")
			.content("{\"username\":\"city\",\"password\":\"Demo@2026\"}"))
			.andReturn().getResponse().getContentAsString().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
		String api = mvc.perform(get("/api/v1/clues").param("stale", "true").param("size", "100")
			.header("Authorization", "Bearer " + token)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(api).contains("\"id\":" + staleClue + ",").contains("\"staleSince\"")
			.doesNotContain("\"id\":" + freshClue + ",");

		String detail = mvc.perform(get("/clues/" + staleClue).with(as(accounts, "hualong")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(detail).contains("id=\"stale-alert\"").contains("href=\"/clues/" + staleClue + "/return\"");
		String freshDetail = mvc.perform(get("/clues/" + freshClue).with(as(accounts, "hualong")))
			.andReturn().getResponse().getContentAsString();
		assertThat(freshDetail).doesNotContain("stale-alert");
	}
}
