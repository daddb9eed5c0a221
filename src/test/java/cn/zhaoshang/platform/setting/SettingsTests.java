package cn.zhaoshang.platform.setting;

import static cn.zhaoshang.support.Pages.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhaoshang.platform.SettingDefinition;
import cn.zhaoshang.platform.Settings;
import cn.zhaoshang.platform.user.AccountUserDetailsService;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 系统设置: declared settings answer their default until an administrator saves a value; the form names the setting
 * and the broken rule in Chinese, refuses a stale version (409) and every change lands in the audit trail.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SettingsTests {

	static final String DAYS = "test.days";
	static final String NOTE = "test.note";

	@TestConfiguration
	static class Declared {

		@Bean
		SettingDefinition testDays() {
			return SettingDefinition.ofInt(DAYS, "setting.nav", "setting.intro", 30, 1, 365);
		}

		@Bean
		SettingDefinition testNote() {
			return SettingDefinition.ofText(NOTE, "notification.title", null, "hello", 10);
		}
	}

	@Autowired
	Settings settings;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountUserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	private Integer version(String key) {
		return jdbc.sql("SELECT version FROM app_setting WHERE setting_key = ?").param(key).query(Integer.class)
			.optional().orElse(null);
	}

	@Test
	void an_unsaved_setting_has_its_default_and_a_saved_one_its_value_audited() throws Exception {
		assertThat(settings.intValue(DAYS)).isEqualTo(30);
		assertThat(settings.booleanValue("notification.mailEnabled")).isTrue();

		String list = mvc.perform(get("/admin/settings").with(as(accounts, "admin"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(list).contains("id=\"setting-test.days\"").contains("id=\"setting-notification.mailEnabled\"")
			.contains("发送邮件通知");

		mvc.perform(post("/admin/settings/" + DAYS).param("settingValue", " 45 ").with(csrf())
			.with(as(accounts, "admin"))).andExpect(redirectedUrl("/admin/settings"));
		assertThat(settings.intValue(DAYS)).isEqualTo(45);
		assertThat(jdbc.sql("SELECT after_json FROM audit_entry WHERE record_type = 'setting' AND record_id = ? "
				+ "AND action = 'UPDATE' AND actor = 'admin'").param(DAYS).query(String.class).single())
			.contains("45");

		mvc.perform(post("/admin/settings/" + DAYS).param("settingValue", "60").param("version", "" + version(DAYS))
			.with(csrf()).with(as(accounts, "admin"))).andExpect(redirectedUrl("/admin/settings"));
		assertThat(settings.intValue(DAYS)).isEqualTo(60);
		String history = mvc.perform(get("/admin/settings/" + DAYS).with(as(accounts, "admin")))
			.andReturn().getResponse().getContentAsString();
		assertThat(history).contains("id=\"history\"").contains("45").contains("60");
	}

	@Test
	void the_form_names_the_setting_and_the_rule_in_chinese() throws Exception {
		String note = settings.textValue(NOTE);
		String outOfRange = mvc.perform(post("/admin/settings/" + DAYS).param("settingValue", "0")
			.param("version", String.valueOf(version(DAYS) == null ? "" : version(DAYS))).with(csrf())
			.with(as(accounts, "admin"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(outOfRange).contains("系统设置：必须在 1 到 365 之间");
		String notANumber = mvc.perform(post("/admin/settings/" + DAYS).param("settingValue", "abc").with(csrf())
			.with(as(accounts, "admin"))).andReturn().getResponse().getContentAsString();
		assertThat(notANumber).contains("系统设置：必须是整数");
		String tooLong = mvc.perform(post("/admin/settings/" + NOTE).param("settingValue", "一二三四五六七八九十一")
			.with(csrf()).with(as(accounts, "admin"))).andReturn().getResponse().getContentAsString();
		assertThat(tooLong).contains("我的通知：不能超过 10 个字符");
		String notBoolean = mvc.perform(post("/admin/settings/notification.mailEnabled").param("settingValue", "maybe")
			.with(csrf()).with(as(accounts, "admin"))).andReturn().getResponse().getContentAsString();
		assertThat(notBoolean).contains("发送邮件通知：只能选择“是”或“否”");
		assertThat(settings.textValue(NOTE)).isEqualTo(note);
		assertThat(settings.booleanValue("notification.mailEnabled")).isTrue();
	}

	@Test
	void a_stale_version_is_refused_and_changes_nothing() throws Exception {
		mvc.perform(post("/admin/settings/" + NOTE).param("settingValue", "first").with(csrf())
			.with(as(accounts, "admin"))).andExpect(redirectedUrl("/admin/settings"));
		int seen = version(NOTE);
		mvc.perform(post("/admin/settings/" + NOTE).param("settingValue", "second").param("version", "" + seen)
			.with(csrf()).with(as(accounts, "admin"))).andExpect(redirectedUrl("/admin/settings"));
		mvc.perform(post("/admin/settings/" + NOTE).param("settingValue", "third").param("version", "" + seen)
			.with(csrf()).with(as(accounts, "admin"))).andExpect(status().isConflict());
		// A second administrator who opened the form before the first save (no version yet) is refused too.
		mvc.perform(post("/admin/settings/" + NOTE).param("settingValue", "fourth").with(csrf())
			.with(as(accounts, "admin"))).andExpect(status().isConflict());
		assertThat(settings.textValue(NOTE)).isEqualTo("second");
	}

	@Test
	void an_unknown_setting_is_not_found() throws Exception {
		mvc.perform(get("/admin/settings/no.such").with(as(accounts, "admin"))).andExpect(status().isNotFound());
	}
}
