package cn.zhaoshang.service.appeal;

import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.SettingDefinition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The appeals' time limits, changed by administrators and the city bureau on the 系统设置 page: answer within N
 * working days per category (acknowledging is always within one working day).
 */
@Configuration(proxyBeanMethods = false)
class AppealSettings {

	private static SettingDefinition days(AppealCategory category, int defaultDays) {
		return SettingDefinition
			.ofInt(category.settingKey(), "appeal.setting." + category.name(), "appeal.setting.help", defaultDays, 1,
					60)
			.editableBy(Role.CITY_SUPERVISOR);
	}

	@Bean
	SettingDefinition appealAnswerDaysLand() {
		return days(AppealCategory.LAND, 10);
	}

	@Bean
	SettingDefinition appealAnswerDaysApproval() {
		return days(AppealCategory.APPROVAL, 5);
	}

	@Bean
	SettingDefinition appealAnswerDaysFinancing() {
		return days(AppealCategory.FINANCING, 10);
	}

	@Bean
	SettingDefinition appealAnswerDaysPolicy() {
		return days(AppealCategory.POLICY, 10);
	}

	@Bean
	SettingDefinition appealAnswerDaysUtilities() {
		return days(AppealCategory.UTILITIES, 5);
	}

	@Bean
	SettingDefinition appealAnswerDaysOther() {
		return days(AppealCategory.OTHER, 7);
	}
}
