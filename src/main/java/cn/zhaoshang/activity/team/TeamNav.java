package cn.zhaoshang.activity.team;

import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The teams' entry of the navigation (驻地招商组与联合小分队). */
@Configuration(proxyBeanMethods = false)
class TeamNav {

	@Bean
	NavItem navActivityTeams() {
		return new NavItem("nav.group.activities", "nav.activityTeams", TeamController.PAGE, 420,
				Role.where(Role::isInternal));
	}
}
