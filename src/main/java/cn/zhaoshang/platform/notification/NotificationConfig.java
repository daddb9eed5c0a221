package cn.zhaoshang.platform.notification;

import cn.zhaoshang.platform.SettingDefinition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notifications' own setting. */
@Configuration(proxyBeanMethods = false)
class NotificationConfig {

	@Bean
	SettingDefinition notificationMailSetting() {
		// The setting's key is also the message key of its label.
		return SettingDefinition.ofBoolean(NotificationService.MAIL_ENABLED, "notification.mailEnabled",
				"notification.mailEnabled.help", true);
	}
}
