package cn.zhaoshang.dispatch.internal;

import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.SettingDefinition;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The stagnation rule's setting, changed on the 系统设置 page by administrators and the city bureau. */
@Configuration(proxyBeanMethods = false)
class StalledSettings {

	/** After how many consecutive rounds without obvious progress a project is stalled (the key is its label key). */
	static final String STALLED_AFTER_ROUNDS = "dispatch.stalledAfterRounds";

	@Bean
	SettingDefinition dispatchStalledAfterRounds() {
		return new SettingDefinition(STALLED_AFTER_ROUNDS, STALLED_AFTER_ROUNDS, STALLED_AFTER_ROUNDS + ".help",
				SettingDefinition.Type.INT, String.valueOf(StagnationRule.DEFAULT_ROUNDS), 1, 12, null,
				Set.of(Role.CITY_SUPERVISOR), null);
	}
}
