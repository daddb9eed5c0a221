package cn.zhaoshang.audit;

import static cn.zhaoshang.support.Pages.all;
import static cn.zhaoshang.support.Pages.idOf;
import static cn.zhaoshang.support.Pages.table;
import static cn.zhaoshang.support.Pages.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.Pages;
import cn.zhaoshang.support.TestDatabases;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The audit trail is append-only at the database itself, searchable by administrators, and records who did what
 * from where, including failed sign-ins of unknown user names.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditTrailTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountUserDetailsService accounts;

	RequestPostProcessor as(String username) {
		return Pages.as(accounts, username);
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** Creates a unit as the administrator (one audit entry) and returns the unit id. */
	long createUnit(String address) throws Exception {
		String code = unique("t-audit-");
		var result = mvc
			.perform(post("/org/units/new").param("code", code)
				.param("name", "审计单位" + code)
				.param("type", "ZONE")
				.param("sortOrder", "0")
				.with(csrf())
				.with(as("admin"))
				.with(from(address)))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		return idOf(result.getResponse().getRedirectedUrl());
	}

	Map<String, Object> entryOf(long unitId) {
		return jdbc.sql("SELECT * FROM audit_entry WHERE record_type = 'unit' AND record_id = :id")
			.param("id", String.valueOf(unitId))
			.query()
			.singleRow();
	}

	long count(String where, Map<String, ?> params) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE " + where).params(params).query(Long.class).single();
	}

	String search(String query) throws Exception {
		return mvc.perform(get("/admin/audit" + query).with(as("admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	static long total(String html) {
		Matcher m = Pattern.compile("共 (\\d+) 条").matcher(html);
		assertThat(m.find()).as("the list total").isTrue();
		return Long.parseLong(m.group(1));
	}

	/** The sign-in name in the actor cell of every row of the result table (beside the person's name). */
	static List<String> actors(String html) {
		return all(table(html, "audit-table"), "<span class=\"actor-login[^\"]*\">([^<]*)</span>");
	}

	// ------------------------------------------------------------------ append-only

	@Test
	void the_database_refuses_to_update_an_audit_entry() throws Exception {
		long unit = createUnit("10.0.0.1");
		var before = entryOf(unit);
		long id = (Long) before.get("id");
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET actor = 'mallory', action = 'NOTHING' WHERE id = :id")
			.param("id", id)
			.update()).as("on %s", TestDatabases.kind())
			.isInstanceOf(DataAccessException.class)
			.hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET summary = NULL").update())
			.isInstanceOf(DataAccessException.class);
		assertThat(entryOf(unit)).isEqualTo(before);
	}

	@Test
	void the_database_refuses_to_delete_audit_entries() throws Exception {
		long unit = createUnit("10.0.0.2");
		var before = entryOf(unit);
		long all = count("1 = 1", Map.of());
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE id = :id").param("id", before.get("id")).update())
			.as("on %s", TestDatabases.kind())
			.isInstanceOf(DataAccessException.class)
			.hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry").update()).isInstanceOf(DataAccessException.class);
		assertThat(entryOf(unit)).isEqualTo(before);
		assertThat(count("1 = 1", Map.of())).isGreaterThanOrEqualTo(all);
	}

	// ------------------------------------------------------------------ what an entry records

	@Test
	void an_entry_records_who_what_when_and_the_remote_address() throws Exception {
		var start = OffsetDateTime.now().minusSeconds(5);
		long unit = createUnit("203.0.113.7");
		var entry = entryOf(unit);
		assertThat(entry).containsEntry("actor", "admin")
			.containsEntry("actor_id", accounts.loadUserByUsername("admin").id().value())
			.containsEntry("action", "CREATE")
			.containsEntry("remote_addr", "203.0.113.7");
		assertThat(((OffsetDateTime) jdbc.sql("SELECT occurred_at FROM audit_entry WHERE id = :id")
			.param("id", entry.get("id"))
			.query(OffsetDateTime.class)
			.single())).isAfter(start);

		String html = search("?type=unit&record=" + unit);
		assertThat(html).contains("203.0.113.7").contains("admin").contains("新建");
	}

	@Test
	void a_sign_in_records_the_remote_address() throws Exception {
		mvc.perform(post("/login").param("username", "viewer").param("password", "Demo@2026").with(csrf())
			.with(from("198.51.100.23"))).andExpect(redirectedUrl("/"));
		assertThat(count("actor = 'viewer' AND action = 'LOGIN' AND remote_addr = :a", Map.of("a", "198.51.100.23")))
			.isOne();
	}

	@Test
	void a_failed_sign_in_of_an_unknown_user_name_is_recorded() throws Exception {
		String name = unique("nobody.");
		mvc.perform(post("/login").param("username", name).param("password", "Guess@2026").with(csrf())
			.with(from("192.0.2.66"))).andExpect(redirectedUrl("/login?error=bad"));
		var entry = jdbc.sql("SELECT * FROM audit_entry WHERE record_type = 'login' AND record_id = :n")
			.param("n", name)
			.query()
			.singleRow();
		assertThat(entry).containsEntry("action", "LOGIN_FAILED").containsEntry("remote_addr", "192.0.2.66");

		String html = search("?type=login&record=" + name);
		assertThat(total(html)).isOne();
		assertThat(html).contains("登录失败").contains("192.0.2.66");
	}

	@Test
	void a_failed_sign_in_with_an_overlong_user_name_is_refused_and_recorded_not_an_error() throws Exception {
		String name = "x".repeat(120) + unique("");
		mvc.perform(post("/login").param("username", name).param("password", "Guess@2026").with(csrf()))
			.andExpect(redirectedUrl("/login?error=bad"));
		assertThat(count("record_type = 'login' AND action = 'LOGIN_FAILED' AND record_id = :id",
				Map.of("id", name.substring(0, 64)))).isOne();
	}

	// ------------------------------------------------------------------ search page

	@Test
	void only_administrators_read_the_audit_trail() throws Exception {
		for (String user : List.of("city", "hualong", "leader", "viewer")) {
			mvc.perform(get("/admin/audit").with(as(user))).andExpect(status().isForbidden());
		}
	}

	@Test
	void the_search_filters_by_actor() throws Exception {
		mvc.perform(post("/login").param("username", "hualong").param("password", "Demo@2026").with(csrf()))
			.andExpect(redirectedUrl("/"));
		String html = search("?actor=hualong");
		assertThat(total(html)).isEqualTo(count("actor = 'hualong'", Map.of())).isPositive();
		assertThat(actors(html)).isNotEmpty().containsOnly("hualong");
	}

	@Test
	void the_search_filters_by_record_type_and_record_id() throws Exception {
		long unit = createUnit("10.0.0.3");
		mvc.perform(post("/org/units/" + unit + "/deactivate").param("version", "0").with(csrf()).with(as("admin")))
			.andExpect(status().is3xxRedirection());

		String html = search("?type=unit&record=" + unit);
		assertThat(total(html)).isEqualTo(2);
		assertThat(all(table(html, "audit-table"), "<td>(新建|停用)</td>")).containsExactly("停用", "新建");

		String units = search("?type=unit");
		assertThat(total(units)).isEqualTo(count("record_type = 'unit'", Map.of()));
		assertThat(all(table(units, "audit-table"), "<td>(单位|用户|登录|人员) #")).isNotEmpty().containsOnly("单位");
	}

	@Test
	void the_search_filters_by_action() throws Exception {
		long unit = createUnit("10.0.0.4");
		mvc.perform(post("/org/units/" + unit + "/deactivate").param("version", "0").with(csrf()).with(as("admin")))
			.andExpect(status().is3xxRedirection());
		String html = search("?action=DEACTIVATE");
		assertThat(total(html)).isEqualTo(count("action = 'DEACTIVATE'", Map.of())).isPositive();
		assertThat(all(table(html, "audit-table"), "<td>(新建|修改|停用|启用|登录|登录失败)</td>")).containsOnly("停用");
		assertThat(search("?action=DEACTIVATE&type=unit&record=" + unit)).contains("#" + unit);
	}

	@Test
	void the_search_filters_by_date_range_including_both_days() throws Exception {
		long unit = createUnit("10.0.0.5");
		var at = jdbc.sql("SELECT occurred_at FROM audit_entry WHERE record_type = 'unit' AND record_id = :id")
			.param("id", String.valueOf(unit))
			.query(OffsetDateTime.class)
			.single();
		LocalDate day = at.atZoneSameInstant(ZoneId.systemDefault()).toLocalDate();
		String record = "&type=unit&record=" + unit;

		assertThat(total(search("?from=" + day + "&to=" + day + record))).isOne();
		assertThat(total(search("?from=" + day + record))).isOne();
		assertThat(total(search("?to=" + day + record))).isOne();
		assertThat(total(search("?from=" + day.plusDays(1) + record))).isZero();
		assertThat(total(search("?to=" + day.minusDays(1) + record))).isZero();
		assertThat(total(search("?from=2000-01-01&to=2000-01-31"))).isZero();
		assertThat(total(search("?from=" + day + "&to=" + day))).isEqualTo(count(
				"occurred_at >= :from AND occurred_at < :to",
				Map.of("from", day.atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime(), "to",
						day.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime())));
	}

	@Test
	void the_search_pages_newest_first() throws Exception {
		createUnit("10.0.0.6");
		String html = search("");
		List<String> times = all(table(html, "audit-table"), "<td class=\"text-nowrap\">([^<]+)</td>");
		assertThat(times).isNotEmpty().isSortedAccordingTo(java.util.Comparator.reverseOrder());
		long total = count("1 = 1", Map.of());
		assertThat(total(html)).isEqualTo(total);
		assertThat(times).hasSize((int) Math.min(50, total));
	}
}
