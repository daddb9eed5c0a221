package cn.zhaoshang.dispatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import com.jayway.jsonpath.JsonPath;

import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.ApiTestSupport;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Editing an open dispatch round's header (name, period, deadline, chairing leader) through the API and the page:
 * bureau only, a closed round refused with 409, the period order checked, a stale version a 409, the change audited
 * field by field and shown in the round's history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class DispatchRoundEditTests extends ApiTestSupport {

	@Autowired
	AccountUserDetailsService accounts;

	long open(String name) throws Exception {
		var body = new LinkedHashMap<String, Object>();
		body.put("name", name);
		body.put("periodFrom", "2018-03-01");
		body.put("periodTo", "2018-04-30");
		body.put("deadline", "2018-05-05");
		body.put("projectIds", List.of());
		var result = as("city", post("/api/v1/dispatch-rounds").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)))
			.andExpect(status().isCreated())
			.andReturn();
		return ((Number) JsonPath.read(body(result), "$.id")).longValue();
	}

	int version(long round) {
		return jdbc.sql("SELECT version FROM dispatch_round WHERE id = ?").param(round).query(Integer.class).single();
	}

	Long leader() {
		return jdbc.sql("SELECT MIN(id) FROM person WHERE kind = 'LEADER' AND active = TRUE").query(Long.class).single();
	}

	ResultActions edit(String user, long round, String name, String from, String to, String deadline, Long chair,
			Integer version) throws Exception {
		var body = new LinkedHashMap<String, Object>();
		body.put("name", name);
		body.put("periodFrom", from);
		body.put("periodTo", to);
		body.put("deadline", deadline);
		body.put("chairPersonId", chair);
		body.put("version", version);
		return as(user, put("/api/v1/dispatch-rounds/" + round).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)));
	}

	long audits(long round, String action) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'dispatchRound' AND record_id = ?"
				+ " AND action = ?").params(String.valueOf(round), action).query(Long.class).single();
	}

	@Test
	void the_bureau_edits_an_open_rounds_header_and_gets_the_round_back() throws Exception {
		long round = open(Pages.unique("编辑轮次"));
		Long chair = leader();
		String name = Pages.unique("2018年第2次（3-4月）项目调度");
		edit("city", round, name, "2018-03-01", "2018-05-31", "2018-06-05", chair, version(round))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(round))
			.andExpect(jsonPath("$.name").value(name))
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.periodFrom").value("2018-03-01"))
			.andExpect(jsonPath("$.periodTo").value("2018-05-31"))
			.andExpect(jsonPath("$.deadline").value("2018-06-05"))
			.andExpect(jsonPath("$.chairPersonId").value(chair))
			.andExpect(jsonPath("$.chairName").isString())
			.andExpect(jsonPath("$.completion").isArray());
		as("city", get("/api/v1/dispatch-rounds/" + round)).andExpect(jsonPath("$.name").value(name))
			.andExpect(jsonPath("$.periodTo").value("2018-05-31"));
		assertThat(audits(round, "UPDATE")).isOne();
		String after = jdbc.sql("SELECT after_json FROM audit_entry WHERE record_type = 'dispatchRound'"
				+ " AND record_id = ? AND action = 'UPDATE'").param(String.valueOf(round)).query(String.class).single();
		assertThat(after).contains("periodTo", "2018-05-31", "deadline", "chairName").doesNotContain("periodFrom");

		// the same values again: nothing changes, nothing is audited
		edit("city", round, name, "2018-03-01", "2018-05-31", "2018-06-05", chair, version(round))
			.andExpect(status().isOk());
		assertThat(audits(round, "UPDATE")).isOne();
	}

	@Test
	void only_the_bureau_may_edit_and_bad_periods_name_their_field() throws Exception {
		long round = open(Pages.unique("权限轮次"));
		int v = version(round);
		edit("hualong", round, "x", "2018-03-01", "2018-04-30", "2018-05-05", null, v)
			.andExpect(status().isForbidden());
		edit("leader", round, "x", "2018-03-01", "2018-04-30", "2018-05-05", null, v)
			.andExpect(status().isForbidden());
		edit("city", round, "x", "2018-03-01", "2018-02-28", "2018-05-05", null, v)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("periodTo"));
		edit("city", round, "", "2018-03-01", "2018-04-30", "2018-05-05", null, v)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		edit("city", round, "x", "2018-03-01", "2018-04-30", "2018-05-05", 999_999_999L, v)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("chairPersonId"));
		edit("city", 999_999_999L, "x", "2018-03-01", "2018-04-30", "2018-05-05", null, v)
			.andExpect(status().isNotFound());
		assertThat(version(round)).isEqualTo(v);
		assertThat(audits(round, "UPDATE")).isZero();
	}

	@Test
	void a_closed_round_is_refused_and_a_stale_version_is_a_conflict() throws Exception {
		long round = open(Pages.unique("冲突轮次"));
		int v = version(round);
		edit("city", round, Pages.unique("first"), "2018-03-01", "2018-04-30", "2018-05-05", null, v)
			.andExpect(status().isOk());
		edit("city", round, Pages.unique("second"), "2018-03-01", "2018-04-30", "2018-05-05", null, v)
			.andExpect(status().isConflict());
		edit("city", round, Pages.unique("second"), "2018-03-01", "2018-04-30", "2018-05-05", null, null)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("version"));

		as("city", post("/api/v1/dispatch-rounds/" + round + "/close")).andExpect(status().isOk());
		String name = jdbc.sql("SELECT name FROM dispatch_round WHERE id = ?").param(round).query(String.class).single();
		edit("city", round, Pages.unique("late"), "2018-03-01", "2018-04-30", "2018-05-05", null, version(round))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString(name)));
		assertThat(jdbc.sql("SELECT name FROM dispatch_round WHERE id = ?").param(round).query(String.class).single())
			.isEqualTo(name);
		assertThat(audits(round, "UPDATE")).isOne();
	}

	@Test
	void the_round_page_links_the_edit_form_which_saves_and_shows_in_the_history() throws Exception {
		long round = open(Pages.unique("页面轮次"));
		String page = body(mvc.perform(get("/dispatch/rounds/" + round).with(Pages.as(accounts, "city"))
			.locale(Locale.SIMPLIFIED_CHINESE)).andExpect(status().isOk()).andReturn());
		assertThat(page).contains("/dispatch/rounds/" + round + "/edit");
		String unitPage = body(mvc.perform(get("/dispatch/rounds/" + round).with(Pages.as(accounts, "hualong"))
			.locale(Locale.SIMPLIFIED_CHINESE)).andExpect(status().isOk()).andReturn());
		assertThat(unitPage).doesNotContain("/dispatch/rounds/" + round + "/edit");

		mvc.perform(get("/dispatch/rounds/" + round + "/edit").with(Pages.as(accounts, "city"))
			.locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"round-edit-form\"")));

		// period_to before period_from: the form again, the field named in Chinese
		mvc.perform(post("/dispatch/rounds/" + round + "/edit").with(Pages.as(accounts, "city")).with(csrf())
			.locale(Locale.SIMPLIFIED_CHINESE)
			.param("name", "x").param("periodFrom", "2018-03-01").param("periodTo", "2018-01-31")
			.param("deadline", "2018-05-05").param("version", String.valueOf(version(round))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"form-errors\"")));

		String name = Pages.unique("页面改名");
		mvc.perform(post("/dispatch/rounds/" + round + "/edit").with(Pages.as(accounts, "city")).with(csrf())
			.locale(Locale.SIMPLIFIED_CHINESE)
			.param("name", name).param("periodFrom", "2018-03-01").param("periodTo", "2018-04-30")
			.param("deadline", "2018-05-10").param("chairPersonId", "")
			.param("version", String.valueOf(version(round))))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/dispatch/rounds/" + round));
		String after = body(mvc.perform(get("/dispatch/rounds/" + round).with(Pages.as(accounts, "city"))
			.locale(Locale.SIMPLIFIED_CHINESE)).andExpect(status().isOk()).andReturn());
		assertThat(after).contains(name, "2018-05-10", "填报截止日期");

		// a stale version on the page: the form again with the conflict explained, nothing saved
		mvc.perform(post("/dispatch/rounds/" + round + "/edit").with(Pages.as(accounts, "city")).with(csrf())
			.locale(Locale.SIMPLIFIED_CHINESE)
			.param("name", "stale").param("periodFrom", "2018-03-01").param("periodTo", "2018-04-30")
			.param("deadline", "2018-05-10").param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已被他人修改")));

		as("city", post("/api/v1/dispatch-rounds/" + round + "/close")).andExpect(status().isOk());
		String closed = body(mvc.perform(get("/dispatch/rounds/" + round).with(Pages.as(accounts, "city"))
			.locale(Locale.SIMPLIFIED_CHINESE)).andExpect(status().isOk()).andReturn());
		assertThat(closed).doesNotContain("/dispatch/rounds/" + round + "/edit\"");
		mvc.perform(get("/dispatch/rounds/" + round + "/edit").with(Pages.as(accounts, "city"))
			.locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isConflict())
			.andExpect(content().string(not(containsString("id=\"round-edit-form\""))));
	}
}
