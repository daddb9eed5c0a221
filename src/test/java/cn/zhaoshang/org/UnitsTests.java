package cn.zhaoshang.org;

import static cn.zhaoshang.support.Pages.all;
import static cn.zhaoshang.support.Pages.idOf;
import static cn.zhaoshang.support.Pages.table;
import static cn.zhaoshang.support.Pages.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.org.internal.UnitForm;
import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.support.Pages;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Administrators keep the unit tree: create, validate, edit safely, deactivate; everyone inside reads the list. */
@SpringBootTest
@AutoConfigureMockMvc
class UnitsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	Units units;

	RequestPostProcessor as(String username) {
		return Pages.as(accounts, username);
	}

	long unitId(String code) {
		return jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", code).query(Long.class).single();
	}

	Map<String, Object> unitRow(long id) {
		return jdbc.sql("SELECT code, name, type, parent_id, active, version FROM unit WHERE id = :id")
			.param("id", id)
			.query()
			.singleRow();
	}

	static MockHttpServletRequestBuilder unitForm(String url, String code, String name, String type, Long parentId) {
		return unitForm(url, code, name, type, parentId, "99");
	}

	static MockHttpServletRequestBuilder unitForm(String url, String code, String name, String type, Long parentId,
			String sortOrder) {
		return post(url).param("code", code)
			.param("name", name)
			.param("shortName", "")
			.param("type", type)
			.param("parentId", parentId == null ? "" : parentId.toString())
			.param("region", "")
			.param("phone", "0393-1234567")
			.param("address", "")
			.param("sortOrder", sortOrder)
			.with(csrf());
	}

	/** Creates a unit through the page, as the administrator, and returns its id. */
	long create(String code, String name, String type, Long parentId) throws Exception {
		MvcResult result = mvc.perform(unitForm("/org/units/new", code, name, type, parentId).with(as("admin")))
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

	List<Map<String, Object>> audit(long unitId) {
		return jdbc.sql("""
				SELECT actor, action, before_json, after_json, remote_addr FROM audit_entry
				WHERE record_type = 'unit' AND record_id = :id ORDER BY id""")
			.param("id", String.valueOf(unitId))
			.query()
			.listOfRows();
	}

	// ------------------------------------------------------------------ create

	@Test
	void admin_creates_a_unit_which_shows_on_its_page_in_the_list_and_in_the_api() throws Exception {
		String code = unique("t-zone-");
		String name = "测试产业园" + code;
		long gov = unitId("gov");
		MvcResult created = mvc.perform(unitForm("/org/units/new", code, name, "ZONE", gov).with(as("admin")))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = created.getResponse().getRedirectedUrl();
		long id = idOf(location);
		assertThat(location).isEqualTo("/org/units/" + id);
		assertThat(unitRow(id)).containsEntry("code", code)
			.containsEntry("name", name)
			.containsEntry("type", "ZONE")
			.containsEntry("parent_id", gov)
			.containsEntry("active", true);

		// the confirmation travels in the (JDBC-stored) session, as in a browser
		assertThat(created.getFlashMap().get("flash")).isEqualTo("flash.saved");
		var session = created.getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();
		String unitPage = mvc.perform(get(location).cookie(session).with(as("admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(unitPage).contains(name).contains(code).contains("已保存。").contains("濮阳市人民政府");

		assertThat(page("/org/units?q=" + code, "viewer")).contains(name).contains("/org/units/" + id);

		mvc.perform(get("/api/v1/units").with(as("city")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItem(code)))
			.andExpect(jsonPath("$[?(@.code == '" + code + "')].name", hasItem(name)))
			.andExpect(jsonPath("$[?(@.code == '" + code + "')].parentId", hasItem((int) gov)));
	}

	@Test
	void creating_a_unit_is_audited_with_the_new_values() throws Exception {
		String code = unique("t-aud-");
		long id = create(code, "审计测试单位" + code, "DEPARTMENT", null);
		var entries = audit(id);
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0)).containsEntry("actor", "admin")
			.containsEntry("action", "CREATE")
			.containsEntry("before_json", null)
			.containsEntry("remote_addr", "127.0.0.1");
		JsonNode after = json.readTree((String) entries.get(0).get("after_json"));
		assertThat(after.get("code").asString()).isEqualTo(code);
		assertThat(after.get("type").asString()).isEqualTo("DEPARTMENT");
	}

	@Test
	void only_administrators_create_units() throws Exception {
		String code = unique("t-no-");
		mvc.perform(unitForm("/org/units/new", code, "越权单位" + code, "ZONE", null).with(as("hualong")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/org/units/new").with(as("city"))).andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM unit WHERE code = :c").param("c", code).query(Long.class).single())
			.isZero();
	}

	// ------------------------------------------------------------------ validation

	String refused(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as("admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	long unitsNamed(String name) {
		return jdbc.sql("SELECT COUNT(*) FROM unit WHERE name = :n").param("n", name).query(Long.class).single();
	}

	@Test
	void an_empty_name_is_refused_naming_the_field_in_chinese() throws Exception {
		String code = unique("t-empty-");
		String html = refused(unitForm("/org/units/new", code, "", "ZONE", null));
		assertThat(html).contains("名称：不能为空").contains("id=\"form-errors\"").contains("is-invalid");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM unit WHERE code = :c").param("c", code).query(Long.class).single())
			.isZero();
	}

	@Test
	void a_code_in_the_wrong_format_is_refused() throws Exception {
		String name = unique("格式错误单位");
		String html = refused(unitForm("/org/units/new", "Bad Code!", name, "ZONE", null));
		assertThat(html).contains("代码：只能包含小写字母、数字、点和连字符");
		assertThat(unitsNamed(name)).isZero();
	}

	@Test
	void an_order_out_of_range_or_not_a_number_is_refused_in_words_the_user_reads() throws Exception {
		String name = unique("排序错误单位");
		String code = unique("t-order-");
		assertThat(refused(unitForm("/org/units/new", code, name, "ZONE", null, "-1")))
			.contains("排序：不能小于 0");
		assertThat(refused(unitForm("/org/units/new", code, name, "ZONE", null, "1.5")))
			.contains("排序：格式不正确")
			.doesNotContain("Failed to convert");
		assertThat(unitsNamed(name)).isZero();
	}

	@Test
	void a_duplicate_code_is_refused() throws Exception {
		String name = unique("重复代码单位");
		String html = refused(unitForm("/org/units/new", "hualong", name, "ZONE", null));
		assertThat(html).contains("代码：已存在相同的值");
		assertThat(unitsNamed(name)).isZero();
	}

	@Test
	void a_duplicate_name_is_refused() throws Exception {
		String code = unique("t-dup-");
		String html = refused(unitForm("/org/units/new", code, "华龙区", "COUNTY", null));
		assertThat(html).contains("名称：已存在相同的值");
		assertThat(unitsNamed("华龙区")).isOne();
	}

	@Test
	void renaming_a_unit_to_the_name_of_another_is_refused() throws Exception {
		String code = unique("t-ren-");
		long id = create(code, "改名前" + code, "ZONE", null);
		String html = refused(unitForm("/org/units/" + id + "/edit", code, "清丰县", "ZONE", null).param("version", "0"));
		assertThat(html).contains("名称：已存在相同的值");
		assertThat(unitRow(id)).containsEntry("name", "改名前" + code).containsEntry("version", 0);
	}

	// ------------------------------------------------------------------ editing

	@Test
	void editing_with_a_stale_version_shows_the_conflict_and_changes_nothing() throws Exception {
		String code = unique("t-edit-");
		long id = create(code, "原名" + code, "ZONE", null);
		// the first editor saves (version 0 -> 1)
		mvc.perform(unitForm("/org/units/" + id + "/edit", code, "甲修改" + code, "ZONE", null).param("version", "0")
			.with(as("admin"))).andExpect(status().is3xxRedirection());
		// the second editor still holds version 0
		String html = mvc
			.perform(unitForm("/org/units/" + id + "/edit", code, "乙修改" + code, "COUNTY", null).param("version", "0")
				.with(as("admin")))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("该记录已被他人修改");
		assertThat(unitRow(id)).containsEntry("name", "甲修改" + code)
			.containsEntry("type", "ZONE")
			.containsEntry("version", 1);
		assertThat(audit(id)).extracting(r -> r.get("action")).containsExactly("CREATE", "UPDATE");
	}

	@Test
	void the_edit_form_carries_the_current_version() throws Exception {
		String code = unique("t-ver-");
		long id = create(code, "版本" + code, "ZONE", null);
		units.setActive(id, false, 0);
		String html = page("/org/units/" + id + "/edit", "admin");
		assertThat(html).contains("name=\"version\" value=\"1\"");
	}

	@Test
	void a_unit_cannot_become_its_own_parent_or_a_child_of_its_descendant() throws Exception {
		String code = unique("t-top-");
		long top = create(code, "上级" + code, "ZONE", null);
		long child = create(unique("t-mid-"), unique("中级"), "ZONE", top);
		long grandchild = create(unique("t-low-"), unique("下级"), "ZONE", child);

		for (long parent : List.of(top, child, grandchild)) {
			String html = refused(unitForm("/org/units/" + top + "/edit", code, "上级" + code, "ZONE", parent)
				.param("version", "0"));
			assertThat(html).as("parent %s", parent).contains("上级单位：不能选择本单位或其下级单位作为上级单位");
		}
		assertThat(unitRow(top)).containsEntry("parent_id", null).containsEntry("version", 0);
	}

	@Test
	void moving_a_unit_under_an_unrelated_unit_is_allowed() throws Exception {
		String code = unique("t-move-");
		long id = create(code, "移动" + code, "ZONE", null);
		long qingfeng = unitId("qingfeng");
		mvc.perform(unitForm("/org/units/" + id + "/edit", code, "移动" + code, "ZONE", qingfeng).param("version", "0")
			.with(as("admin"))).andExpect(status().is3xxRedirection());
		assertThat(unitRow(id)).containsEntry("parent_id", qingfeng);
	}

	// ------------------------------------------------------------------ deactivate / activate, history

	@Test
	void deactivating_and_activating_is_audited_with_before_and_after() throws Exception {
		String code = unique("t-act-");
		long id = create(code, "停用测试" + code, "ZONE", null);
		mvc.perform(post("/org/units/" + id + "/deactivate").param("version", "0").with(csrf()).with(as("admin")))
			.andExpect(status().is3xxRedirection());
		assertThat(unitRow(id)).containsEntry("active", false);
		mvc.perform(post("/org/units/" + id + "/activate").param("version", "1").with(csrf()).with(as("admin")))
			.andExpect(status().is3xxRedirection());
		assertThat(unitRow(id)).containsEntry("active", true).containsEntry("version", 2);

		var entries = audit(id);
		assertThat(entries).extracting(r -> r.get("action")).containsExactly("CREATE", "DEACTIVATE", "ACTIVATE");
		var deactivated = entries.get(1);
		assertThat(deactivated.get("actor")).isEqualTo("admin");
		assertThat(json.readTree((String) deactivated.get("before_json")).get("active").asBoolean()).isTrue();
		assertThat(json.readTree((String) deactivated.get("after_json")).get("active").asBoolean()).isFalse();
		assertThat(json.readTree((String) entries.get(2).get("after_json")).get("active").asBoolean()).isTrue();
	}

	@Test
	void a_deactivated_unit_is_left_out_of_the_api_and_the_parent_choices() throws Exception {
		String code = unique("t-off-");
		String name = "已停用" + code;
		long id = create(code, name, "ZONE", null);
		units.setActive(id, false, 0);
		mvc.perform(get("/api/v1/units").with(as("admin")))
			.andExpect(jsonPath("$[?(@.code == '" + code + "')]").isEmpty());
		mvc.perform(get("/api/v1/units").param("includeInactive", "true").with(as("admin")))
			.andExpect(jsonPath("$[?(@.code == '" + code + "')].active", hasItem(false)));
		assertThat(page("/org/units/new", "admin")).doesNotContain(name);
		assertThat(page("/org/units?status=inactive", "admin")).contains(name);
		assertThat(page("/org/units?status=active", "admin")).doesNotContain(name);
	}

	@Test
	void deactivating_with_a_stale_version_is_a_conflict() throws Exception {
		String code = unique("t-stale-");
		long id = create(code, "过期版本" + code, "ZONE", null);
		units.setActive(id, false, 0);
		mvc.perform(post("/org/units/" + id + "/activate").param("version", "0").with(csrf()).with(as("admin")))
			.andExpect(status().isConflict());
		assertThat(unitRow(id)).containsEntry("active", false);
	}

	@Test
	void the_unit_page_shows_its_history() throws Exception {
		String code = unique("t-hist-");
		long id = create(code, "历史" + code, "ZONE", null);
		mvc.perform(unitForm("/org/units/" + id + "/edit", code, "历史改名" + code, "ZONE", null).param("version", "0")
			.with(as("admin"))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/org/units/" + id + "/deactivate").param("version", "1").with(csrf()).with(as("admin")))
			.andExpect(status().is3xxRedirection());

		String history = Pages.from(page("/org/units/" + id, "viewer"), "history");
		assertThat(history).contains("变更记录").contains("admin").contains("127.0.0.1");
		List<String> actions = all(history, "<td>(新建|修改|停用|启用)</td>");
		assertThat(actions).containsExactly("停用", "修改", "新建"); // newest first
		assertThat(history).contains("历史" + code).contains("历史改名" + code).contains("名称");
	}

	// ------------------------------------------------------------------ list

	List<String> listedNames(String html) {
		return all(table(html, "unit-table"), "<td[^>]*><a href=\"/org/units/\\d+\">([^<]+)</a>");
	}

	@Test
	void the_list_finds_units_by_a_chinese_substring() throws Exception {
		List<String> names = listedNames(page("/org/units?q=华龙", "viewer"));
		assertThat(names).contains("华龙区").allMatch(n -> n.contains("华龙"));
		assertThat(listedNames(page("/org/units?q=开发区", "viewer"))).contains("濮阳经济技术开发区")
			.doesNotContain("华龙区");
	}

	@Test
	void the_list_finds_units_by_code_and_short_name() throws Exception {
		assertThat(listedNames(page("/org/units?q=qingfeng", "viewer"))).containsExactly("清丰县");
		assertThat(listedNames(page("/org/units?q=大湾区组", "viewer"))).containsExactly("粤港澳大湾区驻地招商组");
	}

	@Test
	void the_list_filters_by_type() throws Exception {
		List<String> names = listedNames(page("/org/units?type=RESIDENT_TEAM", "viewer"));
		List<String> teams = jdbc.sql("SELECT name FROM unit WHERE type = 'RESIDENT_TEAM'").query(String.class).list();
		assertThat(names).containsExactlyInAnyOrderElementsOf(teams).contains("长三角驻地招商组").doesNotContain("华龙区");
	}

	@Test
	void the_list_sorts_by_code_and_by_name() throws Exception {
		String html = page("/org/units?type=COUNTY&sort=code", "viewer");
		List<String> codes = all(table(html, "unit-table"), "<code>([^<]+)</code>");
		assertThat(codes).hasSizeGreaterThanOrEqualTo(6).isSortedAccordingTo(Comparator.naturalOrder());
		assertThat(codes).startsWith("fanxian", "hualong");

		List<String> names = listedNames(page("/org/units?type=COUNTY&sort=name", "viewer"));
		assertThat(names).hasSameSizeAs(codes).isSortedAccordingTo(Comparator.naturalOrder());

		// the default order is the configured one: 华龙区 (30) before 濮阳县 (31) before 清丰县 (32)
		List<String> ordered = listedNames(page("/org/units?type=COUNTY", "viewer"));
		assertThat(ordered.indexOf("华龙区")).isLessThan(ordered.indexOf("濮阳县"));
		assertThat(ordered.indexOf("濮阳县")).isLessThan(ordered.indexOf("清丰县"));
	}

	@Test
	void the_list_pages_through_many_units() throws Exception {
		long count = jdbc.sql("SELECT COUNT(*) FROM unit").query(Long.class).single();
		for (long i = count; i < 55; i++) {
			String code = unique("t-page-");
			units.create(new UnitForm(code, "分页" + code, "", UnitType.INTERMEDIARY, null, "", "", "", 500, false, null));
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM unit").query(Long.class).single();
		int pages = (int) ((total + 49) / 50);

		String first = page("/org/units", "viewer");
		assertThat(listedNames(first)).hasSize(50);
		assertThat(first).contains("共 " + total + " 条，第 1/" + pages + " 页").contains("page=2");

		String second = page("/org/units?page=2", "viewer");
		assertThat(listedNames(second)).hasSize((int) Math.min(50, total - 50)).doesNotContainAnyElementsOf(listedNames(first));
		assertThat(second).contains("第 2/" + pages + " 页");

		String beyond = page("/org/units?page=999", "viewer");
		assertThat(beyond).contains("第 " + pages + "/" + pages + " 页");
	}

	@Test
	void a_search_without_match_says_so() throws Exception {
		assertThat(page("/org/units?q=" + unique("不存在"), "viewer")).contains("没有符合条件的记录。")
			.contains("共 0 条");
	}

	@Test
	void external_intermediaries_do_not_see_the_unit_list() throws Exception {
		mvc.perform(get("/org/units").with(as("agent"))).andExpect(status().isForbidden());
	}
}
