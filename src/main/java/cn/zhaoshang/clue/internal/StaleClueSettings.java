package cn.zhaoshang.clue.internal;

import cn.zhaoshang.platform.SettingDefinition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The setting of stale-clue detection, changed by administrators on the 系统设置 page. */
@Configuration(proxyBeanMethods = false)
class StaleClueSettings {

	/** After how many days without follow-up an open clue is stale (the key is also its label's message key). */
	static final String STALE_AFTER_DAYS = "clue.staleAfterDays";

	@Bean
	SettingDefinition clueStaleAfterDays() {
		return SettingDefinition.ofInt(STALE_AFTER_DAYS, "clue.staleAfterDays", "clue.staleAfterDays.help", 30, 1,
				365);
	}
}
