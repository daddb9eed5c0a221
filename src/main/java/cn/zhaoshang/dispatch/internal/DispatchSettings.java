package cn.zhaoshang.dispatch.internal;

import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.SettingDefinition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dispatch rounds' settings, changed by administrators and the city bureau on the 系统设置 page. */
@Configuration(proxyBeanMethods = false)
class DispatchSettings {

	/** How many months a round covers (the calendar: every two months by default). */
	static final String PERIOD_MONTHS = "dispatch.periodMonths";

	/** How many days before the deadline the units are reminded. */
	static final String REMIND_DAYS = "dispatch.remindDaysBefore";

	@Bean
	SettingDefinition dispatchPeriodMonths() {
		return SettingDefinition.ofInt(PERIOD_MONTHS, "dispatch.periodMonths", "dispatch.periodMonths.help", 2, 1, 12)
			.editableBy(Role.CITY_SUPERVISOR);
	}

	@Bean
	SettingDefinition dispatchRemindDaysBefore() {
		return SettingDefinition.ofInt(REMIND_DAYS, "dispatch.remindDaysBefore", "dispatch.remindDaysBefore.help", 3,
				1, 30)
			.editableBy(Role.CITY_SUPERVISOR);
	}
}
