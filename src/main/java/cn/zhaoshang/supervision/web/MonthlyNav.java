package cn.zhaoshang.supervision.web;

import java.util.Set;

import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The monthly notifications in the supervision group, for the roles that read the figures. */
@Configuration(proxyBeanMethods = false)
class MonthlyNav {

	@Bean
	NavItem navMonthly() {
		return new NavItem(SupervisionNav.GROUP, "nav.monthly", MonthlyController.PAGE, 620,
				Set.of(Role.ADMIN, Role.CITY_SUPERVISOR, Role.UNIT_MANAGER, Role.UNIT_STAFF, Role.LEADER));
	}
}
