package cn.zhaoshang.supervision.internal;

import cn.zhaoshang.platform.NotificationKind;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notice kind of a published week (users may switch it off). */
@Configuration(proxyBeanMethods = false)
class WeeklyNotices {

	@Bean
	NotificationKind weeklyPublishedKind() {
		return new NotificationKind(WeeklyPublisher.KIND, "notice.kind." + WeeklyPublisher.KIND,
				"notice.kind." + WeeklyPublisher.KIND + ".help", 90);
	}
}
