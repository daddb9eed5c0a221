package cn.zhaoshang.activity.event;

import java.util.Set;

import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The events' entries of the navigation (招商活动). */
@Configuration(proxyBeanMethods = false)
class EventNav {

	static final String GROUP = "nav.group.activities";

	private static final Set<Role> READERS = Role.where(Role::isInternal);

	@Bean
	NavItem navActivityEvents() {
		return new NavItem(GROUP, "nav.activityEvents", EventController.PAGE, 400, READERS);
	}

	@Bean
	NavItem navActivityEventRanking() {
		return new NavItem(GROUP, "nav.activityEventRanking", EventController.PAGE + "/ranking", 405, READERS);
	}
}
