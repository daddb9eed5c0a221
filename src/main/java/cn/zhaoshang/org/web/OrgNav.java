package cn.zhaoshang.org.web;

import java.util.Set;

import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The organisation module's navigation entries. */
@Configuration(proxyBeanMethods = false)
class OrgNav {

	private static final Set<Role> INTERNAL = Role.where(Role::isInternal);

	@Bean
	NavItem navUnits() {
		return new NavItem("nav.group.org", "nav.units", "/org/units", 800, INTERNAL);
	}

	@Bean
	NavItem navPeople() {
		return new NavItem("nav.group.org", "nav.people", "/org/people", 810, INTERNAL);
	}
}
