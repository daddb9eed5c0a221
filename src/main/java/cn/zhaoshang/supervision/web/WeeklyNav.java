package cn.zhaoshang.supervision.web;

import java.util.Set;

import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The weekly dynamics entry of the supervision group, for every internal role. */
@Configuration(proxyBeanMethods = false)
class WeeklyNav {

	private static final Set<Role> INTERNAL = Role.where(Role::isInternal);

	@Bean
	NavItem navWeekly() {
		return new NavItem(SupervisionNav.GROUP, "nav.weekly", WeeklyController.PAGE, 610, INTERNAL);
	}
}
