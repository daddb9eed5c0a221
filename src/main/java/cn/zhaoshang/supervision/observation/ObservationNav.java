package cn.zhaoshang.supervision.observation;

import java.util.Set;

import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The half-year observation and the year-end summary in the supervision (督查) group of the navigation. */
@Configuration(proxyBeanMethods = false)
class ObservationNav {

	private static final Set<Role> INTERNAL = Role.where(Role::isInternal);

	@Bean
	NavItem navObservations() {
		return new NavItem("nav.group.supervision", "nav.observations", ObservationController.PAGE, 640, INTERNAL);
	}

	@Bean
	NavItem navYearEnd() {
		return new NavItem("nav.group.supervision", "nav.yearEnd", "/supervision/year-end", 650, INTERNAL);
	}
}
