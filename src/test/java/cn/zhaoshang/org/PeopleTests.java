package cn.zhaoshang.org;

import static cn.zhaoshang.support.Pages.all;
import static cn.zhaoshang.support.Pages.idOf;
import static cn.zhaoshang.support.Pages.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;

/**
 * Leaders and staff: a unit manager looks after the people of their own unit and is refused elsewhere;
 * administrators look after everyone. Every write is validated, version-checked and audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PeopleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	AccountUserDetailsService accounts;

	RequestPostProcessor as(String username) {
		return Pages.as(accounts, username);
	}

	long unitId(String code) {
		return jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", code).query(Long.class).single();
	}

	long personId(String name) {
		return jdbc.sql("SELECT id FROM person WHERE name = :n").param("n", name).query(Long.class).single();
	}

	long peopleNamed(String name) {
		return jdbc.sql("SELECT COUNT(*) FROM person WHERE name = :n").param("n", name).query(Long.class).single();
	}

	Map<String, Object> personRow(long id) {
		return jdbc.sql("SELECT unit_id, name, kind, title, email, active, version FROM person WHERE id = :id")
			.param("id", id)
			.query()
			.singleRow();
	}

	List<Map<String, Object>> audit(long personId) {
		return jdbc.sql("""
				SELECT actor, action, before_json, after_json FROM audit_entry
				WHERE record_type = 'person' AND record_id = :id ORDER BY id""")
			.param("id", String.valueOf(personId))
			.query()
			.listOfRows();
	}

	static MockHttpServletRequestBuilder personForm(String url, Object unitId, String name, String kind,
			String title, String email) {
		return post(url).param("unitId", unitId == null ? "" : unitId.toString())
			.param("name", name)
			.param("kind", kind)
			.param("title", title)
			.param("phone", "0393-8660199")
			.param("email", email)
			.with(csrf());
	}

	/** Creates a person through the page as the given user and returns the id. */
	long create(String username, String unitCode, String name) throws Exception {
		var result = mvc
			.perform(personForm("/org/people/new", unitId(unitCode), name, "STAFF", "招商专员", "").with(as(username)))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		return idOf(result.getResponse().getRedirectedUrl());
	}

	String page(String url, String username) throws Exception {
		return mvc.perform(get(url).with(as(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	String formWithErrors(MockHttpServletRequestBuilder request, String username) throws Exception {
		return mvc.perform(request.with(as(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * A write into a unit outside the user's scope is refused either as forbidden (403 page) or as an error on the
	 * unit field; both say so in words the user reads.
	 */
	void assertClearlyRefused(MockHttpServletRequestBuilder request, String username) throws Exception {
		var response = mvc.perform(request.with(as(username))).andReturn().getResponse();
		String html = response.getContentAsString();
		if (response.getStatus() == 403) {
			assertThat(html).contains("您没有执行此操作的权限");
		}
		else {
			assertThat(response.getStatus()).as("status of a refused write").isEqualTo(200);
			assertThat(html).contains("所属单位：只能为本单位及下级单位添加人员");
		}
	}

	// ------------------------------------------------------------------ unit manager, own unit

	@Test
	void a_unit_manager_creates_edits_and_deactivates_a_person_of_their_own_unit() throws Exception {
		String name = unique("赵六");
		long id = create("hualong", "hualong", name);
		assertThat(personRow(id)).containsEntry("unit_id", unitId("hualong"))
			.containsEntry("name", name)
			.containsEntry("kind", "STAFF")
			.containsEntry("active", true);

		mvc.perform(personForm("/org/people/" + id + "/edit", unitId("hualong"), name, "LEADER", "副区长",
				"zhao@example.cn")
			.param("version", "0")
			.with(as("hualong"))).andExpect(status().is3xxRedirection());
		assertThat(personRow(id)).containsEntry("kind", "LEADER")
			.containsEntry("title", "副区长")
			.containsEntry("email", "zhao@example.cn");

		mvc.perform(post("/org/people/" + id + "/deactivate").param("version", "1").with(csrf()).with(as("hualong")))
			.andExpect(status().is3xxRedirection());
		assertThat(personRow(id)).containsEntry("active", false).containsEntry("version", 2);

		var entries = audit(id);
		assertThat(entries).extracting(r -> r.get("action")).containsExactly("CREATE", "UPDATE", "DEACTIVATE");
		assertThat(entries).extracting(r -> r.get("actor")).containsOnly("hualong");
		var update = entries.get(1);
		assertThat(json.readTree((String) update.get("before_json")).get("title").asString()).isEqualTo("招商专员");
		assertThat(json.readTree((String) update.get("after_json")).get("title").asString()).isEqualTo("副区长");
	}

	@Test
	void the_unit_manager_can_only_choose_their_own_unit() throws Exception {
		String form = page("/org/people/new", "hualong");
		List<String> options = all(form, "<option value=\"\\d+\"[^>]*>([^<]+)</option>");
		assertThat(options).containsExactly("华龙区");
	}

	@Test
	void the_person_page_shows_its_history_and_edit_buttons_to_those_who_may_edit() throws Exception {
		String name = unique("钱七");
		long id = create("hualong", "hualong", name);
		String own = page("/org/people/" + id, "hualong");
		assertThat(own).contains("/org/people/" + id + "/edit");
		assertThat(Pages.from(own, "history")).contains("新建").contains("hualong").contains(name);

		assertThat(page("/org/people/" + id, "admin")).contains("/org/people/" + id + "/edit");
		for (String reader : List.of("qingfeng", "hualong.staff", "city", "viewer")) {
			String html = page("/org/people/" + id, reader);
			assertThat(html).as(reader).contains(name).doesNotContain("/org/people/" + id + "/edit")
				.doesNotContain("/deactivate");
		}
	}

	// ------------------------------------------------------------------ unit manager, another unit

	@Test
	void a_unit_manager_cannot_add_a_person_to_another_unit() throws Exception {
		String name = unique("越权");
		assertClearlyRefused(personForm("/org/people/new", unitId("qingfeng"), name, "STAFF", "", ""), "hualong");
		assertThat(peopleNamed(name)).isZero();
	}

	@Test
	void a_unit_manager_cannot_edit_or_deactivate_a_person_of_another_unit() throws Exception {
		long chen = personId("陈静"); // 清丰县
		var before = personRow(chen);

		mvc.perform(get("/org/people/" + chen + "/edit").with(as("hualong")))
			.andExpect(status().isForbidden())
			.andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("您没有执行此操作的权限"));
		mvc.perform(personForm("/org/people/" + chen + "/edit", unitId("qingfeng"), "被篡改", "STAFF", "", "")
			.param("version", before.get("version").toString())
			.with(as("hualong"))).andExpect(status().isForbidden());
		mvc.perform(personForm("/org/people/" + chen + "/edit", unitId("hualong"), "被篡改", "STAFF", "", "")
			.param("version", before.get("version").toString())
			.with(as("hualong"))).andExpect(status().isForbidden());
		mvc.perform(post("/org/people/" + chen + "/deactivate").param("version", before.get("version").toString())
			.with(csrf())
			.with(as("hualong"))).andExpect(status().isForbidden());

		assertThat(personRow(chen)).isEqualTo(before);
		assertThat(audit(chen)).isEmpty();
	}

	@Test
	void a_unit_manager_cannot_move_their_person_to_another_unit() throws Exception {
		String name = unique("孙八");
		long id = create("hualong", "hualong", name);
		assertClearlyRefused(
				personForm("/org/people/" + id + "/edit", unitId("qingfeng"), name, "STAFF", "", "").param("version",
						"0"),
				"hualong");
		assertThat(personRow(id)).containsEntry("unit_id", unitId("hualong")).containsEntry("version", 0);
	}

	@Test
	void unit_staff_and_the_city_bureau_read_people_but_do_not_manage_them() throws Exception {
		for (String reader : List.of("hualong.staff", "city")) {
			String list = page("/org/people", reader);
			assertThat(list).as(reader).contains("张伟").doesNotContain("id=\"new-person\"");
			mvc.perform(get("/org/people/new").with(as(reader))).andExpect(status().isForbidden());
		}
		String name = unique("无权");
		mvc.perform(personForm("/org/people/new", unitId("hualong"), name, "STAFF", "", "").with(as("hualong.staff")))
			.andExpect(status().isForbidden());
		assertThat(peopleNamed(name)).isZero();
		assertThat(page("/org/people", "hualong")).contains("id=\"new-person\"");
	}

	// ------------------------------------------------------------------ administrator

	@Test
	void an_administrator_edits_people_of_any_unit() throws Exception {
		String name = unique("周九");
		long id = create("admin", "qingfeng", name);
		mvc.perform(personForm("/org/people/" + id + "/edit", unitId("nanle"), name, "LEADER", "南乐县副县长", "")
			.param("version", "0")
			.with(as("admin"))).andExpect(status().is3xxRedirection());
		assertThat(personRow(id)).containsEntry("unit_id", unitId("nanle")).containsEntry("title", "南乐县副县长");
		mvc.perform(post("/org/people/" + id + "/deactivate").param("version", "1").with(csrf()).with(as("admin")))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/org/people/" + id + "/activate").param("version", "2").with(csrf()).with(as("admin")))
			.andExpect(status().is3xxRedirection());
		assertThat(personRow(id)).containsEntry("active", true);
		assertThat(audit(id)).extracting(r -> r.get("action"))
			.containsExactly("CREATE", "UPDATE", "DEACTIVATE", "ACTIVATE");
		assertThat(audit(id)).extracting(r -> r.get("actor")).containsOnly("admin");
	}

	// ------------------------------------------------------------------ validation, conflicts

	@Test
	void validation_errors_name_the_field() throws Exception {
		String html = formWithErrors(personForm("/org/people/new", unitId("hualong"), "", "STAFF", "", ""), "hualong");
		assertThat(html).contains("名称：不能为空");

		String name = unique("邮箱错");
		html = formWithErrors(personForm("/org/people/new", unitId("hualong"), name, "STAFF", "", "not-an-email"),
				"hualong");
		assertThat(html).contains("电子邮箱：不是有效的电子邮箱地址");
		assertThat(peopleNamed(name)).isZero();

		html = formWithErrors(personForm("/org/people/new", null, unique("无单位"), "STAFF", "", ""), "admin");
		assertThat(html).contains("所属单位：不能为空");

		html = formWithErrors(personForm("/org/people/new", unitId("hualong"), "长".repeat(51), "STAFF", "", ""),
				"hualong");
		assertThat(html).contains("名称：长度不符合要求");
		assertThat(peopleNamed("长".repeat(51))).isZero();
	}

	@Test
	void an_edit_with_a_stale_version_is_a_conflict_and_changes_nothing() throws Exception {
		String name = unique("吴十");
		long id = create("hualong", "hualong", name);
		mvc.perform(personForm("/org/people/" + id + "/edit", unitId("hualong"), name, "STAFF", "第一次", "")
			.param("version", "0")
			.with(as("hualong"))).andExpect(status().is3xxRedirection());
		String html = mvc
			.perform(personForm("/org/people/" + id + "/edit", unitId("hualong"), name, "STAFF", "第二次", "")
				.param("version", "0")
				.with(as("admin")))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("该记录已被他人修改");
		assertThat(personRow(id)).containsEntry("title", "第一次").containsEntry("version", 1);

		mvc.perform(post("/org/people/" + id + "/deactivate").param("version", "0").with(csrf()).with(as("hualong")))
			.andExpect(status().isConflict());
		assertThat(personRow(id)).containsEntry("active", true);
	}

	// ------------------------------------------------------------------ the person's own account

	@Test
	void the_account_is_picked_from_the_units_accounts_by_name_and_login() throws Exception {
		String html = page("/org/people/new", "hualong");

		assertThat(html).contains("list=\"account-options\"").contains("<datalist id=\"account-options\">");
		String options = html.substring(html.indexOf("<datalist id=\"account-options\">"));
		options = options.substring(0, options.indexOf("</datalist>"));
		assertThat(options).as("the manager's own unit: name and login")
			.contains("value=\"hualong.staff\"")
			.contains("刘洋 (hualong.staff)")
			.doesNotContain("value=\"qingfeng\"")
			.doesNotContain("value=\"admin\"");
	}

	@Test
	void an_account_of_the_own_unit_is_linked_and_another_units_is_refused() throws Exception {
		String name = unique("账号");
		String refused = formWithErrors(personForm("/org/people/new", unitId("hualong"), name, "STAFF", "", "")
			.param("account", "qingfeng"), "hualong");
		assertThat(refused).contains("只能关联本单位的账号");
		assertThat(peopleNamed(name)).isZero();
		String unknown = formWithErrors(personForm("/org/people/new", unitId("hualong"), name, "STAFF", "", "")
			.param("account", "no.such.login"), "hualong");
		assertThat(unknown).contains("is-invalid");
		assertThat(peopleNamed(name)).isZero();

		var created = mvc.perform(personForm("/org/people/new", unitId("hualong"), name, "STAFF", "", "")
			.param("account", " hualong.staff ")
			.with(as("hualong"))).andExpect(status().is3xxRedirection()).andReturn();
		long id = idOf(created.getResponse().getRedirectedUrl());
		assertThat(jdbc.sql("SELECT u.username FROM person p JOIN app_user u ON u.id = p.user_id WHERE p.id = ?")
			.param(id).query(String.class).single()).isEqualTo("hualong.staff");
		assertThat(page("/org/people/" + id + "/edit", "hualong")).contains("value=\"hualong.staff\"");
	}

	// ------------------------------------------------------------------ list

	@Test
	void the_list_searches_filters_by_unit_and_kind() throws Exception {
		List<String> found = all(page("/org/people?q=" + "张伟", "viewer"), "<a href=\"/org/people/\\d+\">([^<]+)</a>");
		assertThat(found).containsExactly("张伟");

		List<String> hualong = all(page("/org/people?unit=" + unitId("hualong") + "&kind=LEADER", "viewer"),
				"<a href=\"/org/people/\\d+\">([^<]+)</a>");
		assertThat(hualong).contains("王强").doesNotContain("张伟", "孙丽");
	}

	@Test
	void intermediaries_do_not_see_people() throws Exception {
		mvc.perform(get("/org/people").with(as("agent"))).andExpect(status().isForbidden());
	}
}
