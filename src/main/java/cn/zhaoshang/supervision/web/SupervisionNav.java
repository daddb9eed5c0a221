package cn.zhaoshang.supervision.web;

import java.util.Set;

import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The supervision (督查) group of the navigation: the annual targets, read by every internal role. */
@Configuration(proxyBeanMethods = false)
class SupervisionNav {

	static final String GROUP = "nav.group.supervision";

	private static final Set<Role> INTERNAL = Role.where(Role::isInternal);

	@Bean
	NavItem navTargets() {
		return new NavItem(GROUP, "nav.targets", TargetController.PAGE, 600, INTERNAL);
	}
}
