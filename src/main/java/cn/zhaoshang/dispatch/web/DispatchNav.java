package cn.zhaoshang.dispatch.web;

import java.util.Set;

import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dispatch entries of the navigation (调度). */
@Configuration(proxyBeanMethods = false)
class DispatchNav {

	private static final String GROUP = "nav.group.supervision";

	private static final Set<Role> READERS = Role.where(Role::isInternal);

	@Bean
	NavItem navDispatchRounds() {
		return new NavItem(GROUP, "nav.dispatchRounds", "/dispatch/rounds", 300, READERS);
	}

	@Bean
	NavItem navDispatchMajors() {
		return new NavItem(GROUP, "nav.dispatchMajors", "/dispatch/major-matters", 305, READERS);
	}
}
